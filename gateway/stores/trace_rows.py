"""Rows of the decision log, shared by the SQLite and PostgreSQL stores: one row per call and batch of verdicts.

Records are serialized once, by orjson, straight from the frozen dataclasses (no intermediate dict per
verdict): bench/trace_rows_cost.py. `enforced` is derived from `mode`, so it is added when a row is read.

Each decision row carries an event id made once, when the row is made; the row travels with it through the
in-memory backlog and the spill files, so a batch written twice (a commit whose acknowledgement was lost, a
spill replayed after a crash between write and unlink) inserts each row once: the stores ignore an id they
already hold (tests/stores/test_trace_replay.py). A call record's id is its call id.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from typing import Any

import orjson

from gateway.trace.events import CallRecord, DecisionEvent

DecisionRow = tuple[str, str, str, str]  # event_id, run_id, decision_id, JSON list of verdicts
CallRow = tuple[str, str, float, str]    # call_id, run_id, started_at, JSON record

_OPTS = orjson.OPT_NON_STR_KEYS


def _default(value: Any) -> Any:
    if isinstance(value, Mapping):  # a read-only detail mapping
        return dict(value)
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)
    return str(value)


def _dumps(value: Any) -> str:
    return orjson.dumps(value, default=_default, option=_OPTS).decode()


def event_id() -> str:
    """A decision row's unique id (96 random bits, hex)."""
    return os.urandom(12).hex()


def decision_row(values: list[Any] | tuple[Any, ...]) -> DecisionRow:
    """A row read back from a spill file; one spilled before rows had ids gets one now."""
    if len(values) == 3:
        return (event_id(), str(values[0]), str(values[1]), str(values[2]))
    return (str(values[0]), str(values[1]), str(values[2]), str(values[3]))


def decision_rows(decisions: list[DecisionEvent]) -> list[DecisionRow]:
    """(event_id, run_id, decision_id, JSON list of verdicts): one row per call in this batch, verdicts in order.

    One JSON document per call instead of one per verdict: the log is written for every call, and per-row
    overhead dominated its cost."""
    grouped: dict[tuple[str, str], list[DecisionEvent]] = {}
    for d in decisions:
        grouped.setdefault((d.run_id, d.decision_id), []).append(d)
    return [(event_id(), run, dec, _dumps(items)) for (run, dec), items in grouped.items()]


def call_rows(calls: list[CallRecord]) -> list[CallRow]:
    return [(c.call_id, c.run_id, c.started_at, _dumps(c)) for c in calls]


def verdicts(bodies: Iterable[str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for body in bodies:
        items = json.loads(body)
        for item in items if isinstance(items, list) else [items]:
            item.setdefault("enforced", item.get("mode") == "enforce")
            out.append(item)
    return out
