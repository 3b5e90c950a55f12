"""The embedded budget ledger (books in memory, a journal line per step): it decides exactly as the in-memory
ledger does, and a process that dies at any point comes back with the same books, from the journal, its
snapshots, a torn last line, or the SQLite ledger of earlier versions."""

from __future__ import annotations

import asyncio
import os
import sqlite3
from pathlib import Path

import pytest

from gateway.limits.budget import Amounts, Caps
from gateway.limits.ledger import MemoryLedger, RunState
from gateway.stores.journal_budget import JournalLedger, LedgerInUse

CAPS = Caps(tokens=1_000, llm_calls=4)
WANT = Amounts(100, 200, 0, 1, 0)
USED = Amounts(40, 60, 0, 1, 0)

# (step, run, call, time): reserves and settles across two runs, denials at the caps, a repeated reserve and
# settle (idempotent), a settle of an unknown call, and a run idle past its TTL of 100 s starting over.
STEPS = [
    ("r", "a", "c1", 1.0), ("r", "a", "c2", 2.0), ("s", "a", "c1", 3.0), ("r", "a", "c2", 3.5),
    ("r", "b", "c1", 4.0), ("r", "a", "c3", 5.0), ("r", "a", "c4", 6.0), ("r", "a", "c5", 7.0),
    ("s", "a", "c2", 8.0), ("s", "a", "c2", 8.5), ("s", "a", "zz", 9.0), ("r", "a", "c6", 10.0),
    ("s", "b", "c1", 11.0), ("r", "b", "c2", 300.0), ("r", "a", "c7", 301.0), ("s", "a", "c7", 302.0),
]
TTL = 100.0


async def play(ledger: MemoryLedger | JournalLedger, steps: list[tuple[str, str, str, float]]) -> list[object]:
    out: list[object] = []
    for kind, run, call, now in steps:
        if kind == "r":
            out.append(await ledger.reserve(run, call, WANT, CAPS, now, TTL))
        else:
            out.append(await ledger.settle(run, call, USED, CAPS, 0.5, now, TTL))
    return out


async def states(ledger: MemoryLedger | JournalLedger, now: float) -> dict[str, RunState | None]:
    return {run: await ledger.state(run, now) for run in ("a", "b")}


def killed(ledger: JournalLedger) -> None:
    """What SIGKILL leaves: the files as they are, the descriptors closed by the kernel, nothing flushed."""
    os.close(ledger._fd)
    os.close(ledger._lock_fd)
    ledger._worker.shutdown(wait=True)


@pytest.mark.parametrize("cut", range(1, len(STEPS) + 1))
def test_decides_like_the_memory_ledger_and_a_killed_process_comes_back_with_the_same_books(
        tmp_path: Path, cut: int) -> None:
    async def body() -> None:
        memory, journal = MemoryLedger(), JournalLedger(tmp_path / "budgets")
        assert await play(journal, STEPS[:cut]) == await play(memory, STEPS[:cut])
        killed(journal)
        again = JournalLedger(tmp_path / "budgets")
        now = STEPS[cut - 1][3]
        assert await states(again, now) == await states(memory, now)
        # and it goes on deciding as the memory ledger does
        assert await play(again, STEPS[cut:]) == await play(memory, STEPS[cut:])
        await again.close()

    asyncio.run(body())


def test_rotation_and_snapshots_keep_the_books_and_drop_old_journals(tmp_path: Path) -> None:
    async def body() -> None:
        memory, journal = MemoryLedger(), JournalLedger(tmp_path / "budgets", compact_after=7)
        steps = [("r" if i % 2 == 0 else "s", f"run{i % 5}", f"c{i // 2}", float(i)) for i in range(200)]
        assert await play(journal, steps) == await play(memory, steps)
        await journal.close()  # waits for the last snapshot
        names = sorted(p.name for p in (tmp_path / "budgets").iterdir())
        assert "snapshot.json" in names and sum(n.startswith("journal.") for n in names) <= 2, names
        again = JournalLedger(tmp_path / "budgets")
        for run in (f"run{i}" for i in range(5)):
            assert await again.state(run, 199.0) == await memory.state(run, 199.0)
        await again.close()

    asyncio.run(body())


def test_a_torn_last_line_is_skipped_and_a_corrupt_middle_line_refuses_to_start(tmp_path: Path) -> None:
    async def body() -> None:
        journal = JournalLedger(tmp_path / "budgets")
        await play(journal, STEPS[:3])
        path = tmp_path / "budgets" / f"journal.{journal._gen}"
        killed(journal)
        whole = path.read_bytes()
        path.write_bytes(whole + b'["r","a","c9",100,2')  # a write cut short by the crash: never answered
        again = JournalLedger(tmp_path / "budgets")
        state = await again.state("a", 3.0)
        assert state is not None and state.used == USED and state.reserved == WANT
        await again.close()
        bad = tmp_path / "bad"
        bad.mkdir()
        (bad / "journal.1").write_bytes(b'{not json\n' + whole)
        with pytest.raises(ValueError):
            JournalLedger(bad)

    asyncio.run(body())


def test_one_process_per_state_dir(tmp_path: Path) -> None:
    first = JournalLedger(tmp_path / "budgets")
    with pytest.raises(LedgerInUse, match="one gateway per state dir"):
        JournalLedger(tmp_path / "budgets")
    asyncio.run(first.close())
    asyncio.run(JournalLedger(tmp_path / "budgets").close())  # free again once the owner has gone


def test_the_sqlite_ledger_of_earlier_versions_is_imported_once(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / "budgets.sqlite3")
    db.executescript("""
        CREATE TABLE budget_runs (run_id TEXT PRIMARY KEY, started_at REAL, last_seen REAL, expires_at REAL,
            u_in INTEGER, u_out INTEGER, u_cost INTEGER, u_llm INTEGER, u_tool INTEGER, alerted INTEGER);
        CREATE TABLE budget_open (run_id TEXT, call_id TEXT, r_in INTEGER, r_out INTEGER, r_cost INTEGER,
            r_llm INTEGER, r_tool INTEGER, PRIMARY KEY (run_id, call_id));
        INSERT INTO budget_runs VALUES ('old', 1.0, 5.0, 105.0, 40, 60, 0, 1, 0, 0);
        INSERT INTO budget_open VALUES ('old', 'c2', 100, 200, 0, 1, 0);
    """)
    db.commit()
    db.close()

    async def body() -> None:
        ledger = JournalLedger(tmp_path / "budgets")
        assert await ledger.state("old", 6.0) == RunState(1.0, 5.0, USED, WANT, False)
        settled = await ledger.settle("old", "c2", USED, CAPS, 0.9, 7.0, TTL)
        assert settled.state.used == USED + USED and settled.state.reserved == Amounts()
        await ledger.close()
        again = JournalLedger(tmp_path / "budgets")  # the snapshot wins: nothing imported twice
        state = await again.state("old", 8.0)
        assert state is not None and state.used == USED + USED
        await again.close()

    asyncio.run(body())
