"""A PostgreSQL connection left idle may have been cut unnoticed: check it before a statement is trusted to it."""

from __future__ import annotations

import contextlib
import time
from typing import Any

import psycopg

IDLE_CHECK_S = 1.0


async def alive_or_none(
    conn: psycopg.AsyncConnection[Any] | None, used_at: float
) -> psycopg.AsyncConnection[Any] | None:
    """`conn` if it is fresh or answers one round trip, else None (closed). A database restart or a network drop
    cuts a connection without anyone noticing, and a write cannot be retried safely once sent."""
    if conn is None or conn.closed or time.monotonic() - used_at < IDLE_CHECK_S:
        return conn
    try:
        await conn.execute("SELECT 1")
    except psycopg.OperationalError:
        with contextlib.suppress(Exception):
            await conn.close()
        return None
    return conn
