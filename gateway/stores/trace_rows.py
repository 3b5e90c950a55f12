"""Rows of the decision log, shared by the SQLite and PostgreSQL stores: one row per call and batch of verdicts."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from gateway.trace.events import CallRecord, DecisionEvent

DecisionRow = tuple[str, str, str]       # run_id, decision_id, JSON list of verdicts
CallRow = tuple[str, str, float, str]    # call_id, run_id, started_at, JSON record


def decision_rows(decisions: list[DecisionEvent]) -> list[DecisionRow]:
    """(run_id, decision_id, JSON list of verdicts): one row per call in this batch, verdicts in order.

    One JSON document per call instead of one per verdict: the log is written for every call, and per-row
    overhead dominated its cost."""
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for d in decisions:
        grouped.setdefault((d.run_id, d.decision_id), []).append(d.to_dict())
    return [(run, dec, json.dumps(items, default=str, separators=(",", ":"))) for (run, dec), items in grouped.items()]


def call_rows(calls: list[CallRecord]) -> list[CallRow]:
    return [(c.call_id, c.run_id, c.started_at, json.dumps(c.to_dict(), default=str, separators=(",", ":")))
            for c in calls]


def verdicts(bodies: Iterable[str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for body in bodies:
        items = json.loads(body)
        out.extend(items if isinstance(items, list) else [items])
    return out
