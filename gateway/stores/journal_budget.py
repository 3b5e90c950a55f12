"""The embedded budget ledger: the books in memory, each change appended to a journal file before it returns.

A reserve or settle decides on the in-memory book, appends one line to `journal.N` (one `write(2)` of about
100 bytes to an O_APPEND file: into the OS page cache, no fsync) and only then changes the book. A killed
process cannot take back a `write` that returned, so after a SIGKILL the replayed journal holds every reserve
that was answered and every settlement that was recorded: a run's recorded spend is never less than what was
spent (a call in flight stays reserved at its worst case until its run expires). Only a power loss or kernel
crash can lose the last lines, as with the SQLite ledger this replaces (WAL, synchronous=NORMAL).

Every `compact_after` lines the journal is rotated (`journal.N+1`) and a snapshot of the books at the rotation
point is written by a worker thread (`snapshot.json`: temporary file, fsync, rename), after which the older
journals are deleted. Startup loads the snapshot, replays the journals after it in order (a torn last line,
from a write cut by a crash, is skipped) and compacts at once. A first start beside the former
`budgets.sqlite3` ledger imports its runs.

One process owns the directory (an exclusive `flock` on `budgets.lock`, released by the kernel when the
process dies): replicas share budgets through Redis (`WARDGATE_REDIS_URL`), never through one state dir.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import sqlite3
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from gateway.limits.budget import Amounts, Caps, Decision
from gateway.limits.ledger import (
    Reserved,
    RunBook,
    RunState,
    Settled,
    fresh,
    idle,
    live_state,
    plan_reserve,
    plan_settle,
    reserve_effect,
    settle_effect,
)

COMPACT_AFTER = 100_000  # journal lines between two snapshots (about 10 MB)
SWEEP_EVERY_S = 60.0
_SNAPSHOT = "snapshot.json"
_JOURNAL = "journal."


class LedgerInUse(RuntimeError):
    """Another process holds this state directory's budget ledger."""


@dataclass(frozen=True, slots=True)
class _Run:
    """One run as a snapshot stores it."""

    state: RunState
    open: dict[str, Amounts]
    ttl_s: float


