"""The SQLite budget ledger never holds the event loop: while another writer holds the file's lock, the loop
keeps serving other work and the reserve completes once the lock is free (issue 13, item 5)."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from pathlib import Path

from gateway.limits.budget import Amounts, Caps
from gateway.stores.sqlite_budget import SqliteBudgetLedger


def test_a_reserve_waiting_on_the_file_lock_leaves_the_loop_free(tmp_path: Path) -> None:
    path = tmp_path / "budgets.sqlite3"
    ledger = SqliteBudgetLedger(path)
    other = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process (a second `wardgate serve` on the same state dir) writes
    released = threading.Event()

    def release() -> None:
        released.wait()
        other.execute("COMMIT")

    threading.Thread(target=release, daemon=True).start()

    async def body() -> tuple[int, bool]:
        ticks = 0
        reserve = asyncio.create_task(ledger.reserve("run", "c1", Amounts(llm_calls=1), Caps(llm_calls=2), 1.0, 60))
        while ticks < 20:  # the loop runs other work while the reserve waits on the lock
            await asyncio.sleep(0.001)
            ticks += 1
        pending = not reserve.done()
        released.set()
        result = await reserve
        assert result.decision.admit and result.state.reserved == Amounts(llm_calls=1)
        await ledger.close()
        return ticks, pending

    ticks, pending = asyncio.run(body())
    assert ticks == 20 and pending
    other.close()


def test_the_loop_path_commits_each_step_and_leaves_checkpoints_to_the_worker(tmp_path: Path) -> None:
    """Uncontended reserves and settles run on the loop's own connection (busy timeout 0, no auto-checkpoint);
    each is committed when it returns (another connection sees it), and the WAL stays bounded because the
    worker thread checkpoints it."""
    path = tmp_path / "budgets.sqlite3"
    ledger = SqliteBudgetLedger(path)
    reader = sqlite3.connect(str(path), isolation_level=None)
    calls = 2_000

    async def body() -> None:
        for i in range(calls):
            await ledger.reserve("run", f"c{i}", Amounts(llm_calls=1), Caps(llm_calls=calls), 1.0, 60)
            assert reader.execute("SELECT count(*) FROM budget_open").fetchone() == (1,)
            await ledger.settle("run", f"c{i}", Amounts(llm_calls=1), Caps(llm_calls=calls), 0.8, 1.0, 60)
        await ledger._off_loop(lambda: None)  # the last checkpoint the loop asked for has run

    asyncio.run(body())
    assert reader.execute("SELECT u_llm FROM budget_runs").fetchone() == (calls,)
    # on the loop's connection, but for the few steps that found a checkpoint holding it (they went to the worker)
    assert 2 * calls * 0.9 <= ledger._fast_commits <= 2 * calls
    _, wal_frames, _ = reader.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    # without the worker's checkpoints the WAL holds every commit's pages (well over 2 frames per commit)
    assert 0 <= wal_frames < 2 * calls
    asyncio.run(ledger.close())
    reader.close()
