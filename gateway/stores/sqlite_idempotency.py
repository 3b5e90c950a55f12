"""Idempotency keys of tool calls, durable in SQLite: same key + same call → the stored answer, once."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from gateway.stores.sqlite import open_db

_SCHEMA = """
CREATE TABLE IF NOT EXISTS idempotency (
    scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, state TEXT NOT NULL,
    status INTEGER, body TEXT, created_at REAL NOT NULL, PRIMARY KEY (scope, key))
"""


class ClaimKind(StrEnum):
    NEW = "new"                  # execute, then `complete` (or `release` on a transient failure)
    REPLAY = "replay"            # answered before: send the stored answer
    CONFLICT = "conflict"        # the key was used for a different call
    IN_PROGRESS = "in-progress"  # the same call is executing right now


@dataclass(frozen=True, slots=True)
class Claim:
    kind: ClaimKind
    status: int | None = None
    body: dict[str, Any] | None = None


class SqliteIdempotencyStore:
    def __init__(self, path: Path, ttl_s: float = 86_400.0, pending_ttl_s: float = 300.0,
                 clock: Callable[[], float] = time.time) -> None:
        self._db = open_db(path, _SCHEMA)
        self._lock = threading.Lock()
        self._ttl, self._pending_ttl, self._clock = ttl_s, pending_ttl_s, clock

    def claim(self, scope: str, key: str, fingerprint: str) -> Claim:
        now = self._clock()
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                row = self._db.execute(
                    "SELECT fingerprint, state, status, body, created_at FROM idempotency WHERE scope=? AND key=?",
                    (scope, key)).fetchone()
                if row is not None:
                    fp, state, status, body, created = row
                    live = now - created <= (self._ttl if state == "done" else self._pending_ttl)
                    if live and fp != fingerprint:
                        return Claim(ClaimKind.CONFLICT)
                    if live and state == "done":
                        return Claim(ClaimKind.REPLAY, status, json.loads(body))
                    if live:
                        return Claim(ClaimKind.IN_PROGRESS)
                self._db.execute(
                    "INSERT OR REPLACE INTO idempotency(scope, key, fingerprint, state, created_at) "
                    "VALUES (?, ?, ?, 'pending', ?)", (scope, key, fingerprint, now))
                return Claim(ClaimKind.NEW)
            finally:
                self._db.execute("COMMIT")

    def complete(self, scope: str, key: str, status: int, body: dict[str, Any]) -> None:
        with self._lock:
            self._db.execute("UPDATE idempotency SET state='done', status=?, body=?, created_at=? "
                             "WHERE scope=? AND key=?", (status, json.dumps(body), self._clock(), scope, key))

    def release(self, scope: str, key: str) -> None:
        with self._lock:
            self._db.execute("DELETE FROM idempotency WHERE scope=? AND key=? AND state='pending'", (scope, key))

    def purge(self) -> int:
        with self._lock:
            cur = self._db.execute("DELETE FROM idempotency WHERE created_at < ?", (self._clock() - self._ttl,))
            return int(cur.rowcount)

    def ping(self) -> bool:
        with self._lock:
            return bool(self._db.execute("SELECT 1").fetchone() == (1,))

    def close(self) -> None:
        with self._lock:
            self._db.close()
