"""Opening the embedded SQLite stores the same way: WAL, autocommit, a schema, one connection shared by threads."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def open_db(path: Path, schema: str, durable: bool = False) -> sqlite3.Connection:
    """`durable` fsyncs every commit (approvals); otherwise a commit survives a killed process, not power loss.

    Callers serialise access with their own lock (the connection is shared across threads)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None, timeout=10)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute(f"PRAGMA synchronous={'FULL' if durable else 'NORMAL'}")
    db.executescript(schema)
    return db
