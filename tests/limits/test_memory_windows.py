"""The in-process windows (limits/windows.py) against the `limits` library's memory storage: the same hits at the
same instants through both; every decision and every window's stats must be the same."""

from __future__ import annotations

import asyncio
import types

import pytest
from limits.aio import strategies
from limits.aio.storage import memory
from limits.aio.strategies import MovingWindowRateLimiter, SlidingWindowCounterRateLimiter
from limits.storage import storage_from_string

from gateway.limits.ratelimit import window_item
from gateway.limits.windows import SWEEP_EVERY, MemoryWindows
from tests.support.window_rows import MOVING_ROWS

IDS = ("l0.abcdef0123@agent-a", "agent=agent-a")
START = 1_700_000_000.0

# The moving window's rows (tests/support/window_rows.py) are the Redis test's too.
# Sliding-window counter: hits over several fixed windows, at instants away from the weighted count's integer steps.
COUNTER_ROWS = [
    (100, 10, [(0.5, 30), (1, 30), (2, 30), (3, 30), (4, 10), (4.5, 1)]),            # a fresh window fills up exactly
    (100, 10, [(0.5, 80), (9.5, 10), (12.5, 30), (14.5, 40), (15.5, 6), (16.5, 5)]),  # the previous window weighs less
    (100, 10, [(0.2, 100), (10.05, 1), (10.05, 5), (19.9, 2), (25.3, 60)]),
    (1000, 60, [(1, 999), (60.3, 500), (60.3, 1), (119.7, 2), (300, 1000), (300, 1)]),
    (50, 1, [(0.1, 50), (1.49, 14), (1.49, 1), (1.49, 100), (3.2, 50)]),           # a cost above the limit never fits
]


def _clocked(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    now = [START]
    fake = types.SimpleNamespace(time=lambda: now[0])
    monkeypatch.setattr(memory, "time", fake)
    monkeypatch.setattr(strategies, "time", fake)
    return now


@pytest.mark.parametrize(("limit", "window_s", "steps"), MOVING_ROWS + COUNTER_ROWS)
@pytest.mark.parametrize("strategy", ["moving", "counter"])
def test_windows_decide_as_limits_does(monkeypatch: pytest.MonkeyPatch, strategy: str, limit: int, window_s: int,
                                       steps: list[tuple[float, int]]) -> None:
    now = _clocked(monkeypatch)

    async def run() -> None:
        kind = MovingWindowRateLimiter if strategy == "moving" else SlidingWindowCounterRateLimiter
        theirs = kind(storage_from_string("async+memory://"))
        windows = MemoryWindows(lambda: now[0])
        ours = windows.moving if strategy == "moving" else windows.counter
        item = window_item(limit, window_s)
        for at, cost in steps:
            now[0] = START + at
            expected = await theirs.hit(item, *IDS, cost=cost)
            assert await ours.hit(item, *IDS, cost=cost) is expected, (at, cost)
            want = await theirs.get_window_stats(item, *IDS)
            got = await ours.get_window_stats(item, *IDS)
            assert (got.remaining, got.reset_time) == pytest.approx((want.remaining, want.reset_time)), (at, cost)

    asyncio.run(run())


def test_keys_are_separate_and_idle_keys_are_swept() -> None:
    now = [START]
    windows = MemoryWindows(lambda: now[0])
    item = window_item(2, 10)

    async def run() -> None:
        assert await windows.moving.hit(item, "a")
        assert await windows.moving.hit(item, "a")
        assert not await windows.moving.hit(item, "a")
        assert await windows.moving.hit(item, "b")  # another key, its own window
        assert await windows.counter.hit(item, "c", cost=2)
        now[0] += 25  # every window above is idle now
        for _ in range(SWEEP_EVERY):
            await windows.moving.hit(window_item(10**9, 60), "busy")
        store = windows.moving._store
        assert set(store.logs) == {(10**9, 60, "busy")} and store.counters == {}
        assert await windows.moving.hit(item, "a")  # a swept key starts afresh

    asyncio.run(run())
