"""Approvals in PostgreSQL (multi-replica): the same table shape as SQLite, shared by every replica."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from dataclasses import replace
from typing import Any

import psycopg

from gateway.approvals.record import Approval
from gateway.approvals.store import Filters, where
from gateway.stores.postgres_idle import alive_or_none
from gateway.stores.postgres_schema import ensure_schema_async

log = logging.getLogger("wardgate.approvals.postgres")

# A connection unused for this long is checked (one round trip) before it carries a statement.

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS wardgate_approvals (
        id TEXT PRIMARY KEY, status TEXT NOT NULL, tier TEXT NOT NULL, agent_id TEXT NOT NULL,
        tool TEXT NOT NULL, run_id TEXT NOT NULL, created_at DOUBLE PRECISION NOT NULL,
        version INTEGER NOT NULL, body TEXT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS wardgate_approvals_created ON wardgate_approvals(created_at)",
    "CREATE INDEX IF NOT EXISTS wardgate_approvals_status ON wardgate_approvals(status, created_at)",
    "CREATE INDEX IF NOT EXISTS wardgate_approvals_run ON wardgate_approvals(run_id)",
)


def _body(a: Approval) -> str:
    return json.dumps(a.to_dict(), separators=(",", ":"))


class PostgresApprovalStore:
    """One autocommit connection, used by one statement at a time; reconnects after a failure."""

    def __init__(self, url: str) -> None:
        self._url = url
        self._conn: psycopg.AsyncConnection[Any] | None = None
        self._lock = asyncio.Lock()
        self._used_at = 0.0
        self._healthy = False

    async def start(self) -> None:
        async with self._lock:
            await self._connection()

    async def _connection(self) -> psycopg.AsyncConnection[Any]:
        await self._check_idle()
        if self._conn is None or self._conn.closed:
            conn = await psycopg.AsyncConnection.connect(self._url, autocommit=True, connect_timeout=5)
            await ensure_schema_async(conn, _SCHEMA)  # replicas starting together queue on its lock
            self._conn = conn
            self._healthy = True
        return self._conn

    async def _check_idle(self) -> None:
        self._conn = await alive_or_none(self._conn, self._used_at)

    async def _run(self, sql: str, params: list[Any] | tuple[Any, ...]) -> tuple[list[tuple[Any, ...]], int]:
        async with self._lock:
            try:
                conn = await self._connection()
                cur = await conn.execute(sql, params)  # type: ignore[arg-type]
                self._used_at = time.monotonic()
                rows = await cur.fetchall() if cur.description else []
                self._healthy = True
                return rows, cur.rowcount
            except psycopg.OperationalError:
                self._healthy = False
                if self._conn is not None:
                    await self._conn.close()
                self._conn = None
                raise

    async def create(self, a: Approval) -> None:
        await self._run(
            "INSERT INTO wardgate_approvals VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
            (a.id, a.status.value, a.tier.value, a.agent_id, a.tool, a.run_id, a.created_at, a.version, _body(a)))

    async def get(self, approval_id: str) -> Approval | None:
        rows, _ = await self._run("SELECT body FROM wardgate_approvals WHERE id = %s", (approval_id,))
        return Approval.from_dict(json.loads(rows[0][0])) if rows else None

    async def swap(self, a: Approval) -> bool:
        new = replace(a, version=a.version + 1)
        _, count = await self._run(
            "UPDATE wardgate_approvals SET status = %s, version = %s, body = %s WHERE id = %s AND version = %s",
            (new.status.value, new.version, _body(new), a.id, a.version))
        return count == 1

    async def find(self, filters: Filters) -> list[Approval]:
        clause, params = where(filters, "%s")
        rows, _ = await self._run(
            f"SELECT body FROM wardgate_approvals{clause} ORDER BY created_at DESC LIMIT %s", [*params, filters.limit])
        return [Approval.from_dict(json.loads(r[0])) for r in rows]

    def ping(self) -> bool:
        return self._healthy

    async def close(self) -> None:
        async with self._lock:
            if self._conn is not None:
                await self._conn.close()
                self._conn = None
