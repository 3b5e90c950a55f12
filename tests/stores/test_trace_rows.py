"""The orjson rows read back exactly as the records' own `to_dict()` (the JSON the stores always wrote)."""

from __future__ import annotations

import json
from types import MappingProxyType
from typing import Any

import pytest

from gateway.errors import Reason
from gateway.model import Action, Mode
from gateway.stores.trace_rows import call_rows, decision_rows, verdicts
from gateway.trace.events import CallRecord, DecisionEvent, Outcome, Phase

REASON = next(iter(Reason))


def _event(check: str, mode: Mode, detail: Any, reason: Reason | None = None) -> DecisionEvent:
    return DecisionEvent("dec-1", "run-1", "agent", Phase.REQUEST, check, Action.CONTINUE, mode, "rev", 1.5,
                         reason, "", detail)


EVENTS = [
    _event("plain", Mode.ENFORCE, None),
    _event("monitored", Mode.MONITOR, {"hits": [{"entity": "EMAIL", "count": 2}]}, REASON),
    _event("proxy", Mode.ENFORCE, MappingProxyType({"score": 0.25, "spans": ((1, 4), (7, 9))})),
    _event("intkeys", Mode.ENFORCE, {1: "a", "b": None}),
]


def _plain_json(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))


@pytest.mark.parametrize("event", EVENTS, ids=[e.check for e in EVENTS])
def test_decision_row_reads_back_as_to_dict(event: DecisionEvent) -> None:
    [(_, run, dec, body)] = decision_rows([event])
    assert (run, dec) == ("run-1", "dec-1")
    assert verdicts([body]) == [_plain_json(event.to_dict())]


def test_one_row_per_call_with_verdicts_in_order() -> None:
    other = DecisionEvent("dec-2", "run-1", None, Phase.RESPONSE, "x", Action.DENY, Mode.ENFORCE, "rev", 2.0)
    rows = decision_rows([*EVENTS, other])
    assert [r[2] for r in rows] == ["dec-1", "dec-2"]
    assert [v["check"] for v in verdicts(r[3] for r in rows)] == [*(e.check for e in EVENTS), "x"]
    assert len({r[0] for r in rows}) == 2  # each row its own event id


def test_call_row_reads_back_as_to_dict() -> None:
    c = CallRecord("call-1", "run-1", "agent", "openai.chat", "gpt-4o-mini", 1.0, 2.5, 200, Outcome.OK, "rev",
                   reason=REASON, streamed=True, prompt_tokens=3, cost_usd=0.5, detail=MappingProxyType({"k": 1}))
    [(call_id, run, started, body)] = call_rows([c])
    assert (call_id, run, started) == ("call-1", "run-1", 1.0)
    assert json.loads(body) == _plain_json(c.to_dict())
