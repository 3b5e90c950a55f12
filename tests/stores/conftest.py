"""The decision-log store both test files here run against: SQLite, and the real PostgreSQL when it answers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from gateway.stores.postgres_trace import PostgresTraceStore
from gateway.stores.sqlite_trace import SqliteTraceStore
from gateway.trace.recorder import TraceStore
from tests.approvals.pg import needs_postgres, private_schema


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=needs_postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[TraceStore]:
    if request.param == "sqlite":
        s: TraceStore = SqliteTraceStore(tmp_path / "d.sqlite3")
        yield s
        s.close()
        return
    with private_schema() as url:
        s = PostgresTraceStore(url)
        yield s
        s.close()
