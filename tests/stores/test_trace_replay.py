"""A batch of the decision log written twice inserts each row once, on SQLite and on the real PostgreSQL: a write
whose commit went through but whose acknowledgement was lost (the recorder retries it), and a spill file
replayed after the process died between writing it to the store and deleting it."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
from pathlib import Path

import pytest

from gateway.stores.sqlite_trace import SqliteTraceStore
from gateway.stores.trace_rows import CallRow, DecisionRow, call_rows, decision_rows
from gateway.trace.events import CallRecord, DecisionEvent
from gateway.trace.recorder import TraceRecorder, TraceStore
from tests.stores.test_trace_stores import event, record


class Flaky:
    """The store, but the first `ack_lost` writes commit and then fail (the acknowledgement is lost), and while
    `down` every write fails before reaching it."""

    def __init__(self, inner: TraceStore, ack_lost: int = 0) -> None:
        self.inner, self.ack_lost, self.down = inner, ack_lost, False

    def write(self, decisions: list[DecisionEvent], calls: list[CallRecord]) -> None:
        self.write_rows(decision_rows(decisions), call_rows(calls))

    def write_rows(self, decisions: list[DecisionRow], calls: list[CallRow]) -> None:
        if self.down:
            raise ConnectionError("store down")
        self.inner.write_rows(decisions, calls)
        if self.ack_lost:
            self.ack_lost -= 1
            raise ConnectionError("connection lost after COMMIT")

    def run(self, run_id: str) -> dict[str, object] | None:
        return self.inner.run(run_id)

    def runs(self, since: float, agent: str | None, limit: int) -> list[dict[str, object]]:
        return self.inner.runs(since, agent, limit)

    def close(self) -> None:
        pass


def _counts(store: TraceStore, run: str = "r1") -> dict[str, int]:
    view = store.run(run)
    assert view is not None
    return {c["call_id"]: len(c["decisions"]) for c in view["calls"]}


def _record_batch(rec: TraceRecorder) -> None:
    for check in ("authenticate", "permission", "input_guards"):
        rec.decision(event("c1", check))
    rec.decision(event("c2", "authenticate"))
    rec.call(record("c1", 1.0))
    rec.call(record("c2", 2.0))


def test_the_same_rows_written_twice_are_stored_once(store: TraceStore) -> None:
    rows = decision_rows([event("c1", "authenticate"), event("c1", "permission"), event("c2", "authenticate")])
    calls = call_rows([record("c1", 1.0), record("c2", 2.0)])
    store.write_rows(rows, calls)
    store.write_rows(rows, calls)
    assert _counts(store) == {"c1": 2, "c2": 1}
    store.write_rows(decision_rows([event("c1", "authenticate")]), [])  # a new verdict is a new row
    assert _counts(store) == {"c1": 3, "c2": 1}


def test_a_retried_write_whose_commit_went_through_adds_nothing(store: TraceStore, tmp_path: Path) -> None:
    flaky = Flaky(store, ack_lost=1)
    rec = TraceRecorder(flaky, spill_dir=tmp_path / "spill")

    async def go() -> None:
        _record_batch(rec)
        with pytest.raises(ConnectionError):
            await rec.flush()  # committed, but the recorder cannot know: it keeps the batch
        assert rec.buffered() == 4  # two decision rows (one per call), two call records
        await rec.flush()  # the retry
        assert rec.buffered() == 0

    asyncio.run(go())
    assert _counts(store) == {"c1": 3, "c2": 1}


def test_a_spill_replayed_after_a_crash_adds_nothing(store: TraceStore, tmp_path: Path) -> None:
    flaky = Flaky(store)
    spill = tmp_path / "spill"
    rec = TraceRecorder(flaky, spill_dir=spill, max_buffered=0)

    async def go() -> None:
        flaky.down = True
        _record_batch(rec)
        with pytest.raises(ConnectionError):
            await rec.flush()  # the store is down: the batch spills to disk
        [spilled] = list(spill.glob("*.json"))
        kept = shutil.copy(spilled, tmp_path / "kept.json")
        flaky.down = False
        await rec.flush()  # written, then the file is deleted …
        assert not spilled.exists()
        shutil.copy(kept, spilled)  # … but say the process died before the delete: the file is back on start
        await rec.flush()
        assert not spilled.exists()

    asyncio.run(go())
    assert _counts(store) == {"c1": 3, "c2": 1}


def test_a_log_from_before_event_ids_gains_the_column(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    db.executescript("CREATE TABLE decisions (seq INTEGER PRIMARY KEY AUTOINCREMENT, run_id TEXT NOT NULL, "
                     "decision_id TEXT NOT NULL, body TEXT NOT NULL);"
                     "INSERT INTO decisions(run_id, decision_id, body) VALUES ('r1', 'c1', '[]');")
    db.close()
    store = SqliteTraceStore(path)
    rows = decision_rows([event("c1", "authenticate")])
    store.write_rows(rows, call_rows([record("c1", 1.0)]))
    store.write_rows(rows, [])
    assert _counts(store) == {"c1": 1}
    store.close()
