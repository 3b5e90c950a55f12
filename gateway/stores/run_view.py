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
    return {"run_id": run_id, "calls": out_calls + pending, "totals": _totals(out_calls)}


def _totals(calls: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "calls": len(calls),
        "refused": sum(1 for c in calls if c["outcome"] == "refused"),
        "prompt_tokens": sum(c["prompt_tokens"] for c in calls),
        "completion_tokens": sum(c["completion_tokens"] for c in calls),
        "cost_usd": round(sum(c["cost_usd"] for c in calls), 8),
    }


def agents_run(view: dict[str, Any] | None, agent_id: str) -> dict[str, Any] | None:
    """The part of a run's trace one agent made: runs belong to their agent, and another agent sending the
    same run id (or an unauthenticated caller) does not write into it."""
    if view is None:
        return None
    calls = [c for c in view["calls"] if ("outcome" in c and c.get("agent_id") == agent_id)
             or ("agent_id" not in c and c["decisions"] and all(d.get("agent_id") == agent_id for d in c["decisions"]))]
    if not calls:
        return None
    recorded = [c for c in calls if "agent_id" in c]
    return {"run_id": view["run_id"], "agent_id": agent_id, "calls": calls, "totals": _totals(recorded)}
