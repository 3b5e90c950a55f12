"""Idempotency keys in SQLite (one process): each claim is one transaction, run in a worker thread."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gateway.stores.idempotency import PENDING_TTL_S, TTL_S, Claim, ClaimKind, judge, live
from gateway.stores.sqlite import open_db

_SCHEMA = """
CREATE TABLE IF NOT EXISTS idempotency (
    scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, state TEXT NOT NULL,
    status INTEGER, body TEXT, created_at REAL NOT NULL, PRIMARY KEY (scope, key))
"""


class SqliteIdempotencyStore:
    def __init__(self, path: Path, ttl_s: float = TTL_S, pending_ttl_s: float = PENDING_TTL_S,
                 clock: Callable[[], float] = time.time) -> None:
        self._db = open_db(path, _SCHEMA)
        self._lock = threading.Lock()
        self._ttl, self._pending_ttl, self._clock = ttl_s, pending_ttl_s, clock

    def claim_sync(self, scope: str, key: str, fingerprint: str) -> Claim:
        now = self._clock()
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                row = self._db.execute(
                    "SELECT fingerprint, state, status, body, created_at FROM idempotency WHERE scope=? AND key=?",
                    (scope, key)).fetchone()
                if row is not None and live(row[1], row[4], now, self._ttl, self._pending_ttl):
                    return judge(fingerprint, *row[:4])
                self._db.execute(
                    "INSERT OR REPLACE INTO idempotency(scope, key, fingerprint, state, created_at) "
                    "VALUES (?, ?, ?, 'pending', ?)", (scope, key, fingerprint, now))
                return Claim(ClaimKind.NEW)
            finally:
                self._db.execute("COMMIT")

    def complete_sync(self, scope: str, key: str, status: int, body: dict[str, Any]) -> None:
        with self._lock:
            self._db.execute("UPDATE idempotency SET state='done', status=?, body=?, created_at=? "
                             "WHERE scope=? AND key=?", (status, json.dumps(body), self._clock(), scope, key))

    def release_sync(self, scope: str, key: str) -> None:
        with self._lock:
            self._db.execute("DELETE FROM idempotency WHERE scope=? AND key=? AND state='pending'", (scope, key))

    def purge_sync(self) -> int:
        now = self._clock()
        with self._lock:
            cur = self._db.execute(
                "DELETE FROM idempotency WHERE (state='done' AND created_at < ?) OR (state='pending' AND "
                "created_at < ?)", (now - self._ttl, now - self._pending_ttl))
            return int(cur.rowcount)

    def ping_sync(self) -> bool:
        with self._lock:
            return bool(self._db.execute("SELECT 1").fetchone() == (1,))

    async def claim(self, scope: str, key: str, fingerprint: str) -> Claim:
        return await asyncio.to_thread(self.claim_sync, scope, key, fingerprint)

    async def complete(self, scope: str, key: str, status: int, body: dict[str, Any]) -> None:
        await asyncio.to_thread(self.complete_sync, scope, key, status, body)

    async def release(self, scope: str, key: str) -> None:
        await asyncio.to_thread(self.release_sync, scope, key)

    async def purge(self) -> int:
        return await asyncio.to_thread(self.purge_sync)

    async def ping(self) -> None:
        if not await asyncio.to_thread(self.ping_sync):
            raise RuntimeError("idempotency store did not answer")

    async def close(self) -> None:
        with self._lock:
            self._db.close()
