"""Idempotency keys across replicas (issue 13, item 11): with PostgreSQL configured, the same Idempotency-Key sent
at once to two gateways runs a non-idempotent tool once; a claim is one atomic statement, expired keys are taken
over and purged (the purge runs while the gateway runs)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import psycopg
import pytest

from gateway.stores.idempotency import ClaimKind, purging
from gateway.stores.postgres_idempotency import PostgresIdempotencyStore
from tests.approvals.pg import needs_postgres, private_schema
from tests.support.gateway import AGENT_KEY, start_gateway
from tests.support.upstream import FakeUpstream
from tests.tools.support import RunningUpstream, write

pytestmark = [pytest.mark.postgres, needs_postgres]
ARGS = {"title": "Once only", "customer": {"email": "b@example.com"}}


def test_the_same_key_sent_at_once_to_two_replicas_creates_one_ticket(tmp_path: Path, upstream: FakeUpstream) -> None:
    tools_up = RunningUpstream()
    rules, tools = write(tmp_path, upstream.url, tools_up.url, tools_up.state)
    with private_schema() as url:
        replicas = [start_gateway(rules, tmp_path / f"state{i}", tools_dir=tools, database_url=url) for i in range(2)]
        try:
            async def burst() -> list[httpx.Response]:
                async with httpx.AsyncClient(timeout=10) as client:
                    return list(await asyncio.gather(*(
                        client.post(f"{replicas[i % 2].url}/v1/tools/tickets.create/invoke", json={"arguments": ARGS},
                                    headers={"authorization": f"Bearer {AGENT_KEY}", "idempotency-key": "k-multi"})
                        for i in range(12))))

            answers = asyncio.run(burst())
            tickets = [c for c in tools_up.state.calls if c[0] == "POST /tickets"]
            assert len(tickets) == 1, tickets
            statuses = sorted(a.status_code for a in answers)
            assert set(statuses) <= {200, 409} and statuses.count(200) >= 1
            for a in answers:  # a 409 is the same call still running on the other replica, never another call
                if a.status_code == 409:
                    assert "still executing" in a.json()["error"]["message"]
            # Once answered, either replica replays it.
            for r in replicas:
                again = httpx.post(f"{r.url}/v1/tools/tickets.create/invoke", json={"arguments": ARGS}, timeout=10,
                                   headers={"authorization": f"Bearer {AGENT_KEY}", "idempotency-key": "k-multi"})
                assert again.status_code == 200 and again.headers["idempotent-replayed"] == "true"
            assert len([c for c in tools_up.state.calls if c[0] == "POST /tickets"]) == 1
        finally:
            for r in replicas:
                r.stop()
            tools_up.stop()


def test_concurrent_claims_on_two_stores_admit_one_and_expired_keys_are_taken_over_and_purged() -> None:
    now = [1000.0]

    async def body(url: str) -> None:
        a, b = (PostgresIdempotencyStore(url, ttl_s=100, pending_ttl_s=10, clock=lambda: now[0]) for _ in range(2))
        claims = await asyncio.gather(*((a, b)[i % 2].claim("agent", "k", "fp") for i in range(20)))
        assert [c.kind for c in claims].count(ClaimKind.NEW) == 1
        assert {c.kind for c in claims} == {ClaimKind.NEW, ClaimKind.IN_PROGRESS}
        assert (await b.claim("agent", "k", "other")).kind is ClaimKind.CONFLICT
        now[0] += 11  # the claimer died without answering: past the pending TTL the key is free again
        assert (await b.claim("agent", "k", "fp")).kind is ClaimKind.NEW
        await b.complete("agent", "k", 200, {"status": "success"})
        replay = await a.claim("agent", "k", "fp")
        assert replay.kind is ClaimKind.REPLAY and replay.body == {"status": "success"}
        await a.claim("agent", "pending-forever", "fp")
        now[0] += 101  # both keys expired: the purge the gateway runs removes them
        async with purging(a, every_s=3600):
            for _ in range(200):
                await asyncio.sleep(0.01)
                async with await psycopg.AsyncConnection.connect(url) as conn:
                    left = await (await conn.execute("SELECT count(*) FROM wardgate_idempotency")).fetchone()
                if left == (0,):
                    break
        assert left == (0,)
        await a.close()
        await b.close()

    with private_schema() as url:
        asyncio.run(body(url))
