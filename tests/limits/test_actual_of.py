"""What a finished call is charged, by outcome: a call that reached its upstream counts, one that never did is
released, and a call whose client left before it was sent (held for approval) is released too."""

from __future__ import annotations

import pytest

from gateway.limits.budget import Amounts
from gateway.limits.budgets import actual_of
from gateway.trace.events import CallRecord, Outcome


def record(api: str, outcome: Outcome, tokens: tuple[int, int] = (0, 0), **detail: object) -> CallRecord:
    return CallRecord("c1", "r1", "a", api, "t", 0.0, 1.0, 200, outcome, "rev", prompt_tokens=tokens[0],
                      completion_tokens=tokens[1], cost_usd=0.0, detail=detail)


@pytest.mark.parametrize(("rec", "charged"), [
    (record("tool", Outcome.OK), Amounts(tool_calls=1)),
    (record("tool", Outcome.CANCELLED), Amounts(tool_calls=1)),  # sent, then the client left: it may have run
    (record("tool", Outcome.CANCELLED, sent=False), Amounts()),  # left while held for approval: nothing ran
    (record("tool", Outcome.UPSTREAM_ERROR), Amounts()),
    (record("chat.completions", Outcome.OK, (10, 5)), Amounts(10, 5, 0, llm_calls=1)),
    (record("chat.completions", Outcome.CANCELLED, (10, 0)), Amounts(10, 0, 0, llm_calls=1)),
    (record("chat.completions", Outcome.CANCELLED, sent=False), Amounts()),
    (record("chat.completions", Outcome.REFUSED), Amounts()),
])
def test_what_a_finished_call_is_charged(rec: CallRecord, charged: Amounts) -> None:
    assert actual_of(rec, None) == charged
