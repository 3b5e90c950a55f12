"""Builds the limits machinery for one gateway: in process (the embedded journal ledger) or shared through Redis."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

import redis.asyncio as aioredis
from limits.storage import storage_from_string
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff

from gateway.approvals.service import ApprovalService
from gateway.limits.breakers import Breakers
from gateway.limits.budget import Amounts
from gateway.limits.budgets import Budgets, Pending
from gateway.limits.checks import BudgetCheck, RateLimitCheck
from gateway.limits.ledger import BudgetLedger, MemoryLedger, Settled
from gateway.limits.ratelimit import Charged, RateLimiter
from gateway.limits.shared_admission import SharedAdmission
from gateway.limits.windows import MemoryWindows
from gateway.settings import Settings
from gateway.trace.events import CallRecord, DecisionEvent

log = logging.getLogger("wardgate.limits")


@dataclass(frozen=True, slots=True)
class Limits:
    limiter: RateLimiter
    budgets: Budgets
    breakers: Breakers
    redis: aioredis.Redis | None = None
    # The approval queue, for `on_alert.require_approval` (budget check).
    approvals: ApprovalService | None = None
    # Redis mode: a call's windows and reservation in one script, its settlement in one more.
    shared: SharedAdmission | None = None
    charged: dict[str, list[Charged]] = field(default_factory=dict)

    def rate_check(self) -> RateLimitCheck:
        return RateLimitCheck(self.limiter, self.charged, self.shared)  # type: ignore[arg-type]

    def budget_check(self) -> BudgetCheck:
        return BudgetCheck(self.budgets, self.approvals, self.shared)

    async def finish(self, record: CallRecord) -> None:
        """After every call, on every path: settle the budget (retried in the background if the ledger fails),
        charge real token/spend usage to the limits (and, in Redis mode, record the breakers' successes: one
        script for all three)."""
        charged = self.charged.pop(record.call_id, None)
        tokens, cost = record.prompt_tokens + record.completion_tokens, round(record.cost_usd * 1e9)
        shared = self.shared
        if shared is not None:
            shared.forget(record.call_id)

            async def via(pending: Pending | None, actual: Amounts) -> Settled | None:
                assert shared is not None
                return await shared.settle(record.call_id, pending, actual, charged or [], tokens, cost)

            await self.budgets.settle(record, None, via)
            return
        await self.budgets.settle(record, None)
        if charged:
            await self.limiter.correct(charged, tokens, cost)

    async def ping(self) -> None:
        """Readiness: Redis answers (through the limits' own pool), when configured."""
        if self.redis is not None:
            await self.redis.ping()

    async def close(self) -> None:
        await self.budgets.close()
        if self.redis is not None:
            await self.redis.aclose()
            await self.redis.connection_pool.disconnect()


def in_memory(clock: Callable[[], float] = time.time) -> Limits:
    """Everything in process and nothing durable (unit tests and defaults)."""
    return Limits(RateLimiter(MemoryWindows(clock), clock), Budgets(MemoryLedger(), clock),
                  Breakers(clock))


def redis_pool(settings: Settings) -> aioredis.BlockingConnectionPool:
    """One blocking pool for every Redis-backed check (rate limits, budgets, breakers, loop counts).

    A burst larger than the pool waits for a connection, at most `redis_pool_wait_s` (then the check refuses:
    never admits unchecked); each command times out after `redis_timeout_s`. redis-py's own retries are off:
    a script whose reply was lost may have run, and re-sending it is the caller's decision (the budget scripts
    are idempotent per call id and their callers release or re-settle)."""
    assert settings.redis_url is not None
    return aioredis.BlockingConnectionPool.from_url(
        settings.redis_url, max_connections=settings.redis_pool_size, timeout=settings.redis_pool_wait_s,
        socket_timeout=settings.redis_timeout_s, socket_connect_timeout=settings.redis_timeout_s,
        retry=Retry(NoBackoff(), 0))


class LimitMetrics(Protocol):
    """The Prometheus families the limits feed (budget alerts and rate-limit refusals are decision events,
    counted by the decision-log observer)."""

    def breaker_state(self, name: str, state: str) -> None: ...

    def budget_utilisation(self, agent: str, dimension: str, ratio: float) -> None: ...


def build_limits(settings: Settings, clock: Callable[[], float] = time.time,
                 post: Callable[[str, Mapping[str, Any]], Awaitable[None]] | None = None, *,
                 record: Callable[[DecisionEvent], None] | None = None,
                 approvals: ApprovalService | None = None,
                 metrics: LimitMetrics | None = None) -> Limits:
    """Embedded: in-process counters and breakers, budgets in memory with a journal in the state dir (`JournalLedger`).
    With a Redis URL: all three in Redis.

    `record` receives budget alerts (decision events), `approvals` holds calls past a budget alert that
    requires approval, `metrics` is told breaker states and budget utilisation."""
    on_state = metrics.breaker_state if metrics is not None else None

    def usage(agent: str | None, ratios: Mapping[str, float]) -> None:
        assert metrics is not None
        for dimension, ratio in ratios.items():
            metrics.budget_utilisation(agent or "", dimension, ratio)

    def budgets(ledger: BudgetLedger) -> Budgets:
        return Budgets(ledger, clock, post, record=record, usage=usage if metrics is not None else None)

    if settings.redis_url is None:
        from gateway.stores.journal_budget import JournalLedger

        return Limits(RateLimiter(MemoryWindows(clock), clock),
                      budgets(JournalLedger(settings.state_dir / "budgets")),
                      Breakers(clock, on_state=on_state), approvals=approvals)
    from gateway.limits.shared_admission import SharedAdmission
    from gateway.stores.redis_admission import RedisAdmission
    from gateway.stores.redis_budget import RedisBudgetLedger

    pool = redis_pool(settings)
    client = aioredis.Redis(connection_pool=pool)
    prefix = settings.redis_prefix
    storage = storage_from_string("async+" + settings.redis_url, implementation="redispy",
                                  key_prefix=prefix + "rl", connection_pool=pool)  # type: ignore[arg-type]
    ledger = RedisBudgetLedger(client, prefix)
    ledger_budgets = budgets(ledger)
    breakers = Breakers(clock, client, prefix, on_state=on_state, defer_successes=True)
    shared = SharedAdmission(RedisAdmission(client), ledger, ledger_budgets, breakers, prefix + "rl", clock)
    return Limits(RateLimiter(storage, clock), ledger_budgets, breakers, client, approvals, shared)


def webhook_poster(client: Any) -> Callable[[str, Mapping[str, Any]], Awaitable[None]]:
    """POST a JSON event through the gateway's pooled upstream client."""
    import json

    async def post(url: str, body: Mapping[str, Any]) -> None:
        resp = await client.request("POST", url, {"content-type": "application/json"},
                                    json.dumps(body, default=str).encode(), 5.0)
        if resp.status >= 400:
            raise RuntimeError(f"webhook answered HTTP {resp.status}")

    return post