class JournalLedger:
    """Atomic per step because every step runs on the event loop without awaiting (one process, one loop)."""

    def __init__(self, directory: Path, compact_after: int = COMPACT_AFTER) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self._dir = directory
        self._lock_fd = _exclusive(directory / "budgets.lock")
        self._compact_after = compact_after
        self._books: dict[str, RunBook] = {}
        self._ttl: dict[str, float] = {}
        self._last_sweep = 0.0
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="wardgate-budget-journal")
        self._compacting: Future[None] | None = None
        try:
            self._gen = self._recover()
            self._lines = 0
            _write_snapshot(directory, self._gen, self._copy())
            self._fd = self._open_journal()
        except BaseException:
            os.close(self._lock_fd)
            raise

    # ---------------------------------------------------------------- the two steps

    async def reserve(self, run_id: str, call_id: str, want: Amounts, caps: Caps, now: float,
                      ttl_s: float) -> Reserved:
        self._sweep(now)
        book = fresh(self._books.get(run_id), now, ttl_s)
        decision = plan_reserve(book, call_id, want, caps, now)
        if decision is None:
            return Reserved(Decision(True), book.state)
        self._append(["r", run_id, call_id, *want.as_tuple(), now, ttl_s, int(decision.admit)])
        self._books[run_id], self._ttl[run_id] = book, ttl_s
        reserved = Reserved(decision, reserve_effect(book, call_id, want, now, decision.admit))
        self._maybe_rotate()
        return reserved

    async def settle(self, run_id: str, call_id: str, actual: Amounts, caps: Caps, alert_at: float,
                     now: float, ttl_s: float) -> Settled:
        book = self._books.get(run_id)
        if book is None:
            return Settled(RunState(now, now), False)
        alert = plan_settle(book, call_id, actual, caps, alert_at, now)
        if alert is None:
            return Settled(book.state, False)
        self._append(["s", run_id, call_id, *actual.as_tuple(), now, int(alert)])
        settled = Settled(settle_effect(book, call_id, actual, now, alert), alert)
        self._maybe_rotate()
        return settled

    async def state(self, run_id: str, now: float) -> RunState | None:
        return live_state(self._books.get(run_id), self._ttl.get(run_id, 0.0), now)

    async def close(self) -> None:
        if self._compacting is not None:
            with contextlib.suppress(Exception):
                self._compacting.result()
        self._worker.shutdown(wait=True)
        os.close(self._fd)
        os.close(self._lock_fd)

    # ---------------------------------------------------------------- the journal

    def _append(self, record: list[Any]) -> None:
        line = orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE)
        written = os.write(self._fd, line)
        while written < len(line):  # a regular file takes a small write whole; a short one is finished, not lost
            written += os.write(self._fd, line[written:])
        self._lines += 1

    def _maybe_rotate(self) -> None:
        """After a step's line AND its effect: the snapshot taken at the rotation holds both."""
        if self._lines >= self._compact_after and self._compacting is None:
            self._rotate()

    def _open_journal(self) -> int:
        return os.open(self._dir / f"{_JOURNAL}{self._gen}", os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)

    def _rotate(self) -> None:
        """A new journal from here on; the books as of this line go to a snapshot, written off the loop."""
        os.close(self._fd)
        self._gen += 1
        self._fd = self._open_journal()
        self._lines = 0
        done = self._compacting = self._worker.submit(_write_snapshot, self._dir, self._gen, self._copy())
        done.add_done_callback(self._compacted)

    def _compacted(self, done: Future[None]) -> None:
        if self._compacting is done:
            self._compacting = None

    def _copy(self) -> dict[str, _Run]:
        return {run: _Run(book.state, dict(book.open), self._ttl.get(run, 0.0)) for run, book in self._books.items()}

    def _sweep(self, now: float) -> None:
        """Runs idle past their TTL leave memory (a later call starts them over, as `fresh` would)."""
        if now - self._last_sweep < SWEEP_EVERY_S:
            return
        self._last_sweep = now
        for run in [r for r, b in self._books.items() if idle(b, self._ttl.get(r, 0.0), now)]:
            del self._books[run]
            self._ttl.pop(run, None)

    # ---------------------------------------------------------------- recovery

    def _recover(self) -> int:
        """Load the snapshot and replay the journals after it; the generation the next journal starts."""
        gen = 0
        snapshot = self._dir / _SNAPSHOT
        journals = _journals(self._dir)
        if snapshot.exists():
            gen = self._load_snapshot(snapshot)
        elif not journals and (legacy := self._dir.parent / "budgets.sqlite3").exists():
            self._import_sqlite(legacy)
        last = gen
        for n, path in journals:
            if n >= gen:
                self._replay(path)
                last = n
        return last + 1

    def _load_snapshot(self, path: Path) -> int:
        lines = path.read_text(encoding="utf-8").splitlines()
        gen = int(json.loads(lines[0])["gen"])
        for line in lines[1:]:
            run, state, opened, ttl_s = json.loads(line)
            self._books[run] = RunBook(RunState(state[0], state[1], Amounts(*state[2]), Amounts(*state[3]),
                                                bool(state[4])), {c: Amounts(*a) for c, a in opened.items()})
            self._ttl[run] = ttl_s
        return gen

    def _replay(self, path: Path) -> None:
        lines = path.read_bytes().split(b"\n")
        for i, raw in enumerate(lines):
            if not raw:
                continue
            try:
                record = json.loads(raw)
            except ValueError:
                if i >= len(lines) - 2:  # the last line, cut by a crash mid-write: it was never answered
                    break
                raise
            self._apply(record)

    def _apply(self, record: list[Any]) -> None:
        if record[0] == "r":
            _, run, call, *want, now, ttl_s, admit = record
            book = self._books[run] = fresh(self._books.get(run), now, ttl_s)
            self._ttl[run] = ttl_s
            reserve_effect(book, call, Amounts(*want), now, bool(admit))
        else:
            _, run, call, *actual, now, alert = record
            if (settled := self._books.get(run)) is not None:
                settle_effect(settled, call, Amounts(*actual), now, bool(alert))

    def _import_sqlite(self, path: Path) -> None:
        """The runs of the SQLite ledger earlier versions kept (`budgets.sqlite3`), read once."""
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            opened: dict[str, dict[str, Amounts]] = {}
            for run, call, *amounts in db.execute("SELECT run_id, call_id, r_in, r_out, r_cost, r_llm, r_tool "
                                                  "FROM budget_open"):
                opened.setdefault(run, {})[call] = Amounts(*amounts)
            for run, started, seen, expires, *rest in db.execute(
                    "SELECT run_id, started_at, last_seen, expires_at, u_in, u_out, u_cost, u_llm, u_tool, alerted "
                    "FROM budget_runs"):
                held = opened.get(run, {})
                state = RunState(started, seen, Amounts(*rest[:5]), sum(held.values(), Amounts()), bool(rest[5]))
                self._books[run], self._ttl[run] = RunBook(state, dict(held)), expires - seen
        except sqlite3.DatabaseError:
            pass  # no budget tables in it: nothing to import
        finally:
            db.close()


def _exclusive(path: Path) -> int:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise LedgerInUse(f"another process holds the budget ledger in {path.parent}: one gateway per state dir "
                          "(replicas share budgets through Redis)") from None
    return fd


def _journals(directory: Path) -> list[tuple[int, Path]]:
    found = [(int(p.name[len(_JOURNAL):]), p) for p in directory.glob(f"{_JOURNAL}*")
             if p.name[len(_JOURNAL):].isdigit()]
    return sorted(found)


def _write_snapshot(directory: Path, gen: int, runs: dict[str, _Run]) -> None:
    """The books as of the start of `journal.gen`, durably; then the journals before it are dropped."""
    tmp = directory / f"{_SNAPSHOT}.tmp"
    with tmp.open("w", encoding="utf-8") as f:
        f.write(json.dumps({"gen": gen}) + "\n")
        for run, r in runs.items():
            s = r.state
            state = [s.started_at, s.last_seen, s.used.as_tuple(), s.reserved.as_tuple(), int(s.alerted)]
            f.write(json.dumps([run, state, {c: a.as_tuple() for c, a in r.open.items()}, r.ttl_s],
                               separators=(",", ":")) + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, directory / _SNAPSHOT)
    dir_fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
    for n, path in _journals(directory):
        if n < gen:
            path.unlink(missing_ok=True)
