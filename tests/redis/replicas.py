"""Two Redis clients (as two gateway replicas have) under a key prefix of one test's own, removed after."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import redis.asyncio as aioredis

URL = os.environ.get("WARDGATE_TEST_REDIS_URL")


@asynccontextmanager
async def replica_clients(count: int = 2) -> AsyncIterator[tuple[list[aioredis.Redis], str]]:
    assert URL is not None
    prefix = f"wgtest:{uuid.uuid4().hex}:"
    clients = [aioredis.Redis.from_url(URL) for _ in range(count)]
    try:
        yield clients, prefix
    finally:
        keys = [k async for k in clients[0].scan_iter(match=prefix + "*")]
        if keys:
            await clients[0].delete(*keys)
        for c in clients:
            await c.aclose()
