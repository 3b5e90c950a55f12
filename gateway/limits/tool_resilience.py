"""Tool executions through breakers and retries: one breaker per tool; a retry only when it is safe (idempotent
tool, or a connection that was never made) and only as often as the registry's `retries` allow."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from gateway.errors import Reason
from gateway.limits.breaker_state import Admission, Admit, Breaker
from gateway.limits.breakers import Breakers
from gateway.limits.retry import backoff, retryable, time_left
from gateway.limits.rules import BreakerRule, RetryRule
from gateway.tools.registry import Tool
from gateway.upstream.client import UpstreamClient, UpstreamFault
from gateway.upstream.tools import PinMismatch, ToolAnswer, ToolForwarder, ToolUpstreamFault

# The tool registry has no breaker or backoff settings of its own (yet): every tool gets the defaults.
TOOL_BREAKER = BreakerRule()
TOOL_BACKOFF = RetryRule()


def breaker_name(tool: str) -> str:
    """Tool breakers share the registry with model breakers; the prefix keeps the names apart."""
    return f"tool:{tool}"


class ToolCircuitOpen(ToolUpstreamFault):
    def __init__(self, tool: str, retry_after: float) -> None:
        super().__init__(Reason.CIRCUIT_OPEN, f"Tool '{tool}' is failing: its circuit breaker is open. "
                                              f"Retry after {retry_after:.0f}s.")
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class TriedAnswer(ToolAnswer):
    """A tool answer with the tries that led to it (for the trace)."""

    attempts: tuple[dict[str, Any], ...] = ()


def _transport_fault(fault: ToolUpstreamFault) -> UpstreamFault:
    """The client's fault under the tool fault: it carries the aiohttp error that says whether anything was sent."""
    return fault.__cause__ if isinstance(fault.__cause__, UpstreamFault) else fault


def should_retry(tool: Tool, fault: ToolUpstreamFault | None, status: int | None) -> bool:
    """Pure: is this failure of one try worth another? (Whether one is left is the caller's business.)"""
    if fault is not None and fault.upstream_status is None:
        return retryable(None, _transport_fault(fault), idempotent=tool.ops.idempotent)
    return retryable(status, None, idempotent=tool.ops.idempotent)


class ResilientToolForwarder(ToolForwarder):
    def __init__(self, client: UpstreamClient, breakers: Breakers, clock: Callable[[], float] = time.time,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
                 rand: Callable[[], float] = random.random, rule: BreakerRule = TOOL_BREAKER, *,
                 on_retry: Callable[[str, str], None] | None = None) -> None:
        super().__init__(client)
        self.breakers = breakers
        self._clock = clock
        self._sleep = sleep
        self._rand = rand
        self._rule = rule
        self.on_retry: Callable[[str, str], None] = on_retry or (lambda upstream, reason: None)  # a metric hook

    async def invoke(self, tool: Tool, args: Mapping[str, Any], headers: Mapping[str, str] | None = None,
                     call_id: str | None = None) -> ToolAnswer:
        """`call_id`: the first try may use the breaker admission taken with the call's other checks (Redis)."""
        b = self.breakers.get(breaker_name(tool.name), self._rule)
        tries = 1 + tool.ops.retries
        started = self._clock()
        deadline = tool.ops.timeout_s * tries  # each try may take its whole timeout; backoff must fit too
        log: list[dict[str, Any]] = []
        for i in range(1, tries + 1):
            pre = await self.breakers.claim(call_id, b.name) if call_id is not None and i == 1 else None
            adm: Admission = pre if pre is not None else await b.enter(tool.ops.timeout_s)
            t0 = time.perf_counter()
            if adm.admit is Admit.REJECT:
                log.append(_note("circuit-open", t0))
                raise _with(ToolCircuitOpen(tool.name, adm.retry_after or 1.0), log)
            try:
                answer = await super().invoke(tool, args, headers)
            except ToolUpstreamFault as fault:
                await self._record(b, adm.admit, True)
                log.append(_note(fault.reason.value, t0, fault.upstream_status))
                if (i < tries and should_retry(tool, fault, fault.upstream_status)
                        and await self._pause(i, started, deadline)):
                    status = fault.upstream_status
                    self.on_retry(breaker_name(tool.name), f"http-{status}" if status else fault.reason.value)
                    continue
                _with(fault, log)
                raise
            except PinMismatch:
                await self._record(b, adm.admit, False)  # the upstream answered: not a fault of its health
                raise
            except BaseException:
                await b.abandon(adm.admit)
                raise
            await self._record(b, adm.admit, False)  # 4xx: the tool refused the call, the upstream is up
            log.append(_note("ok" if answer.ok else f"http-{answer.upstream_status}", t0, answer.upstream_status))
            if (not answer.ok and i < tries and should_retry(tool, None, answer.upstream_status)
                    and await self._pause(i, started, deadline)):
                self.on_retry(breaker_name(tool.name), f"http-{answer.upstream_status}")
                continue
            return TriedAnswer(answer.ok, answer.result, answer.upstream_status, answer.upstream_ms, tuple(log))
        raise AssertionError("unreachable: the last try returns or raises")

    async def _record(self, b: Breaker, admitted: Admit, failed: bool) -> None:
        await b.record(admitted, failed)

    async def _pause(self, attempt: int, started: float, deadline_s: float) -> bool:
        wait = backoff(attempt, TOOL_BACKOFF.backoff_s, TOOL_BACKOFF.max_backoff_s, self._rand)
        if wait >= time_left(started, deadline_s, self._clock()):
            return False
        await self._sleep(wait)
        return True


def _note(outcome: str, t0: float, status: int | None = None) -> dict[str, Any]:
    return {"outcome": outcome, "status": status, "ms": round((time.perf_counter() - t0) * 1000, 3)}


def _with(fault: ToolUpstreamFault, log: list[dict[str, Any]]) -> ToolUpstreamFault:
    fault.attempts = tuple(log)  # type: ignore[attr-defined]
    return fault
