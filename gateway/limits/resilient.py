"""Forwarding with breakers, retries and fallbacks: each model's breaker first, transient faults retried with
backoff, then the model's `fallbacks` in order; every try is recorded, and which model answered."""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import replace
from typing import Any

from gateway.config.models_file import ProviderKind
from gateway.config.ruleset import ModelRoute, RuleSet
from gateway.errors import Reason
from gateway.limits.breaker_state import Admit, Breaker
from gateway.limits.breakers import Breakers
from gateway.limits.retry import RETRY_STATUS, backoff, is_fault_status, parse_retry_after, retryable, time_left
from gateway.model import Api
from gateway.upstream.client import UpstreamClient, UpstreamFault, UpstreamStream
from gateway.upstream.forwarder import Answer, Forwarder, parse_answer
from gateway.upstream.providers import build_upstream_call


class CircuitOpen(UpstreamFault):
    """Every model of the chain has its breaker open (or a probe in flight)."""

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(Reason.CIRCUIT_OPEN, message)
        self.retry_after = retry_after


def _chain(route: ModelRoute, rules: RuleSet) -> list[ModelRoute]:
    out, seen = [route], {route.name}
    for name in route.rule.fallbacks:
        fb = rules.resolve_model(name)
        if fb is not None and name not in seen:
            out.append(fb)
            seen.add(name)
    return out


class _Tries:
    """Book-keeping of one call's tries across its model chain."""

    def __init__(self, clock: Callable[[], float], deadline_s: float) -> None:
        self.clock = clock
        self.started = clock()
        self.deadline_s = deadline_s
        self.log: list[dict[str, Any]] = []
        self.last_fault: UpstreamFault | None = None
        self.open_retry: float | None = None
        self.breaker_fault: str | None = None  # the breaker's store failed: calls passed (breakers fail open)

    def note(self, model: str, outcome: str, t0: float, status: int | None = None) -> None:
        entry: dict[str, Any] = {"model": model, "outcome": outcome, "status": status,
                                 "ms": round((time.perf_counter() - t0) * 1000, 3)}
        if self.breaker_fault is not None:
            entry["breaker_store_error"] = self.breaker_fault
        self.log.append(entry)

    def left(self) -> float:
        return time_left(self.started, self.deadline_s, self.clock())

    def failure(self) -> UpstreamFault:
        fault = self.last_fault
        if fault is None:
            fault = CircuitOpen("The upstream's circuit breaker is open (and so are its fallbacks').",
                                self.open_retry or 1.0)
        fault.attempts = tuple(self.log)  # type: ignore[attr-defined]
        return fault


