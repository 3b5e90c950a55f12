"""Circuit breakers, one per upstream: over `pybreaker` in process; in Redis for every replica (shared_breaker).

pybreaker has no asyncio support and lets every concurrent call through in half-open, and it counts whatever
leaves its `calling()` block (a cancellation included) as an outcome. So the admission is decided here, purely
(closed → pass; open → fail fast until `reset_s`, then one probe; half-open → only the probe), and only real
outcomes are handed to pybreaker (`with breaker.calling()`), after the upstream answered: a cancelled call records
nothing and frees the probe slot."""

from __future__ import annotations

import inspect
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import pybreaker

from gateway.limits.rules import BreakerRule

log = logging.getLogger("wardgate.breaker")

CLOSED, OPEN, HALF_OPEN = pybreaker.STATE_CLOSED, pybreaker.STATE_OPEN, pybreaker.STATE_HALF_OPEN


class Admit(StrEnum):
    PASS = "pass"
    PROBE = "probe"
    REJECT = "reject"


@dataclass(frozen=True, slots=True)
class Admission:
    admit: Admit
    retry_after: float | None = None


def admit(state: str, opened_at: float | None, reset_s: float, now: float, probe_busy: bool) -> Admission:
    """Pure: may a call go to this upstream now?"""
    if state == CLOSED:
        return Admission(Admit.PASS)
    if state == OPEN and opened_at is not None and now < opened_at + reset_s:
        return Admission(Admit.REJECT, opened_at + reset_s - now)
    if probe_busy:
        return Admission(Admit.REJECT, 1.0)
    return Admission(Admit.PROBE)


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


class Breaker:
    """One upstream's breaker in process. Methods are synchronous and never block."""

    def __init__(self, name: str, rule: BreakerRule, storage: pybreaker.CircuitBreakerStorage, gate: ProbeGate,
                 clock: Callable[[], float]) -> None:
        self.name = name
        self.rule = rule
        self._gate = gate
        self._clock = clock
        self._opened_local: float | None = None
        self.on_state: Callable[[str, str], None] = lambda name, state: None
        self.cb = pybreaker.CircuitBreaker(fail_max=rule.failures, reset_timeout=rule.reset_s,
                                           state_storage=storage, name=name, throw_new_error_on_trip=False,
                                           listeners=[_Listener(self)])

    def configure(self, rule: BreakerRule) -> None:
        self.rule = rule
        self.cb.fail_max, self.cb.reset_timeout = rule.failures, rule.reset_s

    def opened_at(self) -> float | None:
        return self._opened_local

    def enter(self, lease_s: float) -> Admission:
        """Decide admission; a probe takes the lease and moves the breaker to half-open."""
        state = self.cb.current_state
        decision = admit(state, self.opened_at(), self.rule.reset_s, self._clock(), self._gate.busy(self.name))
        if decision.admit is Admit.PROBE:
            if not self._gate.take(self.name, lease_s):
                return Admission(Admit.REJECT, 1.0)
            if state != HALF_OPEN:
                self.cb.half_open()
        return decision

    def record(self, admitted: Admit, failed: bool) -> None:
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

    def abandon(self, admitted: Admit) -> None:
        """A cancelled call records nothing; a cancelled probe frees the slot for the next one."""
        if admitted is Admit.PROBE:
            self._gate.release(self.name)

    def reset(self) -> None:
        self.cb.close()
        self._gate.release(self.name)

    def snapshot(self) -> dict[str, Any]:
        state = self.cb.current_state
        opened = self.opened_at()
        retry = None
        if state == OPEN and opened is not None:
            retry = max(0.0, opened + self.rule.reset_s - self._clock())
        return {"name": self.name, "state": state, "failures": self.cb.fail_counter, "fail_max": self.rule.failures,
                "reset_s": self.rule.reset_s, "opened_at": opened, "probe_in_flight": self._gate.busy(self.name),
                "retry_after_s": retry}


class _Listener(pybreaker.CircuitBreakerListener):  # type: ignore[misc]
    def __init__(self, owner: Breaker) -> None:
        self._owner = owner

    def state_change(self, cb: Any, old_state: Any, new_state: Any) -> None:
        if new_state.name == OPEN:
            self._owner._opened_local = self._owner._clock()
        self._owner.on_state(cb.name, new_state.name)
        log.warning("breaker %s: %s → %s", cb.name, getattr(old_state, "name", None), new_state.name)


class Breakers:
    """The registry: one breaker per upstream name, created on first use from its rule."""

    def __init__(self, clock: Callable[[], float] = time.time, redis_client: Any = None,
                 prefix: str = "wardgate:") -> None:
        """`redis_client`: an asyncio Redis client; then every breaker's state is shared through it."""
        self._clock = clock
        self._redis = redis_client
        self._prefix = prefix
        self._by_name: dict[str, Any] = {}
        self._gate = ProbeGate(clock)
        self._lock = threading.Lock()
        # Told every state a breaker is seen in after a change (a metric hook; the app factory connects it).
        self.on_state: Callable[[str, str], None] = lambda name, state: None

    @property
    def shared(self) -> bool:
        return self._redis is not None

    def get(self, name: str, rule: BreakerRule) -> Any:
        """The breaker of this upstream: a `Breaker`, or a `SharedBreaker` in Redis mode (same methods, async)."""
        b = self._by_name.get(name)
        if b is None:
            with self._lock:
                b = self._by_name.get(name)
                if b is None:
                    if self._redis is not None:
                        from gateway.limits.shared_breaker import SharedBreaker

                        b = SharedBreaker(name, rule, self._redis, self._prefix, self._clock, self._changed)
                    else:
                        b = Breaker(name, rule, pybreaker.CircuitMemoryStorage(CLOSED), self._gate, self._clock)
                        b.on_state = self._changed
                    self._by_name[name] = b
        if b.rule != rule:
            b.configure(rule)
        return b

    def known(self) -> list[Any]:
        return list(self._by_name.values())

    async def run(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run a breaker method: inline in process (never blocks); awaited when it is a Redis script."""
        result = fn(*args)
        return await result if inspect.isawaitable(result) else result


    def _changed(self, name: str, state: str) -> None:
        if self.shared:
            log.warning("breaker %s (shared) → %s", name, state)
        try:
            self.on_state(name, state)
        except Exception:
            log.exception("breaker state hook failed")
