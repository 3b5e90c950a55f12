"""The combined admission script's rate-limit windows against the `limits` library, on a real Redis: the same
request sequence through `limits` (its own scripts) and through the script, each under its own key prefix; every
decision, every refused window's stats and every stored value must be the same, and the keys the same but for the
prefix (issue 14, item 3)."""

from __future__ import annotations

import asyncio
import types
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
import redis.asyncio as aioredis
from limits.aio.storage.redis import redispy
from limits.aio.strategies import MovingWindowRateLimiter, SlidingWindowCounterRateLimiter
from limits.storage import storage_from_string

from gateway.limits.ratelimit import window_item
from gateway.stores.redis_admission import RedisAdmission
from gateway.stores.redis_windows import COUNTER, MOVING, stats_of, window
from tests.redis.replicas import URL, replica_clients
from tests.support.window_rows import MOVING_ROWS

pytestmark = [pytest.mark.redis, pytest.mark.skipif(not URL, reason="WARDGATE_TEST_REDIS_URL is not set")]

IDS = ("l0.abcdef0123@agent-a", "agent=agent-a")

# Moving window (request limits): tests/support/window_rows.py. Time is the test's own, given to both (`limits` reads
# time.time(), replaced here by the same fake clock).


@pytest.mark.parametrize(("limit", "window_s", "steps"), MOVING_ROWS)
def test_moving_window_decides_and_stores_what_limits_does(monkeypatch: pytest.MonkeyPatch, limit: int,
                                                           window_s: int, steps: list[tuple[float, int]]) -> None:
    start = 1_700_000_000.0
    now = [start]
    monkeypatch.setattr(redispy, "time", types.SimpleNamespace(time=lambda: now[0]))

    async def body(client: aioredis.Redis, prefix: str) -> None:
        storage = storage_from_string("async+" + str(URL), implementation="redispy", key_prefix=prefix + "lib")
        theirs = MovingWindowRateLimiter(storage)
        ours = RedisAdmission(client)
        item = window_item(limit, window_s)
        for at, cost in steps:
            now[0] = start + at
            expected = await theirs.hit(item, *IDS, cost=cost)
            w = window(MOVING, prefix + "ours", item, IDS, cost)
            reply = await ours.admit(now[0], [w], True, None, True, None)
            assert (reply.refused == 0) is expected, (at, cost)
            if not expected:
                stats = await theirs.get_window_stats(item, *IDS)
                got = stats_of(w, reply.state, now[0])
                assert (got.reset_at, got.remaining) == (stats.reset_time, stats.remaining), (at, cost)
        lib_key = f"{prefix}lib:{item.key_for(*IDS)}"
        assert await client.lrange(w.keys[0], 0, -1) == await client.lrange(lib_key, 0, -1)
        assert w.keys[0].removeprefix(prefix + "ours") == lib_key.removeprefix(prefix + "lib")
        await storage.bridge.storage.aclose()  # type: ignore[attr-defined]

    asyncio.run(_with_client(body))


# Sliding-window counter (token and spend limits): the two windows start in a given state (previous count and
# TTL, current count and TTL, in ms; TTLs chosen away from the weighted count's integer steps, so the
# microseconds between the two implementations' calls cannot change a decision), then costs are taken in order.
# (limit, window s, previous (count, ttl), current (count, ttl) or None, costs)
COUNTER_ROWS = [
    (100, 10, None, None, [30, 30, 30, 30, 10, 1]),                  # a fresh window fills up exactly
    (100, 10, (80, 5_500), (10, 15_500), [20, 30, 40, 6, 5]),           # weighted 44 + 10: 46 left
    (100, 10, (100, 9_950), (0, 19_950), [1, 5]),                      # previous all but whole: 99 + 0
    (100, 10, (100, 250), (50, 10_250), [40, 47, 5, 2]),               # previous nearly gone: 2 + 50
    (100, 10, None, (60, 6_500), [30, 11, 10]),                        # current past its half: shifts to previous
    (1000, 60, (999, 30_030), (0, 90_030), [500, 1, 2]),                # weighted floor(499.9...) = 499
    (50, 1, (50, 510), (10, 1_510), [14, 1, 100]),                     # a cost above the limit never fits
]


@pytest.mark.parametrize(("limit", "window_s", "prev", "cur", "costs"), COUNTER_ROWS)
def test_sliding_window_counter_decides_and_stores_what_limits_does(
        limit: int, window_s: int, prev: tuple[int, int] | None, cur: tuple[int, int] | None,
        costs: list[int]) -> None:
    async def body(client: aioredis.Redis, prefix: str) -> None:
        storage = storage_from_string("async+" + str(URL), implementation="redispy", key_prefix=prefix + "lib")
        theirs = SlidingWindowCounterRateLimiter(storage)
        ours = RedisAdmission(client)
        item = window_item(limit, window_s)
        windows = {side: window(COUNTER, prefix + side, item, IDS, 1) for side in ("lib", "ours")}
        async with client.pipeline(transaction=True) as p:  # both start from the same state, at the same instant
            for w in windows.values():
                for key, state in zip(w.keys, (prev, cur), strict=True):
                    if state is not None:
                        p.set(key, state[0], px=state[1])
            await p.execute()
        for cost in costs:
            expected = await theirs.hit(item, *IDS, cost=cost)
            w = window(COUNTER, prefix + "ours", item, IDS, cost)
            reply = await ours.admit(1.0, [w], True, None, True, None)
            assert (reply.refused == 0) is expected, cost
            if not expected:
                stats = await theirs.get_window_stats(item, *IDS)
                assert stats_of(w, reply.state, 0.0).remaining == stats.remaining, cost
        for lib_key, our_key in zip(windows["lib"].keys, windows["ours"].keys, strict=True):
            assert await client.get(our_key) == await client.get(lib_key)
            assert our_key.removeprefix(prefix + "ours") == lib_key.removeprefix(prefix + "lib")
        assert windows["lib"].keys == (f"{prefix}lib:{{{item.key_for(*IDS)}}}/-1", f"{prefix}lib:{{{item.key_for(*IDS)}}}")
        await storage.bridge.storage.aclose()  # type: ignore[attr-defined]

    asyncio.run(_with_client(body))


async def _with_client(body: Callable[[aioredis.Redis, str], Awaitable[Any]]) -> Any:
    async with replica_clients(1) as (clients, prefix):
        return await body(clients[0], prefix)
