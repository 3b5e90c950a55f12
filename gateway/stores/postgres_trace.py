"""The decision log in PostgreSQL (multi-replica): every replica writes here, so a run's trace is whole."""

from __future__ import annotations

import json
import threading
from typing import Any

import psycopg

from gateway.stores.postgres_schema import ensure_schema
from gateway.stores.run_view import run_summaries, run_view
from gateway.stores.trace_rows import CallRow, DecisionRow, call_rows, decision_rows, verdicts
from gateway.trace.events import CallRecord, DecisionEvent

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS wardgate_decisions (
        seq BIGSERIAL PRIMARY KEY, run_id TEXT NOT NULL, decision_id TEXT NOT NULL, body TEXT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS wardgate_decisions_run ON wardgate_decisions(run_id, seq)",
    # A row's event id: a batch written twice inserts it once (rows from before ids have NULL, never equal).
    "ALTER TABLE wardgate_decisions ADD COLUMN IF NOT EXISTS event_id TEXT",
    "CREATE UNIQUE INDEX IF NOT EXISTS wardgate_decisions_event ON wardgate_decisions(event_id)",
    """CREATE TABLE IF NOT EXISTS wardgate_calls (
        call_id TEXT PRIMARY KEY, run_id TEXT NOT NULL, started_at DOUBLE PRECISION NOT NULL, body TEXT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS wardgate_calls_run ON wardgate_calls(run_id, started_at)",
    "CREATE INDEX IF NOT EXISTS wardgate_calls_started ON wardgate_calls(started_at)",
)


async def postgres_ping(url: str, timeout_s: int = 1) -> None:
    """Readiness: a connection of its own (async, bounded), never the writer's connection or lock."""
    conn = await psycopg.AsyncConnection.connect(url, autocommit=True, connect_timeout=timeout_s)
    try:
        await conn.execute("SELECT 1")
    finally:
        await conn.close()


class PostgresTraceStore:
    """Used from the recorder's worker thread (sync driver, one connection, reconnect after a failure)."""

    def __init__(self, url: str) -> None:
        self._url = url
        self._lock = threading.Lock()
        self._conn: psycopg.Connection[Any] | None = None
        with self._lock:
            ensure_schema(self._connection(), _SCHEMA)

    def _connection(self) -> psycopg.Connection[Any]:
        if self._conn is None or self._conn.closed:
            self._conn = psycopg.connect(self._url, autocommit=True, connect_timeout=2)
        return self._conn

    def _drop(self) -> None:
        if self._conn is not None:
            self._conn.close()
        self._conn = None

    def write(self, decisions: list[DecisionEvent], calls: list[CallRecord]) -> None:
        self.write_rows(decision_rows(decisions), call_rows(calls))

    def write_rows(self, decisions: list[DecisionRow], calls: list[CallRow]) -> None:
        with self._lock:
            try:
                conn = self._connection()
                with conn.transaction(), conn.cursor() as cur:
                    cur.executemany("INSERT INTO wardgate_decisions(event_id, run_id, decision_id, body) "
                                    "VALUES (%s, %s, %s, %s) ON CONFLICT (event_id) DO NOTHING", decisions)
                    cur.executemany(
                        "INSERT INTO wardgate_calls(call_id, run_id, started_at, body) VALUES (%s, %s, %s, %s) "
                        "ON CONFLICT (call_id) DO UPDATE SET body = EXCLUDED.body", calls)
            except psycopg.OperationalError:
                self._drop()
                raise

    def run(self, run_id: str) -> dict[str, Any] | None:
        with self._lock:
            try:
                conn = self._connection()
                calls = [r[0] for r in conn.execute(
                    "SELECT body FROM wardgate_calls WHERE run_id = %s ORDER BY started_at", (run_id,))]
                bodies = [r[0] for r in conn.execute(
                    "SELECT body FROM wardgate_decisions WHERE run_id = %s ORDER BY seq", (run_id,))]
            except psycopg.OperationalError:
                self._drop()
                raise
        return run_view(run_id, [json.loads(c) for c in calls], verdicts(bodies))

    def runs(self, since: float, agent: str | None, limit: int) -> list[dict[str, Any]]:
        """Runs with a call started at or after `since` (epoch seconds), most recently active first."""
        with self._lock:
            try:
                bodies = [r[0] for r in self._connection().execute(
                    "SELECT body FROM wardgate_calls WHERE started_at >= %s", (since,))]
            except psycopg.OperationalError:
                self._drop()
                raise
        return run_summaries((json.loads(b) for b in bodies), agent, limit)

    def ping(self) -> bool:
        with self._lock:
            try:
                self._connection().execute("SELECT 1")
            except psycopg.OperationalError:
                self._drop()
                return False
        return True

    def close(self) -> None:
        with self._lock:
            self._drop()
