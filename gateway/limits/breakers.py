"""Circuit breakers, one per upstream: over `pybreaker` in process, or in Redis for every replica (shared_breaker).

pybreaker has no asyncio support and lets every concurrent call through in half-open, and it counts whatever
leaves its `calling()` block (a cancellation included) as an outcome. So the admission is decided by the pure
`breaker_state.admit`, and only real outcomes are handed to pybreaker (`with breaker.calling()`), after the
upstream answered: a cancelled call records nothing and frees the probe slot."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import pybreaker
import redis.asyncio as aioredis

from gateway.limits.breaker_state import HALF_OPEN, OPEN, Admission, Admit, Breaker, Snapshot, admit, retry_after
from gateway.limits.rules import BreakerRule
from gateway.limits.shared_breaker import SharedBreaker

log = logging.getLogger("wardgate.breaker")

StateHook = Callable[[str, str], None]


class _Failed(Exception):
    """Raised inside `calling()` to hand pybreaker a failure."""


class ProbeGate:
    """At most one probe in flight: a lease that expires (so a crashed prober cannot wedge the breaker)."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._until: dict[str, float] = {}
        self._lock = threading.Lock()

    def busy(self, name: str) -> bool:
        return self._until.get(name, 0.0) > self._clock()

    def take(self, name: str, lease_s: float) -> bool:
        with self._lock:
            if self.busy(name):
                return False
            self._until[name] = self._clock() + lease_s
            return True

    def release(self, name: str) -> None:
        self._until.pop(name, None)


class LocalBreaker:
    """One upstream's breaker in process: the async `Breaker` protocol over pybreaker; never blocks or awaits."""

    def __init__(self, name: str, rule: BreakerRule, gate: ProbeGate, clock: Callable[[], float],
                 on_state: StateHook) -> None:
        self.name = name
        self.rule = rule
        self._gate = gate
        self._clock = clock
        self._opened_at: float | None = None
        self._on_state = on_state
        self.cb = pybreaker.CircuitBreaker(fail_max=rule.failures, reset_timeout=rule.reset_s,
                                           state_storage=pybreaker.CircuitMemoryStorage(pybreaker.STATE_CLOSED),
                                           name=name, throw_new_error_on_trip=False, listeners=[_Listener(self)])

    def configure(self, rule: BreakerRule) -> None:
        self.rule = rule
        self.cb.fail_max, self.cb.reset_timeout = rule.failures, rule.reset_s

    def changed(self, old: str | None, new: str) -> None:
        if new == OPEN:
            self._opened_at = self._clock()
        self._on_state(self.name, new)
        log.warning("breaker %s: %s → %s", self.name, old, new)

    async def enter(self, lease_s: float) -> Admission:
        """Decide admission; a probe takes the lease and moves the breaker to half-open."""
        state = self.cb.current_state
        decision = admit(state, self._opened_at, self.rule.reset_s, self._clock(), self._gate.busy(self.name))
        if decision.admit is Admit.PROBE:
            if not self._gate.take(self.name, lease_s):
                return Admission(Admit.REJECT, 1.0)
            if state != HALF_OPEN:
                self.cb.half_open()
        return decision

    async def record(self, admitted: Admit, failed: bool) -> None:
        """Hand a real outcome to pybreaker (consecutive failures open it; the probe's result closes or reopens)."""
        try:
            with self.cb.calling():
                if failed:
                    raise _Failed()
        except (_Failed, pybreaker.CircuitBreakerError):
            pass
        finally:
            if admitted is Admit.PROBE:
                self._gate.release(self.name)

    async def abandon(self, admitted: Admit) -> None:
        if admitted is Admit.PROBE:
            self._gate.release(self.name)

    async def reset(self) -> None:
        self.cb.close()
        self._gate.release(self.name)

    async def snapshot(self) -> Snapshot:
        state = self.cb.current_state
        return Snapshot(self.name, state, self.cb.fail_counter, self.rule.failures, self.rule.reset_s,
                        self._opened_at, self._gate.busy(self.name),
                        retry_after(state, self._opened_at, self.rule.reset_s, self._clock()))


class _Listener(pybreaker.CircuitBreakerListener):  # type: ignore[misc]
    def __init__(self, owner: LocalBreaker) -> None:
        self._owner = owner

    def state_change(self, cb: pybreaker.CircuitBreaker, old_state: pybreaker.CircuitBreakerState | None,
                     new_state: pybreaker.CircuitBreakerState) -> None:
        self._owner.changed(old_state.name if old_state is not None else None, new_state.name)


class Breakers:
    """The registry: one breaker per upstream name, created on first use from its rule; in Redis when a client
    is given (every replica then shares each breaker's state), else in process."""

    def __init__(self, clock: Callable[[], float] = time.time, redis_client: aioredis.Redis | None = None,
                 prefix: str = "wardgate:", on_state: StateHook | None = None) -> None:
        self._clock = clock
        self._redis = redis_client
        self._prefix = prefix
        self._by_name: dict[str, Breaker] = {}
        self._gate = ProbeGate(clock)
        self._lock = threading.Lock()
        # Told every state a breaker is seen in after a change (a metric hook, given by the app factory).
        self.on_state: StateHook = on_state or (lambda name, state: None)

    @property
    def shared(self) -> bool:
        return self._redis is not None

    def _new(self, name: str, rule: BreakerRule) -> Breaker:
        if self._redis is not None:
            return SharedBreaker(name, rule, self._redis, self._prefix, self._clock, self._changed)
        return LocalBreaker(name, rule, self._gate, self._clock, self._changed)

    def get(self, name: str, rule: BreakerRule) -> Breaker:
        b = self._by_name.get(name)
        if b is None:
            with self._lock:
                b = self._by_name.get(name)
                if b is None:
                    b = self._by_name[name] = self._new(name, rule)
        if b.rule != rule:
            b.configure(rule)
        return b

    def known(self) -> list[Breaker]:
        return list(self._by_name.values())

    def _changed(self, name: str, state: str) -> None:
        if self.shared:
            log.warning("breaker %s (shared) → %s", name, state)
        try:
            self.on_state(name, state)
        except Exception:
            log.exception("breaker state hook failed")
