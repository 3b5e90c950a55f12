"""Assemble a run's trace (calls in order, each with its verdicts, and totals) from stored rows."""

from __future__ import annotations

from collections import defaultdict
from typing import Any


def run_view(run_id: str, calls: list[dict[str, Any]], decisions: list[dict[str, Any]]) -> dict[str, Any] | None:
    if not calls and not decisions:
        return None
    by_call: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for d in decisions:
        by_call[d["decision_id"]].append(d)
    out_calls = []
    for c in sorted(calls, key=lambda c: c["started_at"]):
        out_calls.append({**c, "decisions": by_call.pop(c["call_id"], [])})
    # Decisions whose call record is not written yet (still in flight) are shown on their own.
    pending = [{"call_id": k, "decisions": v, "outcome": "in-flight"} for k, v in by_call.items()]
    totals = {
        "calls": len(out_calls),
        "refused": sum(1 for c in out_calls if c["outcome"] == "refused"),
        "prompt_tokens": sum(c["prompt_tokens"] for c in out_calls),
        "completion_tokens": sum(c["completion_tokens"] for c in out_calls),
        "cost_usd": round(sum(c["cost_usd"] for c in out_calls), 8),
    }
    return {"run_id": run_id, "calls": out_calls + pending, "totals": totals}
