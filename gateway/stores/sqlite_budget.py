"""The budget ledger in SQLite (the embedded default): every reserve and settle is one committed transaction."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from gateway.limits.budget import Amounts, Caps
from gateway.limits.ledger import Reserved, RunBook, RunState, Settled, apply_reserve, apply_settle, fresh
from gateway.stores.sqlite import open_db

_SCHEMA = """
CREATE TABLE IF NOT EXISTS budget_runs (
    run_id TEXT PRIMARY KEY, started_at REAL NOT NULL, last_seen REAL NOT NULL, expires_at REAL NOT NULL,
    u_in INTEGER NOT NULL, u_out INTEGER NOT NULL, u_cost INTEGER NOT NULL, u_llm INTEGER NOT NULL,
    u_tool INTEGER NOT NULL, alerted INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS budget_runs_expiry ON budget_runs(expires_at);
CREATE TABLE IF NOT EXISTS budget_open (
    run_id TEXT NOT NULL, call_id TEXT NOT NULL, r_in INTEGER NOT NULL, r_out INTEGER NOT NULL,
    r_cost INTEGER NOT NULL, r_llm INTEGER NOT NULL, r_tool INTEGER NOT NULL, PRIMARY KEY (run_id, call_id));
"""
SWEEP_EVERY_S = 60.0
T = TypeVar("T")


class SqliteBudgetLedger:
    """Each reserve/settle is one committed transaction (WAL, synchronous=NORMAL: a committed charge survives a
    killed process; only power loss can lose the last ones), run on the ledger's own worker thread: the event
    loop never waits on the file, nor on another process holding its write lock (SQLite's busy timeout). One
    connection, one thread, and a lock (for the synchronous callers) make each step atomic and ordered.

    A reserve is awaited before the call is forwarded, so its charge is on disk before anything is spent; a
    caller cancelled while it runs still gets it committed, and `Budgets` releases it."""

    def __init__(self, path: Path) -> None:
        self._db = open_db(path, _SCHEMA)
        self._lock = threading.Lock()
        self._last_sweep = 0.0
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="wardgate-budget-ledger")

    async def _off_loop(self, fn: Callable[..., T], *args: object) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._worker, fn, *args)

    def _load(self, run_id: str) -> RunBook | None:
        row = self._db.execute(
            "SELECT started_at, last_seen, u_in, u_out, u_cost, u_llm, u_tool, alerted FROM budget_runs "
            "WHERE run_id = ?", (run_id,)).fetchone()
        if row is None:
            return None
        opened = {r[0]: Amounts(*r[1:]) for r in self._db.execute(
            "SELECT call_id, r_in, r_out, r_cost, r_llm, r_tool FROM budget_open WHERE run_id = ?", (run_id,))}
        reserved = sum(opened.values(), Amounts())
        state = RunState(row[0], row[1], Amounts(*row[2:7]), reserved, bool(row[7]))
        return RunBook(state, opened)

    def _save_run(self, run_id: str, s: RunState, ttl_s: float) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO budget_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (run_id, s.started_at, s.last_seen, s.last_seen + ttl_s, *s.used.as_tuple(), int(s.alerted)))

    def _sweep(self, now: float) -> None:
        if now - self._last_sweep < SWEEP_EVERY_S:
            return
        self._last_sweep = now
        self._db.execute("DELETE FROM budget_open WHERE run_id IN "
                         "(SELECT run_id FROM budget_runs WHERE expires_at < ?)", (now,))
        self._db.execute("DELETE FROM budget_runs WHERE expires_at < ?", (now,))

    def reserve_sync(self, run_id: str, call_id: str, want: Amounts, caps: Caps, now: float,
                     ttl_s: float) -> Reserved:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._sweep(now)
                old = self._load(run_id)
                book = fresh(old, now, ttl_s)
                if old is not None and book is not old:  # idle past its TTL: the old run is closed
                    self._db.execute("DELETE FROM budget_open WHERE run_id = ?", (run_id,))
                result = apply_reserve(book, call_id, want, caps, now)
                self._save_run(run_id, book.state, ttl_s)
                if result.decision.admit:
                    self._db.execute("INSERT OR REPLACE INTO budget_open VALUES (?, ?, ?, ?, ?, ?, ?)",
                                     (run_id, call_id, *want.as_tuple()))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return result

    def settle_sync(self, run_id: str, call_id: str, actual: Amounts, caps: Caps, alert_at: float,
                    now: float, ttl_s: float) -> Settled:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                book = self._load(run_id)
                if book is None:
                    self._db.execute("COMMIT")
                    return Settled(RunState(now, now), False)
                result = apply_settle(book, call_id, actual, caps, alert_at, now)
                self._db.execute("DELETE FROM budget_open WHERE run_id = ? AND call_id = ?", (run_id, call_id))
                self._save_run(run_id, book.state, ttl_s)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return result

    async def reserve(self, run_id: str, call_id: str, want: Amounts, caps: Caps, now: float,
                      ttl_s: float) -> Reserved:
        return await self._off_loop(self.reserve_sync, run_id, call_id, want, caps, now, ttl_s)

    async def settle(self, run_id: str, call_id: str, actual: Amounts, caps: Caps, alert_at: float,
                     now: float, ttl_s: float) -> Settled:
        return await self._off_loop(self.settle_sync, run_id, call_id, actual, caps, alert_at, now, ttl_s)

    async def state(self, run_id: str, now: float) -> RunState | None:
        return await self._off_loop(self._state, run_id, now)

    def _state(self, run_id: str, now: float) -> RunState | None:
        with self._lock:
            book = self._load(run_id)
            row = self._db.execute("SELECT expires_at FROM budget_runs WHERE run_id = ?", (run_id,)).fetchone()
        if book is None or row is None or row[0] < now:
            return None
        return book.state

    def ping(self) -> bool:
        with self._lock:
            self._db.execute("SELECT 1")
        return True

    async def close(self) -> None:
        await self._off_loop(self._close)
        self._worker.shutdown(wait=False)

    def _close(self) -> None:
        with self._lock:
            self._db.close()
