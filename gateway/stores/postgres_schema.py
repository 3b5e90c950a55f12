"""Creating the gateway's tables when several replicas start at once.

`CREATE TABLE IF NOT EXISTS` is not safe under concurrency in PostgreSQL: two sessions that both find the table
missing both create it, and the second fails on the catalogue's unique index (`UniqueViolation` on `pg_type`,
or `DuplicateTable`). Eight concurrent creators on a fresh schema failed 35 times in 5 trials
(tests/stores/test_postgres_schema.py reproduces it). Every store runs its DDL in one transaction that first
takes a transaction-scoped advisory lock, so creators queue and each later one finds the tables there."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import psycopg

SCHEMA_LOCK = 0x7761_7264_6761_7465  # "wardgate": one key for every store's DDL (held for milliseconds at start)


def ensure_schema(conn: psycopg.Connection[Any], statements: Sequence[str]) -> None:
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
        for statement in statements:
            conn.execute(statement)


async def ensure_schema_async(conn: psycopg.AsyncConnection[Any], statements: Sequence[str]) -> None:
    async with conn.transaction():
        await conn.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
        for statement in statements:
            await conn.execute(statement)
