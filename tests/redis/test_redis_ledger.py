"""The Redis budget ledger against a real Redis: same decisions as the pure arithmetic, atomic under load."""

from __future__ import annotations

import asyncio

import pytest

from gateway.limits.budget import Amounts, Caps
from gateway.stores.redis_budget import RedisBudgetLedger
from tests.redis.replicas import URL, replica_clients

pytestmark = [pytest.mark.redis, pytest.mark.skipif(not URL, reason="WARDGATE_TEST_REDIS_URL is not set")]


async def _with_ledger(body):  # type: ignore[no-untyped-def]
    async with replica_clients() as (clients, prefix):
        return await body([RedisBudgetLedger(c, prefix) for c in clients])


def test_reserve_settle_alert_and_expiry() -> None:
    caps = Caps(tokens=100, llm_calls=3)

    async def body(ledgers):  # type: ignore[no-untyped-def]
        a = ledgers[0]
        r = await a.reserve("run", "c1", Amounts(30, 30, 0, 1), caps, 1.0, 100)
        assert r.decision.admit and r.state.reserved == Amounts(30, 30, 0, 1)
        r2 = await a.reserve("run", "c2", Amounts(30, 30, 0, 1), caps, 1.0, 100)
        assert not r2.decision.admit and r2.decision.exceeded == ("tokens",)
        s = await a.settle("run", "c1", Amounts(50, 30, 0, 1), caps, 0.8, 2.0, 100)
        assert s.alert and s.state.used == Amounts(50, 30, 0, 1) and s.state.reserved == Amounts()
        again = await a.settle("run", "c1", Amounts(50, 30, 0, 1), caps, 0.8, 2.0, 100)
        assert not again.alert and again.state.used == Amounts(50, 30, 0, 1)  # idempotent
        fresh = await a.reserve("run", "c3", Amounts(30, 30, 0, 1), caps, 500.0, 100)  # idle past TTL
        assert fresh.decision.admit and fresh.state.used == Amounts()

    asyncio.run(_with_ledger(body))


def test_concurrent_reserves_from_two_clients_never_overspend() -> None:
    caps = Caps(llm_calls=50)

    async def body(ledgers):  # type: ignore[no-untyped-def]
        results = await asyncio.gather(*(ledgers[i % 2].reserve("run", f"c{i}", Amounts(llm_calls=1), caps, 1.0, 100)
                                         for i in range(200)))
        assert sum(r.decision.admit for r in results) == 50
        state = await ledgers[0].state("run", 1.0)
        assert state is not None and state.reserved.llm_calls == 50

    asyncio.run(_with_ledger(body))


def test_a_reserve_sent_again_for_the_same_call_is_not_charged_twice() -> None:
    """A reserve whose reply was lost may be re-sent: the call keeps one reservation, and its settlement leaves
    nothing reserved (issue 13, item 2: no leaked reservation)."""
    caps = Caps(llm_calls=5)

    async def body(ledgers):  # type: ignore[no-untyped-def]
        a, b = ledgers
        for ledger in (a, b, a):
            r = await ledger.reserve("run", "c1", Amounts(llm_calls=1), caps, 1.0, 100)
            assert r.decision.admit and r.state.reserved == Amounts(llm_calls=1)
        s = await b.settle("run", "c1", Amounts(llm_calls=1), caps, 0.8, 2.0, 100)
        assert s.state.reserved == Amounts() and s.state.used == Amounts(llm_calls=1)

    asyncio.run(_with_ledger(body))
