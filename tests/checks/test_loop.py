"""Loop protection in process: the pure verdict, the counter's window and bound, the check over a rule set."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from gateway.checks.loop import LoopProtection, loop_verdict
from gateway.errors import Reason
from gateway.model import Action
from gateway.tools.loop_counts import LoopCounter
from tests.checks.support import HITS, tool_call, tool_rules


@pytest.mark.parametrize(("count", "limit", "action"), [
    (1, 5, Action.CONTINUE),
    (5, 5, Action.CONTINUE),  # at the limit: still allowed
    (6, 5, Action.DENY),      # one past it
    (1, 1, Action.CONTINUE),
    (2, 1, Action.DENY),
])
def test_loop_verdict(count: int, limit: int, action: Action) -> None:
    verdict = loop_verdict("kb.lookup", count, limit)
    assert verdict.action is action
    if action is Action.DENY:
        assert verdict.reason is Reason.LOOP_DETECTED and verdict.detail == {"tool": "kb.lookup", "count": count,
                                                                             "limit": limit}


def test_counts_per_run_tool_and_arguments() -> None:
    counter = LoopCounter()
    assert [asyncio.run(counter.hit(run, tool, h)) for run, tool, h, _ in HITS] == [c for *_, c in HITS]


@pytest.mark.parametrize(("elapsed", "count"), [(0.0, 3), (3599.0, 3), (3600.0, 3), (3600.5, 1)])
def test_the_window_starts_at_the_first_call(elapsed: float, count: int) -> None:
    now = [0.0]
    counter = LoopCounter(ttl_s=3600.0, clock=lambda: now[0])
    asyncio.run(counter.hit("r", "t", "h"))
    now[0] = min(elapsed, 1.0)  # a later call does not push the window back
    asyncio.run(counter.hit("r", "t", "h"))
    now[0] = elapsed
    assert asyncio.run(counter.hit("r", "t", "h")) == count


def test_bounded_oldest_forgotten_first() -> None:
    counter = LoopCounter(max_entries=2)
    for h in ("a", "b", "a", "c"):  # 'a' was used again after 'b', so 'b' is the oldest when 'c' comes
        asyncio.run(counter.hit("r", "t", h))
    assert asyncio.run(counter.hit("r", "t", "a")) == 3
    assert asyncio.run(counter.hit("r", "t", "b")) == 1


def test_the_check_refuses_the_call_past_the_tools_limit(tmp_path: Path) -> None:
    rules, check = tool_rules(tmp_path, loop_limit=2), LoopProtection()

    async def calls() -> list[Action]:
        return [(await check.on_request(tool_call(i, {"q": "same"}), rules)).action for i in range(3)]

    assert asyncio.run(calls()) == [Action.CONTINUE, Action.CONTINUE, Action.DENY]
