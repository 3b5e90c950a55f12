"""Assemble a run's trace (calls in order, each with its verdicts, and totals) and run summaries from stored rows.

Times stay epoch seconds (`started_at`, `at`) for programs, each with an ISO 8601 UTC sibling (`…_iso`) for people.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any


def iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _with_iso(decision: dict[str, Any]) -> dict[str, Any]:
    at = decision.get("at")
    return {**decision, "at_iso": iso(at)} if isinstance(at, int | float) else decision


def run_view(run_id: str, calls: list[dict[str, Any]], decisions: list[dict[str, Any]]) -> dict[str, Any] | None:
    if not calls and not decisions:
        return None
    by_call: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for d in decisions:
        by_call[d["decision_id"]].append(_with_iso(d))
    out_calls = []
    for c in sorted(calls, key=lambda c: c["started_at"]):
        out_calls.append({**c, "started_at_iso": iso(c["started_at"]), "decisions": by_call.pop(c["call_id"], [])})
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


def run_summaries(calls: Iterable[dict[str, Any]], agent: str | None, limit: int) -> list[dict[str, Any]]:
    """One line per run from its call records (any order): who, when, how many calls, what it cost; the most
    recently active run first. A run belongs to its agent (two agents sending one run id have a run each);
    `agent` keeps only that agent's runs."""
    runs: dict[tuple[str, str | None], dict[str, Any]] = {}
    for c in calls:
        key = (c["run_id"], c.get("agent_id"))
        r = runs.get(key)
        if r is None:
            r = runs[key] = {"run_id": c["run_id"], "agent_id": c.get("agent_id"), "first_at": c["started_at"],
                                     "last_at": c["started_at"], "calls": 0, "refused": 0, "prompt_tokens": 0,
                                     "completion_tokens": 0, "cost_usd": 0.0}
        r["first_at"], r["last_at"] = min(r["first_at"], c["started_at"]), max(r["last_at"], c["started_at"])
        r["calls"] += 1
        r["refused"] += c.get("outcome") == "refused"
        r["prompt_tokens"] += c.get("prompt_tokens", 0)
        r["completion_tokens"] += c.get("completion_tokens", 0)
        r["cost_usd"] += c.get("cost_usd", 0.0)
    chosen = [r for r in runs.values() if agent is None or r["agent_id"] == agent]
    chosen.sort(key=lambda r: r["last_at"], reverse=True)
    return [{**r, "cost_usd": round(r["cost_usd"], 8), "first_at_iso": iso(r["first_at"]),
             "last_at_iso": iso(r["last_at"])} for r in chosen[:limit]]
