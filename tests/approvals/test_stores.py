"""The approval stores: create, get, find newest first, compare-and-swap (SQLite and the real PostgreSQL)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from gateway.approvals.record import Approval, Fingerprint, args_hash
from gateway.approvals.store import ApprovalStore, Filters
from gateway.approvals.vocabulary import Handling, Status, Tier
from gateway.stores.postgres_approvals import PostgresApprovalStore
from gateway.stores.sqlite_approvals import SqliteApprovalStore
from tests.approvals.pg import URL, private_schema


def approval(i: int, run: str = "run-1", tier: Tier = Tier.HIGH) -> Approval:
    fp = Fingerprint("bot", run, f"tool.{i}", args_hash({"i": i}), "rev")
    return Approval(f"apr_{i}", fp, tier, Handling.ASYNC, {"i": i}, created_at=100.0 + i, expires_at=1e12)


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "a.sqlite3")
        return
    if not URL:
        pytest.skip("WARDGATE_TEST_DATABASE_URL is not set (.ci/run sets it)")
    with private_schema() as url:
        yield url


def make(url: str) -> ApprovalStore:
    return PostgresApprovalStore(url) if url.startswith("postgres") else SqliteApprovalStore(Path(url))


def test_store_contract(store_url: str) -> None:
    async def scenario() -> None:
        store = make(store_url)
        await store.start()
        try:
            for i in range(3):
                await store.create(approval(i, run="run-1" if i < 2 else "run-2", tier=Tier.CRITICAL if i == 2 else Tier.HIGH))
            assert [a.id for a in await store.find(Filters())] == ["apr_2", "apr_1", "apr_0"]
            assert [a.id for a in await store.find(Filters(run_id="run-1"))] == ["apr_1", "apr_0"]
            assert [a.id for a in await store.find(Filters(tier="critical"))] == ["apr_2"]
            got = await store.get("apr_1")
            assert got == approval(1)
            assert await store.get("nope") is None
            # compare-and-swap: exactly one of two writers with the same version wins
            used = replace(got, status=Status.USED)
            results = await asyncio.gather(store.swap(used), store.swap(used))
            assert sorted(results) == [False, True]
            stored = await store.get("apr_1")
            assert stored is not None and stored.status is Status.USED and stored.version == 1
            assert [a.id for a in await store.find(Filters(status="used"))] == ["apr_1"]
            assert store.ping()
        finally:
            await store.close()

    asyncio.run(scenario())
