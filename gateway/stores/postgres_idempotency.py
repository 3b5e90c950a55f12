"""Idempotency keys in PostgreSQL (multi-replica): one atomic statement claims a key, so concurrent duplicates
sent to different replicas execute once; expired keys are taken over by the claim itself and purged."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from typing import Any

import psycopg

from gateway.stores.idempotency import PENDING_TTL_S, TTL_S, Claim, ClaimKind, judge
from gateway.stores.postgres_idle import alive_or_none
from gateway.stores.postgres_schema import ensure_schema_async

# A connection unused for this long is checked (one round trip) before it carries a statement.

_SCHEMA = """CREATE TABLE IF NOT EXISTS wardgate_idempotency (
    scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, state TEXT NOT NULL,
    status INTEGER, body TEXT, created_at DOUBLE PRECISION NOT NULL, PRIMARY KEY (scope, key))"""

# A new key is inserted; an expired one (answered past the TTL, or pending past its own) is taken over; a live
# one is left alone and no row comes back. One statement: PostgreSQL serialises it per key.
_CLAIM = """
INSERT INTO wardgate_idempotency AS k (scope, key, fingerprint, state, created_at)
VALUES (%(scope)s, %(key)s, %(fp)s, 'pending', %(now)s)
ON CONFLICT (scope, key) DO UPDATE
  SET fingerprint = EXCLUDED.fingerprint, state = 'pending', status = NULL, body = NULL,
      created_at = EXCLUDED.created_at
  WHERE (k.state = 'done' AND k.created_at < %(done_before)s)
     OR (k.state <> 'done' AND k.created_at < %(pending_before)s)
RETURNING 1
"""


class PostgresIdempotencyStore:
    """One autocommit connection (async), used one statement at a time; reconnects after a failure."""

    def __init__(self, url: str, ttl_s: float = TTL_S, pending_ttl_s: float = PENDING_TTL_S,
                 clock: Callable[[], float] = time.time) -> None:
        self._url = url
        self._ttl, self._pending_ttl, self._clock = ttl_s, pending_ttl_s, clock
        self._conn: psycopg.AsyncConnection[Any] | None = None
        self._lock = asyncio.Lock()
        self._used_at = 0.0

    async def _connection(self) -> psycopg.AsyncConnection[Any]:
        await self._check_idle()
        if self._conn is None or self._conn.closed:
            conn = await psycopg.AsyncConnection.connect(self._url, autocommit=True, connect_timeout=2)
            await ensure_schema_async(conn, (_SCHEMA,))  # replicas starting together queue on its lock
            self._conn = conn
        return self._conn

    async def _check_idle(self) -> None:
        self._conn = await alive_or_none(self._conn, self._used_at)

    async def _run(self, sql: str, params: dict[str, Any]) -> tuple[list[tuple[Any, ...]], int]:
        async with self._lock:
            try:
                conn = await self._connection()
                cur = await conn.execute(sql, params)
                self._used_at = time.monotonic()
                rows = await cur.fetchall() if cur.description else []
                return rows, cur.rowcount
            except psycopg.OperationalError:
                if self._conn is not None:
                    await self._conn.close()
                self._conn = None
                raise

    async def claim(self, scope: str, key: str, fingerprint: str) -> Claim:
        now = self._clock()
        params = {"scope": scope, "key": key, "fp": fingerprint, "now": now, "done_before": now - self._ttl,
                  "pending_before": now - self._pending_ttl}
        for _ in range(3):  # the holder may release the key between the two statements: claim again
            rows, _ = await self._run(_CLAIM, params)
            if rows:
                return Claim(ClaimKind.NEW)
            held, _ = await self._run("SELECT fingerprint, state, status, body FROM wardgate_idempotency "
                                      "WHERE scope = %(scope)s AND key = %(key)s", params)
            if held:
                return judge(fingerprint, *held[0])
        return Claim(ClaimKind.IN_PROGRESS)

    async def complete(self, scope: str, key: str, status: int, body: dict[str, Any]) -> None:
        await self._run("UPDATE wardgate_idempotency SET state = 'done', status = %(status)s, body = %(body)s, "
                        "created_at = %(now)s WHERE scope = %(scope)s AND key = %(key)s",
                        {"status": status, "body": json.dumps(body), "now": self._clock(), "scope": scope,
                         "key": key})

    async def release(self, scope: str, key: str) -> None:
        await self._run("DELETE FROM wardgate_idempotency WHERE scope = %(scope)s AND key = %(key)s "
                        "AND state = 'pending'", {"scope": scope, "key": key})

    async def purge(self) -> int:
        now = self._clock()
        _, count = await self._run(
            "DELETE FROM wardgate_idempotency WHERE (state = 'done' AND created_at < %(done_before)s) "
            "OR (state <> 'done' AND created_at < %(pending_before)s)",
            {"done_before": now - self._ttl, "pending_before": now - self._pending_ttl})
        return count

    async def ping(self) -> None:
        await self._run("SELECT 1", {})

    async def close(self) -> None:
        async with self._lock:
            if self._conn is not None:
                await self._conn.close()
                self._conn = None
