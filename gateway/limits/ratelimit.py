"""Rate limits over the `limits` library: which limits apply to a call, their keys, charges and headers.

Request limits use the moving window (an exact sliding log: never more than N in any window, exact Retry-After);
token and spend limits use the sliding-window counter (two counters per key, so large amounts cost nothing).
In Redis mode the same windows (same keys, same Lua) are hit inside the call's one admission script instead
(limits/shared_admission.py); `RateLimiter` serves the in-process mode."""

from __future__ import annotations

import functools
import hashlib
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from typing import Any, Protocol

from limits import RateLimitItem, RateLimitItemPerSecond, parse
from limits.aio.strategies import MovingWindowRateLimiter, SlidingWindowCounterRateLimiter

from gateway.limits.rules import KeyPart, LimitRule, Per, Unit
from gateway.limits.store_fault import StoreFault, classify
from gateway.limits.windows import MemoryWindows
from gateway.model import Call, OnError

log = logging.getLogger("wardgate.limits")

NOBODY = "-"  # the user part of a key when the call names no user


def applies(limit: LimitRule, call: Call) -> bool:
    """Pure: is this call counted by this limit?"""
    if call.api.is_tool:
        if limit.unit is not Unit.REQUESTS or KeyPart.MODEL in limit.key:
            return False
    elif not call.api.is_llm or KeyPart.TOOL in limit.key:
        return False
    return limit.match is None or fnmatchcase(call.target, limit.match)


@functools.lru_cache(maxsize=1024)
def definition_digest(limit: LimitRule) -> str:
    """Pure: a short digest of a limit's definition (rules are frozen: computed once per limit, not per call)."""
    return hashlib.sha256(limit.model_dump_json().encode()).hexdigest()[:10]


@functools.lru_cache(maxsize=1024)
def window_item(amount: int, window_s: int) -> RateLimitItem:
    return RateLimitItemPerSecond(amount, window_s, namespace="wg")


def identifiers(limit: LimitRule, index: int, call: Call) -> tuple[str, ...]:
    """Pure: the counter's identity: the limit's definition (so an edited limit starts fresh) and the key parts."""
    digest = definition_digest(limit)
    values = {
        KeyPart.AGENT: call.agent_id or NOBODY,
        KeyPart.USER: (call.principal.user_id if call.principal else None) or NOBODY,
        KeyPart.MODEL: call.target,
        KeyPart.TOOL: call.target,
    }
    scope = "" if KeyPart.AGENT in limit.key else f"@{call.agent_id}"  # limits are an agent's own rules
    return (f"l{index}.{digest}{scope}", *(f"{p.value}={values[p]}" for p in limit.key))


_GRANULARITY_DAYS = {"month": 30, "year": 365}


@functools.lru_cache(maxsize=256)
def tool_limit(spec: str) -> LimitRule | None:
    """Pure: the tool registry's `rate_limit` (`30/minute`, `10 per 5 seconds`) as a request limit keyed by tool
    alone: it protects the tool's upstream, so every agent shares it. None when the text cannot be read."""
    try:
        item = parse(spec)
        name = item.GRANULARITY.name
        if name in _GRANULARITY_DAYS:
            return LimitRule(key=(KeyPart.TOOL,), requests=item.amount, per=Per.DAY,
                             every=_GRANULARITY_DAYS[name] * item.multiples)
        return LimitRule(key=(KeyPart.TOOL,), requests=item.amount, per=Per(name), every=item.multiples)
    except ValueError:
        return None


def capacity(limit: LimitRule) -> int:
    """The limit in counter units: requests, tokens, or micro-USD."""
    if limit.requests is not None:
        return limit.requests
    if limit.tokens is not None:
        return limit.tokens
    assert limit.cost_usd is not None
    return max(1, round(limit.cost_usd * 1_000_000))


def charge(limit: LimitRule, tokens: int, cost_nusd: int) -> int:
    """Pure: what one call costs against this limit (at least 1 unit, so a free call still counts)."""
    if limit.unit is Unit.REQUESTS:
        return 1
    if limit.unit is Unit.TOKENS:
        return max(1, tokens)
    return max(1, math.ceil(cost_nusd / 1000))


def retry_after(reset_at: float, now: float) -> float:
    """Pure: seconds until the window has room again (at least one)."""
    return max(1.0, math.ceil(reset_at - now))


def headers(limit: LimitRule, remaining: int, reset_in: float) -> dict[str, str]:
    """OpenAI-style `x-ratelimit-*` headers for the limit that refused the call."""
    unit = {Unit.REQUESTS: "requests", Unit.TOKENS: "tokens", Unit.COST_USD: "cost-usd"}[limit.unit]
    cap: float = capacity(limit) if limit.unit is not Unit.COST_USD else limit.cost_usd or 0.0
    left: float = remaining if limit.unit is not Unit.COST_USD else remaining / 1_000_000
    return {
        f"x-ratelimit-limit-{unit}": f"{cap:g}",
        f"x-ratelimit-remaining-{unit}": f"{left:g}",
        f"x-ratelimit-reset-{unit}": f"{math.ceil(reset_in)}s",
    }


