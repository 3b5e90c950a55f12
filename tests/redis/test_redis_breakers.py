"""Shared breakers against a real Redis: two registries (two replicas) see one state and one probe."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
import redis.asyncio as aioredis

from gateway.limits.breaker_state import Admission, Admit
from gateway.limits.breakers import Breakers
from gateway.limits.rules import BreakerRule
from tests.redis.replicas import URL, replica_clients

pytestmark = [pytest.mark.redis, pytest.mark.skipif(not URL, reason="WARDGATE_TEST_REDIS_URL is not set")]
RULE = BreakerRule(failures=3, reset_s=10)


async def _with_replicas(body: Any) -> Any:
    now = [1000.0]
    async with replica_clients() as (clients, prefix):
        return await body([Breakers(lambda: now[0], c, prefix) for c in clients], now)


def test_opened_by_one_replica_fails_fast_on_the_other_then_one_probe_closes_it() -> None:
    async def body(regs: list[Breakers], now: list[float]) -> None:
        a, b = (r.get("gpt", RULE) for r in regs)
        for _ in range(2):
            assert (await a.enter(5)).admit is Admit.PASS
            await a.record(Admit.PASS, True)
        await b.record(Admit.PASS, False)  # a success (any replica) resets the consecutive count
        for _ in range(3):
            await b.record((await b.enter(5)).admit, True)
        assert await a.enter(5) == Admission(Admit.REJECT, 10.0)  # opened by b, refused on a
        now[0] += 4
        assert await b.enter(5) == Admission(Admit.REJECT, 6.0)
        now[0] += 6
        probes = await asyncio.gather(*[x.enter(5) for x in (a, b) for _ in range(10)])
        assert [p.admit for p in probes].count(Admit.PROBE) == 1  # one probe across both replicas
        assert (await b.snapshot()).state == "half-open"
        await a.record(Admit.PROBE, True)  # whoever probed: it failed, open for a full period again
        assert await b.enter(5) == Admission(Admit.REJECT, 10.0)
        now[0] += 10
        assert (await b.enter(5)).admit is Admit.PROBE
        await b.record(Admit.PROBE, False)
        assert (await a.enter(5)).admit is Admit.PASS and (await b.snapshot()).state == "closed"

    asyncio.run(_with_replicas(body))


def test_a_cancelled_probe_frees_the_slot_and_reset_closes_everywhere() -> None:
    async def body(regs: list[Breakers], now: list[float]) -> None:
        a, b = (r.get("tool:x", RULE) for r in regs)
        for _ in range(3):
            await a.record(Admit.PASS, True)
        now[0] += 10
        assert (await a.enter(5)).admit is Admit.PROBE
        assert (await b.enter(5)).admit is Admit.REJECT
        await a.abandon(Admit.PROBE)
        assert (await b.enter(5)).admit is Admit.PROBE
        snap = await a.snapshot()
        assert snap.probe_in_flight and snap.failures == 3
        await a.reset()
        assert (await b.enter(5)).admit is Admit.PASS and (await b.snapshot()).failures == 0

    asyncio.run(_with_replicas(body))


def test_an_unreachable_store_applies_the_breaker_policy_instead_of_raising() -> None:
    """Redis down (a port nothing listens on): calls pass as if closed, with the store fault said; outcomes and
    abandons are dropped without raising; the admin view says the state is unknown (issue 13, item 6)."""
    from gateway.limits.store_fault import StoreFault
    from tests.support.process import free_port

    async def body() -> None:
        client = aioredis.Redis.from_url(f"redis://127.0.0.1:{free_port()}/0", socket_connect_timeout=0.5)
        b = Breakers(lambda: 1000.0, client, "wgtest:down:").get("gpt", RULE)
        adm = await b.enter(5)
        assert adm == Admission(Admit.PASS, store_error=StoreFault.UNREACHABLE)
        await b.record(Admit.PASS, True)
        await b.abandon(Admit.PROBE)
        assert (await b.snapshot()).state == "unknown"
        await client.aclose()

    asyncio.run(body())