class ResilientForwarder(Forwarder):
    def __init__(self, client: UpstreamClient, breakers: Breakers, rules: Callable[[], RuleSet],
                 clock: Callable[[], float] = time.time,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
                 rand: Callable[[], float] = random.random, *,
                 on_retry: Callable[[str, str], None] | None = None,
                 on_fallback: Callable[[str, str], None] | None = None) -> None:
        super().__init__(client)
        self.breakers = breakers
        self._rules = rules
        self._clock = clock
        self._sleep = sleep
        self._rand = rand
        # Metric hooks (given by the app factory): a retry of an upstream, an answer from a fallback model.
        self.on_retry: Callable[[str, str], None] = on_retry or (lambda upstream, reason: None)
        self.on_fallback: Callable[[str, str], None] = on_fallback or (lambda model, fallback: None)

    async def _enter(self, route: ModelRoute, tries: _Tries, first: str | None) -> tuple[Breaker | None, Admit]:
        """Ask the route's breaker; `first` is the call id on the call's first try (Redis mode: the admission may
        have been taken with the call's other checks, in the same round trip)."""
        if not route.rule.breaker.enabled:
            return None, Admit.PASS
        b = self.breakers.get(route.name, route.rule.breaker)
        adm = await self.breakers.claim(first, route.name) if first is not None else None
        if adm is None:
            adm = await b.enter(route.rule.timeout_s)
        if adm.store_error is not None:
            tries.breaker_fault = adm.store_error.value
        if adm.admit is Admit.REJECT:
            tries.open_retry = min(tries.open_retry or 1e9, adm.retry_after or 1.0)
        return b, adm.admit

    async def _record(self, b: Breaker | None, admitted: Admit, failed: bool) -> None:
        if b is not None:
            await b.record(admitted, failed)

    async def _abandon(self, b: Breaker | None, admitted: Admit) -> None:
        if b is not None:
            await b.abandon(admitted)

    async def _pause(self, r: ModelRoute, i: int, tries: _Tries, retry_after: float | None) -> bool:
        """Back off before the next try of the same model; False when the deadline does not allow it."""
        wait = backoff(i, r.rule.retry.backoff_s, r.rule.retry.max_backoff_s, self._rand, retry_after)
        if wait >= tries.left():
            return False
        await self._sleep(wait)
        self.on_retry(r.name, tries.log[-1]["outcome"] if tries.log else "retry")
        return True

    async def _failed(self, r: ModelRoute, i: int, tries: _Tries, entered: tuple[Breaker | None, Admit],
                      fault: UpstreamFault, t0: float) -> bool:
        """A try that got no answer: counted against the breaker and logged; True when another try follows."""
        await self._record(*entered, True)
        tries.note(r.name, fault.reason.value, t0)
        tries.last_fault = fault
        return retryable(None, fault) and i < r.rule.retry.attempts and await self._pause(r, i, tries, None)

    async def _refused(self, r: ModelRoute, i: int, tries: _Tries, status: int, headers: Mapping[str, str]) -> bool:
        """An answer of 429 or 5xx (already counted and logged); True when another try follows (after its
        Retry-After, when the deadline allows)."""
        tries.last_fault = UpstreamFault(Reason.UPSTREAM_ERROR, f"upstream answered HTTP {status}")
        wait = parse_retry_after(headers, self._clock())
        return retryable(status, None) and i < r.rule.retry.attempts and await self._pause(r, i, tries, wait)

    async def send(
        self, route: ModelRoute, api: Api, payload: Mapping[str, Any], headers: Mapping[str, str],
        call_id: str | None = None,
    ) -> Answer:
        tries = _Tries(self._clock, route.rule.retry.deadline_s)
        first = call_id
        passthrough: Answer | None = None
        for r in _chain(route, self._rules()):
            if r.rule.provider is ProviderKind.ECHO:
                answer = await super().send(r, api, payload, headers)
                tries.note(r.name, "ok", time.perf_counter(), 200)
                return replace(answer, attempts=tuple(tries.log))
            for i in range(1, r.rule.retry.attempts + 1):
                if tries.left() <= 0:
                    break
                b, admitted = await self._enter(r, tries, first)
                first = None
                t0 = time.perf_counter()
                if admitted is Admit.REJECT:
                    tries.note(r.name, "circuit-open", t0)
                    break
                up = build_upstream_call(r, api, payload, headers)
                try:
                    resp = await self.client.request("POST", up.url, up.headers, up.body,
                                                      min(r.rule.timeout_s, max(0.001, tries.left())))
                except UpstreamFault as fault:
                    if await self._failed(r, i, tries, (b, admitted), fault, t0):
                        continue
                    break
                except BaseException:
                    await self._abandon(b, admitted)
                    raise
                await self._record(b, admitted, is_fault_status(resp.status))
                tries.note(r.name, "ok" if resp.status < 400 else f"http-{resp.status}", t0, resp.status)
                if resp.status in RETRY_STATUS or resp.status >= 500:
                    if resp.status == 429:
                        passthrough = parse_answer(resp, r.name)
                    if await self._refused(r, i, tries, resp.status, resp.headers):
                        continue
                    break
                try:
                    answer = parse_answer(resp, r.name)
                except UpstreamFault as fault:
                    tries.last_fault = fault
                    break
                if r is not route:
                    self.on_fallback(route.name, r.name)
                return replace(answer, attempts=tuple(tries.log))
        if passthrough is not None and tries.last_fault is not None and "429" in str(tries.last_fault):
            return replace(passthrough, attempts=tuple(tries.log))
        raise tries.failure()

    @contextlib.asynccontextmanager
    async def stream(
        self, route: ModelRoute, api: Api, payload: Mapping[str, Any], headers: Mapping[str, str],
        call_id: str | None = None,
    ) -> AsyncIterator[UpstreamStream]:
        """Retries and fallbacks happen before the first byte is relayed; after that the stream is the answer."""
        tries = _Tries(self._clock, route.rule.retry.deadline_s)
        first = call_id
        for r in _chain(route, self._rules()):
            if r.rule.provider is ProviderKind.ECHO:
                tries.note(r.name, "ok", time.perf_counter(), 200)
                async with super().stream(r, api, payload, headers) as st:
                    st.answered_by, st.attempts = r.name, tuple(tries.log)
                    yield st
                return
            for i in range(1, r.rule.retry.attempts + 1):
                if tries.left() <= 0:
                    break
                b, admitted = await self._enter(r, tries, first)
                first = None
                t0 = time.perf_counter()
                if admitted is Admit.REJECT:
                    tries.note(r.name, "circuit-open", t0)
                    break
                up = build_upstream_call(r, api, payload, headers)
                stack = contextlib.AsyncExitStack()
                try:
                    st = await stack.enter_async_context(
                        self.client.stream("POST", up.url, up.headers, up.body, r.rule.timeout_s))
                except UpstreamFault as fault:
                    if await self._failed(r, i, tries, (b, admitted), fault, t0):
                        continue
                    break
                except BaseException:
                    await self._abandon(b, admitted)
                    raise
                await self._record(b, admitted, is_fault_status(st.status))
                tries.note(r.name, "ok" if st.status < 400 else f"http-{st.status}", t0, st.status)
                last_model = r is _chain(route, self._rules())[-1]
                if st.status >= 500 or (st.status == 429 and not (last_model and i == r.rule.retry.attempts)):
                    await stack.aclose()
                    if await self._refused(r, i, tries, st.status, st.headers):
                        continue
                    break
                st.answered_by, st.attempts = r.name, tuple(tries.log)
                if r is not route:
                    self.on_fallback(route.name, r.name)
                async with stack:
                    yield st
                return
        raise tries.failure()
