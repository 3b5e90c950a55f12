"""`wardgate serve` replicas on a real Redis for end-to-end tests: start them, load them, read their ledgers."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import aiohttp
import httpx
import redis

from tests.support.process import Served, clean_env, spawn, wait_ready

REDIS_URL = os.environ.get("WARDGATE_TEST_REDIS_URL")
ADMIN_TOKEN = "replica-admin-token"
ADMIN = {"authorization": f"Bearer {ADMIN_TOKEN}"}


def budget(r: Served, run: str) -> Any:
    got = httpx.get(f"{r.admin_url}/admin/budgets/{run}", headers=ADMIN, timeout=5)
    assert got.status_code == 200, got.text
    return got.json()


def _spawn(rules: Path, state: Path, log: Path, redis_prefix: str | None,
           extra_env: Mapping[str, str] | None = None, tools: Path | None = None) -> Served:
    env = clean_env(WARDGATE_ADMIN_TOKEN=ADMIN_TOKEN, WARDGATE_LOG_LEVEL="warning", **(extra_env or {}))
    if redis_prefix is not None:
        env.setdefault("WARDGATE_REDIS_URL", REDIS_URL or "")
        env["WARDGATE_REDIS_PREFIX"] = redis_prefix
    if tools is None:  # no registry of their own: an empty one (a named tools directory must exist)
        tools = rules.parent / "tools"
        tools.mkdir(exist_ok=True)
    return spawn(rules, tools, state, log, env)


def start(tmp: Path, rules: Path, n: int, redis_prefix: str | None, tag: str = "",
          env: Mapping[str, str] | None = None, tools: Path | None = None) -> list[Served]:
    """Start n replicas in parallel (each takes seconds to import) and wait until all are ready."""
    replicas = [_spawn(rules, tmp / f"state{tag}{i if redis_prefix else ''}", tmp / f"serve{tag}{i}.log",
                       redis_prefix, env, tools) for i in range(n)]
    with ThreadPoolExecutor(n) as pool:
        list(pool.map(wait_ready, replicas))
    return replicas


def body(model: str = "gpt-4o-mini", max_tokens: int = 16) -> dict[str, Any]:
    return {"model": model, "max_tokens": max_tokens, "messages": [{"role": "user", "content": "hello there"}]}


async def load(replicas: list[Served], n: int, key: str, run: str | None = None) -> list[int]:
    """n concurrent chat calls, round-robin over the replicas; their statuses."""
    return [status for status, _ in await load_answers(replicas, n, key, run)]


async def load_answers(replicas: list[Served], n: int, key: str, run: str | None = None,
                       ) -> list[tuple[int, dict[str, Any]]]:
    """n concurrent chat calls, round-robin over the replicas; their statuses and JSON bodies. aiohttp, not httpx:
    httpx's pool spends most of a 1,000-call burst in its own bookkeeping (the client process at 100% CPU, the
    gateway at 6%), which stretched the burst over 25 s."""
    connector = aiohttp.TCPConnector(limit=n)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=120)) as client:
        async def one(i: int) -> tuple[int, dict[str, Any]]:
            headers = {"authorization": f"Bearer {key}", "x-wardgate-run-id": run or f"run-{i}"}
            async with client.post(f"{replicas[i % len(replicas)].url}/v1/chat/completions", json=body(),
                                   headers=headers) as r:
                return r.status, await r.json(content_type=None)
        return list(await asyncio.gather(*[one(i) for i in range(n)]))


def drop_keys(prefix: str) -> None:
    """Delete every Redis key under a test's own prefix."""
    if REDIS_URL:
        client = redis.Redis.from_url(REDIS_URL)
        keys = list(client.scan_iter(match=prefix + "*"))
        if keys:
            client.delete(*keys)
        client.close()
