"""The budget ledger in SQLite (the embedded default): every reserve and settle is one committed transaction."""

from __future__ import annotations

import asyncio
import sqlite3
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
CHECKPOINT_EVERY = 200  # the loop connection's commits between two checkpoints on the worker thread
T = TypeVar("T")


class SqliteBudgetLedger:
    """Each reserve/settle is one committed transaction (WAL, synchronous=NORMAL: a committed charge survives a
    killed process; only power loss can lose the last ones). A reserve returns only once its charge is
    committed, so it is on disk before anything is spent.

    Where it runs: first on the event loop, on a connection whose busy timeout is 0 and that never checkpoints,
    so the loop only ever spends the statements' own time (no waiting on a lock, no fsync); when that
    connection is in use or the file is locked by another writer, on the ledger's worker thread, on a second
    connection that waits up to 10 s for the lock and runs the WAL checkpoints (bench/limit_checks.py,
    docs/limits.md). SQLite's write lock orders the two connections; a lock per connection makes each step
    atomic. A caller cancelled while the worker runs its reserve still gets it committed, and `Budgets`
    releases it."""

    def __init__(self, path: Path) -> None:
        self._db = open_db(path, _SCHEMA)  # the worker thread's: waits on the file lock, checkpoints
        self._lock = threading.Lock()
        self._fast = open_db(path, "")  # the loop's: never waits, never checkpoints
        self._fast.execute("PRAGMA busy_timeout=0")
        self._fast.execute("PRAGMA wal_autocheckpoint=0")
        self._fast_lock = threading.Lock()
        self._fast_commits = 0
        self._last_sweep = 0.0
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="wardgate-budget-ledger")

    async def _off_loop(self, fn: Callable[..., T], *args: object) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._worker, fn, *args)

    async def _run(self, step: Callable[..., T], *args: object) -> T:
        """`step(db, *args)` on the loop if it can run there without waiting, else on the worker thread."""
        if self._fast_lock.acquire(blocking=False):
            try:
                result = step(self._fast, *args)
            except sqlite3.OperationalError as exc:
                if not _busy(exc):
                    raise
            else:
                self._fast_commits += 1
                if self._fast_commits % CHECKPOINT_EVERY == 0:  # the loop's commits, checkpointed off the loop
                    self._worker.submit(self._checkpoint)
                return result
            finally:
                self._fast_lock.release()
        return await self._off_loop(self._locked, step, *args)

    def _locked(self, step: Callable[..., T], *args: object) -> T:
        with self._lock:
            return step(self._db, *args)

    def _checkpoint(self) -> None:
        """Holding both connections, so that no commit lands meanwhile: the checkpoint then copies every frame
        and the next commit starts the WAL over (one racing the loop's commits never catches up)."""
        with self._lock, self._fast_lock:
            self._db.execute("PRAGMA wal_checkpoint(PASSIVE)")

    @staticmethod
    def _load(db: sqlite3.Connection, run_id: str) -> RunBook | None:
        row = db.execute(
            "SELECT started_at, last_seen, u_in, u_out, u_cost, u_llm, u_tool, alerted FROM budget_runs "
            "WHERE run_id = ?", (run_id,)).fetchone()
        if row is None:
            return None
        opened = {r[0]: Amounts(*r[1:]) for r in db.execute(
            "SELECT call_id, r_in, r_out, r_cost, r_llm, r_tool FROM budget_open WHERE run_id = ?", (run_id,))}
        reserved = sum(opened.values(), Amounts())
        state = RunState(row[0], row[1], Amounts(*row[2:7]), reserved, bool(row[7]))
        return RunBook(state, opened)

    @staticmethod
    def _save_run(db: sqlite3.Connection, run_id: str, s: RunState, ttl_s: float) -> None:
        db.execute(
            "INSERT OR REPLACE INTO budget_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (run_id, s.started_at, s.last_seen, s.last_seen + ttl_s, *s.used.as_tuple(), int(s.alerted)))

    def _sweep(self, db: sqlite3.Connection, now: float) -> None:
        if now - self._last_sweep < SWEEP_EVERY_S:
            return
        db.execute("DELETE FROM budget_open WHERE run_id IN (SELECT run_id FROM budget_runs WHERE expires_at < ?)",
                   (now,))
        db.execute("DELETE FROM budget_runs WHERE expires_at < ?", (now,))
        self._last_sweep = now

    def reserve_sync(self, run_id: str, call_id: str, want: Amounts, caps: Caps, now: float,
                     ttl_s: float) -> Reserved:
        return self._locked(self._reserve, run_id, call_id, want, caps, now, ttl_s)

    def _reserve(self, db: sqlite3.Connection, run_id: str, call_id: str, want: Amounts, caps: Caps, now: float,
                 ttl_s: float) -> Reserved:
        db.execute("BEGIN IMMEDIATE")
        try:
            self._sweep(db, now)
            old = self._load(db, run_id)
            book = fresh(old, now, ttl_s)
            if old is not None and book is not old:  # idle past its TTL: the old run is closed
                db.execute("DELETE FROM budget_open WHERE run_id = ?", (run_id,))
            result = apply_reserve(book, call_id, want, caps, now)
            self._save_run(db, run_id, book.state, ttl_s)
            if result.decision.admit:
                db.execute("INSERT OR REPLACE INTO budget_open VALUES (?, ?, ?, ?, ?, ?, ?)",
                           (run_id, call_id, *want.as_tuple()))
            db.execute("COMMIT")
        except BaseException:
            _rollback(db)
            raise
        return result

    def settle_sync(self, run_id: str, call_id: str, actual: Amounts, caps: Caps, alert_at: float,
                    now: float, ttl_s: float) -> Settled:
        return self._locked(self._settle, run_id, call_id, actual, caps, alert_at, now, ttl_s)

    def _settle(self, db: sqlite3.Connection, run_id: str, call_id: str, actual: Amounts, caps: Caps,
                alert_at: float, now: float, ttl_s: float) -> Settled:
        db.execute("BEGIN IMMEDIATE")
        try:
            book = self._load(db, run_id)
            if book is None:
                db.execute("COMMIT")
                return Settled(RunState(now, now), False)
            result = apply_settle(book, call_id, actual, caps, alert_at, now)
            db.execute("DELETE FROM budget_open WHERE run_id = ? AND call_id = ?", (run_id, call_id))
            self._save_run(db, run_id, book.state, ttl_s)
            db.execute("COMMIT")
        except BaseException:
            _rollback(db)
            raise
        return result

    async def reserve(self, run_id: str, call_id: str, want: Amounts, caps: Caps, now: float,
                      ttl_s: float) -> Reserved:
        return await self._run(self._reserve, run_id, call_id, want, caps, now, ttl_s)

    async def settle(self, run_id: str, call_id: str, actual: Amounts, caps: Caps, alert_at: float,
                     now: float, ttl_s: float) -> Settled:
        return await self._run(self._settle, run_id, call_id, actual, caps, alert_at, now, ttl_s)

    async def state(self, run_id: str, now: float) -> RunState | None:
        return await self._off_loop(self._state, run_id, now)

    def _state(self, run_id: str, now: float) -> RunState | None:
        with self._lock:
            book = self._load(self._db, run_id)
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
        with self._fast_lock:
            self._fast.close()
        with self._lock:
            self._db.close()


def _busy(exc: sqlite3.OperationalError) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


def _rollback(db: sqlite3.Connection) -> None:
    if db.in_transaction:
        db.execute("ROLLBACK")
