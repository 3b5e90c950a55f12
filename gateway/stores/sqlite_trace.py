"""The decision log in SQLite (the embedded default): a file under the state dir."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path
from typing import Any

from gateway.stores.run_view import run_summaries, run_view
from gateway.stores.sqlite import open_db
from gateway.stores.trace_rows import CallRow, DecisionRow, call_rows, decision_rows, verdicts
from gateway.trace.events import CallRecord, DecisionEvent

_SCHEMA = """
CREATE TABLE IF NOT EXISTS decisions (  -- body: a JSON list of one call's verdicts
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id TEXT NOT NULL, decision_id TEXT NOT NULL, body TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS decisions_run ON decisions(run_id, seq);
CREATE TABLE IF NOT EXISTS calls (
    call_id TEXT PRIMARY KEY, run_id TEXT NOT NULL, started_at REAL NOT NULL, body TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS calls_run ON calls(run_id, started_at);
CREATE INDEX IF NOT EXISTS calls_started ON calls(started_at);
"""


def _add_event_ids(db: sqlite3.Connection) -> None:
    """A row's event id: a batch written twice inserts it once (rows from before ids have NULL, never equal)."""
    if "event_id" not in {r[1] for r in db.execute("PRAGMA table_info(decisions)")}:
        db.execute("ALTER TABLE decisions ADD COLUMN event_id TEXT")
    db.execute("CREATE UNIQUE INDEX IF NOT EXISTS decisions_event ON decisions(event_id)")


class SqliteTraceStore:
    def __init__(self, path: Path) -> None:
        self._db = open_db(path, _SCHEMA)
        _add_event_ids(self._db)
        self._lock = threading.Lock()

    def write(self, decisions: list[DecisionEvent], calls: list[CallRecord]) -> None:
        self.write_rows(decision_rows(decisions), call_rows(calls))

    def write_rows(self, decisions: list[DecisionRow], calls: list[CallRow]) -> None:
        with self._lock:
            self._db.execute("BEGIN")
            try:
                self._db.executemany(
                    "INSERT OR IGNORE INTO decisions(event_id, run_id, decision_id, body) VALUES (?, ?, ?, ?)",
                    decisions)
                self._db.executemany(
                    "INSERT OR REPLACE INTO calls(call_id, run_id, started_at, body) VALUES (?, ?, ?, ?)", calls)
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def run(self, run_id: str) -> dict[str, Any] | None:
        with self._lock:
            calls = [json.loads(r[0]) for r in self._db.execute(
                "SELECT body FROM calls WHERE run_id = ? ORDER BY started_at", (run_id,))]
            decisions = verdicts(r[0] for r in self._db.execute(
                "SELECT body FROM decisions WHERE run_id = ? ORDER BY seq", (run_id,)))
        return run_view(run_id, calls, decisions)

    def runs(self, since: float, agent: str | None, limit: int) -> list[dict[str, Any]]:
        """Runs with a call started at or after `since` (epoch seconds), most recently active first."""
        with self._lock:
            calls = [json.loads(r[0]) for r in self._db.execute(
                "SELECT body FROM calls WHERE started_at >= ?", (since,))]
        return run_summaries(calls, agent, limit)

    def ping(self) -> bool:
        with self._lock:
            self._db.execute("SELECT 1")
        return True

    def close(self) -> None:
        with self._lock:
            self._db.close()
