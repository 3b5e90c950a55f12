"""Replicas starting together on a fresh PostgreSQL database all create their tables without an error (the
`CREATE TABLE IF NOT EXISTS` race: tests below show it without the lock, and its absence with it)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable

import psycopg
import pytest

from gateway.stores.postgres_approvals import PostgresApprovalStore
from gateway.stores.postgres_idempotency import PostgresIdempotencyStore
from gateway.stores.postgres_trace import _SCHEMA as TRACE_SCHEMA
from gateway.stores.postgres_trace import PostgresTraceStore
from tests.approvals.pg import needs_postgres, private_schema

pytestmark = needs_postgres
CREATORS = 8


def together(n: int, work: Callable[[], None]) -> list[BaseException]:
    """`work` in n threads released at the same instant; the exceptions they raised."""
    barrier, errors = threading.Barrier(n), []

    def run() -> None:
        barrier.wait()
        try:
            work()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


def test_without_the_lock_concurrent_creators_collide() -> None:
    """The defect, shown: plain IF NOT EXISTS DDL from concurrent sessions fails (in at least one of 5 tries)."""
    failures = 0
    for _ in range(5):
        with private_schema() as url:
            def create(url: str = url) -> None:
                with psycopg.connect(url, autocommit=True) as conn:
                    for statement in TRACE_SCHEMA:
                        conn.execute(statement)
            failures += len(together(CREATORS, create))
        if failures:
            break
    assert failures > 0


@pytest.mark.parametrize("trial", range(3))
def test_every_store_created_by_concurrent_replicas_starts_without_an_error(trial: int) -> None:
    with private_schema() as url:
        def replica() -> None:
            PostgresTraceStore(url).close()

            async def async_stores() -> None:
                approvals = PostgresApprovalStore(url)
                await approvals.start()
                await approvals.close()
                keys = PostgresIdempotencyStore(url)
                await keys.ping()
                await keys.close()

            asyncio.run(async_stores())

        assert together(CREATORS, replica) == []
        with psycopg.connect(url, autocommit=True) as conn:
            tables = {r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")}
        assert {"wardgate_decisions", "wardgate_calls", "wardgate_approvals", "wardgate_idempotency"} <= tables
