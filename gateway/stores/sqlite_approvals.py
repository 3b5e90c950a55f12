"""Approvals in SQLite (the embedded default): one row per approval, the record as JSON."""

from __future__ import annotations

import asyncio
import json
import threading
from dataclasses import replace
from pathlib import Path

from gateway.approvals.record import Approval
from gateway.approvals.store import Filters, where
from gateway.stores.sqlite import open_db

_SCHEMA = """
CREATE TABLE IF NOT EXISTS approvals (
    id TEXT PRIMARY KEY, status TEXT NOT NULL, tier TEXT NOT NULL, agent_id TEXT NOT NULL,
    tool TEXT NOT NULL, run_id TEXT NOT NULL, created_at REAL NOT NULL, version INTEGER NOT NULL,
    body TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS approvals_created ON approvals(created_at);
CREATE INDEX IF NOT EXISTS approvals_status ON approvals(status, created_at);
CREATE INDEX IF NOT EXISTS approvals_run ON approvals(run_id);
"""


def _row(a: Approval) -> tuple[object, ...]:
    return (a.id, a.status.value, a.tier.value, a.agent_id, a.tool, a.run_id, a.created_at, a.version,
            json.dumps(a.to_dict(), separators=(",", ":")))


class SqliteApprovalStore:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        # synchronous=FULL: a decision or a new approval must survive a power cut, not only a crash.
        self._db = open_db(path, _SCHEMA, durable=True)
        self._lock = threading.Lock()

    async def start(self) -> None:
        return None

    def _create(self, a: Approval) -> None:
        with self._lock:
            self._db.execute("INSERT INTO approvals VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", _row(a))

    def _get(self, approval_id: str) -> Approval | None:
        with self._lock:
            row = self._db.execute("SELECT body FROM approvals WHERE id = ?", (approval_id,)).fetchone()
        return Approval.from_dict(json.loads(row[0])) if row else None

    def _swap(self, a: Approval) -> bool:
        new = replace(a, version=a.version + 1)
        with self._lock:
            cur = self._db.execute(
                "UPDATE approvals SET status = ?, version = ?, body = ? WHERE id = ? AND version = ?",
                (new.status.value, new.version, json.dumps(new.to_dict(), separators=(",", ":")), a.id, a.version))
            return cur.rowcount == 1

    def _find(self, f: Filters) -> list[Approval]:
        clause, params = where(f, "?")
        with self._lock:
            rows = self._db.execute(
                f"SELECT body FROM approvals{clause} ORDER BY created_at DESC LIMIT ?", [*params, f.limit]
            ).fetchall()
        return [Approval.from_dict(json.loads(r[0])) for r in rows]

    async def create(self, approval: Approval) -> None:
        await asyncio.to_thread(self._create, approval)

    async def get(self, approval_id: str) -> Approval | None:
        return await asyncio.to_thread(self._get, approval_id)

    async def swap(self, approval: Approval) -> bool:
        return await asyncio.to_thread(self._swap, approval)

    async def find(self, filters: Filters) -> list[Approval]:
        return await asyncio.to_thread(self._find, filters)

    def ping(self) -> bool:
        with self._lock:
            self._db.execute("SELECT 1")
        return True

    async def close(self) -> None:
        with self._lock:
            self._db.close()
