"""A private schema on the real PostgreSQL named by WARDGATE_TEST_DATABASE_URL, dropped afterwards."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from urllib.parse import quote

import psycopg
import pytest

URL = os.environ.get("WARDGATE_TEST_DATABASE_URL")
needs_postgres = pytest.mark.skipif(not URL, reason="WARDGATE_TEST_DATABASE_URL is not set (.ci/run sets it)")


@contextlib.contextmanager
def private_schema() -> Iterator[str]:
    """Yield a database URL whose search_path is a fresh schema, so tests never share tables."""
    assert URL is not None
    schema = f"wg_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(URL, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in URL else "?"
    try:
        yield f"{URL}{sep}options={quote(f'-csearch_path={schema}')}"
    finally:
        with psycopg.connect(URL, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
