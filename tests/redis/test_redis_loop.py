"""Loop protection in Redis: two counters (two replicas) count one run together; keys expire; Redis down denies."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
import redis.asyncio as aioredis

from gateway.checks.loop import LoopProtection
from gateway.errors import Reason
from gateway.model import Action
from gateway.pipeline.check import Step
from gateway.pipeline.runner import Runner
from gateway.stores.redis_loop import RedisLoopCounter
from gateway.trace.events import DecisionEvent
from tests.checks.support import HITS, tool_call, tool_rules
from tests.redis.replicas import URL, replica_clients
from tests.support.process import free_port

needs_redis = pytest.mark.skipif(not URL, reason="WARDGATE_TEST_REDIS_URL is not set")


async def _with_replicas(body: Callable[[list[RedisLoopCounter], aioredis.Redis], Awaitable[Any]]) -> Any:
    """Two counters on two clients (as two replicas have) under a key prefix of this test's own."""
    async with replica_clients() as (clients, prefix):
        return await body([RedisLoopCounter(c, prefix) for c in clients], clients[0])


@pytest.mark.redis
@needs_redis
def test_two_replicas_count_together_per_run_tool_and_arguments() -> None:
    async def body(counters: list[RedisLoopCounter], r: aioredis.Redis) -> list[int]:
        counts = [await counters[i % 2].hit(run, tool, h) for i, (run, tool, h, _c) in enumerate(HITS)]
        keys = {counters[0].key(run, tool, h) for run, tool, h, _c in HITS}
        assert len(keys) == 6 and all([await r.pttl(k) > 0 for k in keys])  # every key expires
        return counts

    assert asyncio.run(_with_replicas(body)) == [c for *_, c in HITS]  # the same table as in process


@pytest.mark.redis
@needs_redis
def test_every_key_expires_with_the_window_from_the_first_call() -> None:
    async def body(counters: list[RedisLoopCounter], r: aioredis.Redis) -> None:
        a, b = counters
        await a.hit("run", "t", "h")
        key = a.key("run", "t", "h")
        first = await r.pttl(key)
        assert 3_599_000 < first <= 3_600_000
        await r.pexpire(key, 50_000)  # as if most of the window had passed: later calls do not push it back
        await b.hit("run", "t", "h")
        assert 0 < await r.pttl(key) <= 50_000
        await r.persist(key)  # a key that lost its TTL gets one again at the next call
        assert await b.hit("run", "t", "h") == 3 and await r.pttl(key) > 3_599_000
        await r.pexpire(key, 1)
        await asyncio.sleep(0.01)
        assert await a.hit("run", "t", "h") == 1  # expired: the window starts over
        assert await r.pttl(key) > 3_599_000

    asyncio.run(_with_replicas(body))


@pytest.mark.redis
@needs_redis
def test_the_call_past_the_limit_is_refused_whichever_replica_gets_it(tmp_path: Path) -> None:
    rules = tool_rules(tmp_path, loop_limit=3)

    async def body(counters: list[RedisLoopCounter], _: aioredis.Redis) -> list[tuple[Action, Reason | None]]:
        checks = [LoopProtection(c) for c in counters]
        out = []
        for i in range(5):
            v = await checks[i % 2].on_request(tool_call(i, {"q": "same"}), rules)
            out.append((v.action, v.reason))
        other = await checks[0].on_request(tool_call(9, {"q": "other"}), rules)
        other_run = await checks[1].on_request(tool_call(10, {"q": "same"}, run="run-2"), rules)
        assert other.action is other_run.action is Action.CONTINUE
        return out

    assert asyncio.run(_with_replicas(body)) == [(Action.CONTINUE, None)] * 3 + [(Action.DENY, Reason.LOOP_DETECTED)] * 2


@pytest.mark.parametrize(("on_error", "action", "reason"), [
    ("deny", Action.DENY, Reason.CHECK_FAILED),  # the default: fail closed
    ("allow", Action.CONTINUE, None),
])
def test_redis_unreachable_follows_the_checks_on_error(tmp_path: Path, on_error: str, action: Action,
                                                       reason: Reason | None) -> None:
    """No Redis listens on this loopback port: the hit raises and the runner applies `checks.yaml`."""
    rules = tool_rules(tmp_path, loop_limit=3, checks={"loop": {"on_error": on_error}})

    async def run() -> tuple[Action, Reason | None, dict[str, Any]]:
        client = aioredis.Redis(host="127.0.0.1", port=free_port(), socket_connect_timeout=0.5, socket_timeout=0.5)
        events: list[DecisionEvent] = []
        runner = Runner([Step(LoopProtection(RedisLoopCounter(client, "wgtest:")), "t")], [], events.append)
        try:
            result = await runner.run_request(tool_call(1, {"q": "x"}), rules)
        finally:
            await client.aclose()
        [event] = events
        assert event.check == "loop"
        if result.stop is None:
            return Action.CONTINUE, None, dict(event.detail or {})
        return result.stop.verdict.action, result.stop.verdict.reason, dict(event.detail or {})

    got_action, got_reason, detail = asyncio.run(run())
    assert (got_action, got_reason) == (action, reason)
    assert detail == {"error": "ConnectionError", "on_error": on_error}