@dataclass(frozen=True, slots=True)
class Charged:
    """A token or spend charge made at admission, corrected to real usage when the call finishes."""

    limit: LimitRule
    item: RateLimitItem
    ids: tuple[str, ...]
    amount: int


@dataclass(frozen=True, slots=True)
class Refused:
    limit: LimitRule
    retry_after: float
    headers: dict[str, str]
    store_error: StoreFault | None = None  # refused because the store failed, not because the window is full


@dataclass(slots=True)
class Admission:
    refused: Refused | None = None
    charged: list[Charged] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # limits not applied because the store failed (fail open)


class Strategy(Protocol):
    """A window strategy: `limits`' async strategies, or the in-process ones of limits/windows.py."""

    async def hit(self, item: RateLimitItem, *identifiers: str, cost: int = 1) -> bool: ...

    async def get_window_stats(self, item: RateLimitItem, *identifiers: str) -> Stats: ...


class Stats(Protocol):
    @property
    def reset_time(self) -> float: ...

    @property
    def remaining(self) -> int: ...


class RateLimiter:
    """Applies an agent's limits to a call: in the embedded mode over the in-process windows of
    limits/windows.py; in Redis mode over `limits`' Redis storage (the checks of a call use the combined
    script of limits/shared_admission.py, which keeps that storage's key layout)."""

    def __init__(self, storage: Any, clock: Callable[[], float] = time.time) -> None:
        self.storage = storage
        self._moving: Strategy
        self._counter: Strategy
        if isinstance(storage, MemoryWindows):
            self._moving, self._counter = storage.moving, storage.counter
        else:
            self._moving = MovingWindowRateLimiter(storage)
            self._counter = SlidingWindowCounterRateLimiter(storage)
        self._clock = clock

    def _strategy(self, limit: LimitRule) -> Strategy:
        return self._moving if limit.unit is Unit.REQUESTS else self._counter

    async def admit(self, call: Call, limits: tuple[LimitRule, ...], tokens: int, cost_nusd: int) -> Admission:
        """Hit every applicable limit in order; the first that is full refuses the call.
        Limits already hit keep the charge (conservative: a refused call may count against an earlier limit)."""
        out = Admission()
        for index, limit in enumerate(limits):
            if not applies(limit, call):
                continue
            item = window_item(capacity(limit), limit.window_s)
            ids = identifiers(limit, index, call)
            amount = charge(limit, tokens, cost_nusd)
            strategy = self._strategy(limit)
            try:
                ok = await strategy.hit(item, *ids, cost=min(amount, item.amount))
                if not ok:
                    stats = await strategy.get_window_stats(item, *ids)
                    now = self._clock()
                    wait = retry_after(stats.reset_time, now)
                    out.refused = Refused(limit, wait, headers(limit, stats.remaining, wait))
                    return out
            except Exception as exc:
                fault = classify(exc)
                skip = fault is StoreFault.UNREACHABLE and limit.on_error is OnError.ALLOW
                log.warning("rate-limit store failed (%s, %s); limit %s is %s", type(exc).__name__, fault.value,
                            ids[0], "skipped (fail open)" if skip else "refusing")
                if not skip:
                    out.refused = Refused(limit, 1.0, {}, store_error=fault)
                    return out
                out.skipped.append(ids[0])
                continue
            if limit.unit is not Unit.REQUESTS:
                out.charged.append(Charged(limit, item, ids, min(amount, item.amount)))
        return out

    async def admit_tool(self, tool: str, limit: LimitRule) -> Refused | None:
        """The tool's own limit from the registry: one counter per tool for all agents (fails open when the store
        is unreachable; a saturated store refuses)."""
        item = window_item(capacity(limit), limit.window_s)
        ids = (f"t.{definition_digest(limit)}", f"tool={tool}")
        try:
            if await self._moving.hit(item, *ids):
                return None
            stats = await self._moving.get_window_stats(item, *ids)
        except Exception as exc:
            fault = classify(exc)
            log.warning("rate-limit store failed (%s, %s); the rate limit of tool %s is %s", type(exc).__name__,
                        fault.value, tool, "skipped (fail open)" if fault is StoreFault.UNREACHABLE else "refusing")
            if fault is StoreFault.UNREACHABLE:
                return None
            return Refused(limit, 1.0, {}, store_error=fault)
        wait = retry_after(stats.reset_time, self._clock())
        return Refused(limit, wait, headers(limit, stats.remaining, wait))

    async def correct(self, charged: list[Charged], tokens: int, cost_nusd: int) -> None:
        """Charge what real usage added beyond the admission estimate. A window that cannot take all of it is
        filled to its limit (later calls wait for it to slide); an overestimate is not refunded."""
        for c in charged:
            extra = charge(c.limit, tokens, cost_nusd) - c.amount
            if extra <= 0:
                continue
            try:
                if not await self._counter.hit(c.item, *c.ids, cost=min(extra, c.item.amount)):
                    stats = await self._counter.get_window_stats(c.item, *c.ids)
                    if stats.remaining > 0:
                        await self._counter.hit(c.item, *c.ids, cost=stats.remaining)
            except Exception:
                log.warning("rate-limit store failed while charging real usage", exc_info=True)
