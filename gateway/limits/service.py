"""Builds the limits machinery for one gateway: in process (SQLite ledger) or shared through Redis."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import redis as syncredis
import redis.asyncio as aioredis
from limits.storage import storage_from_string

from gateway.limits.breakers import Breakers
from gateway.limits.budgets import Budgets
from gateway.limits.checks import BudgetCheck, RateLimitCheck
from gateway.limits.ledger import MemoryLedger
from gateway.limits.ratelimit import Charged, RateLimiter
from gateway.trace.events import CallRecord

log = logging.getLogger("wardgate.limits")

# Redis calls on the hot path give up fast: each limit then applies its on_error (fail open or closed).
REDIS_TIMEOUT_S = 0.5


@dataclass(slots=True)
class Limits:
    limiter: RateLimiter
    budgets: Budgets
    breakers: Breakers
    redis: aioredis.Redis | None = None
    sync_redis: syncredis.Redis | None = None
    charged: dict[str, list[Charged]] = field(default_factory=dict)
    approvals: Any = None  # the approval queue (ApprovalService), for `on_alert.require_approval`

    def rate_check(self) -> RateLimitCheck:
        return RateLimitCheck(self.limiter, self.charged)  # type: ignore[arg-type]

    def budget_check(self) -> BudgetCheck:
        """The budget check; `on_alert.require_approval` holds calls in `self.approvals` once the app factory
        set it (read at call time, so the order of wiring does not matter)."""
        return BudgetCheck(self.budgets, lambda: self.approvals)

    async def finish(self, record: CallRecord) -> None:
        """After every call, on every path: settle the budget, charge real token/spend usage to the limits."""
        try:
            await self.budgets.settle(record, None)
        except Exception:
            log.exception("settling the budget of call %s failed; its reservation stays charged", record.call_id)
        charged = self.charged.pop(record.call_id, None)
        if charged:
            tokens = record.prompt_tokens + record.completion_tokens
            await self.limiter.correct(charged, tokens, round(record.cost_usd * 1e9))

    def attach_metrics(self, metrics: Any, *forwarders: Any) -> None:
        """Feed the Prometheus families: breaker states, budget utilisation, retries and fallbacks. (Budget
        alerts and rate-limit refusals are decision events, counted by the decision-log observer.)"""
        self.breakers.on_state = metrics.breaker_state

        def usage(agent: str | None, ratios: Mapping[str, float]) -> None:
            for dimension, ratio in ratios.items():
                metrics.budget_utilisation(agent or "", dimension, ratio)

        self.budgets.usage_hooks.append(usage)
        for f in forwarders:
            if hasattr(f, "on_retry"):
                f.on_retry = metrics.upstream_retry
            if hasattr(f, "on_fallback"):
                f.on_fallback = metrics.fallback

    def ping(self) -> bool:
        if self.sync_redis is None:
            return True
        return bool(self.sync_redis.ping())

    async def close(self) -> None:
        await self.budgets.close()
        if self.redis is not None:
            await self.redis.aclose()
        if self.sync_redis is not None:
            self.sync_redis.close()


def in_memory(clock: Callable[[], float] = time.time) -> Limits:
    """Everything in process and nothing durable (unit tests and defaults)."""
    return Limits(RateLimiter(storage_from_string("async+memory://"), clock), Budgets(MemoryLedger(), clock),
                  Breakers(clock))


def build_limits(redis_url: str | None, prefix: str, state_dir: Path, clock: Callable[[], float] = time.time,
                 post: Callable[[str, Mapping[str, Any]], Awaitable[None]] | None = None) -> Limits:
    """Embedded: in-process counters and breakers, budgets in SQLite. With a Redis URL: all three in Redis."""
    if redis_url is None:
        from gateway.stores.sqlite_budget import SqliteBudgetLedger

        return Limits(RateLimiter(storage_from_string("async+memory://"), clock),
                      Budgets(SqliteBudgetLedger(state_dir / "budgets.sqlite3"), clock, post), Breakers(clock))
    from gateway.stores.redis_budget import RedisBudgetLedger

    opts: dict[str, Any] = {"socket_timeout": REDIS_TIMEOUT_S, "socket_connect_timeout": REDIS_TIMEOUT_S}
    client = aioredis.Redis.from_url(redis_url, **opts)
    sync_client = syncredis.Redis.from_url(redis_url, **opts)
    storage = storage_from_string("async+" + redis_url, implementation="redispy", key_prefix=prefix + "rl",
                                  **opts)
    return Limits(RateLimiter(storage, clock), Budgets(RedisBudgetLedger(client, prefix), clock, post),
                  Breakers(clock, client, prefix), client, sync_client)


def webhook_poster(client: Any) -> Callable[[str, Mapping[str, Any]], Awaitable[None]]:
    """POST a JSON event through the gateway's pooled upstream client."""
    import json

    async def post(url: str, body: Mapping[str, Any]) -> None:
        resp = await client.request("POST", url, {"content-type": "application/json"},
                                    json.dumps(body, default=str).encode(), 5.0)
        if resp.status >= 400:
            raise RuntimeError(f"webhook answered HTTP {resp.status}")

    return post
