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
from dataclasses import dataclass

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


# How long an admission taken with the call's other checks (Redis mode) stays good for its first try: the checks in
# between (guards, approval) normally take milliseconds; a call held longer (an approval) asks again.
PREADMITTED_FOR_S = 1.0


@dataclass(frozen=True, slots=True)
class Preadmitted:
    name: str
    admission: Admission
    at: float


class Breakers:
    """The registry: one breaker per upstream name, created on first use from its rule; in Redis when a client
    is given (every replica then shares each breaker's state), else in process."""

    def __init__(self, clock: Callable[[], float] = time.time, redis_client: aioredis.Redis | None = None,
                 prefix: str = "wardgate:", on_state: StateHook | None = None, *,
                 defer_successes: bool = False) -> None:
        self._clock = clock
        self._defer = defer_successes  # shared breakers: successes go with the settlement script (limits/service)
        self._redis = redis_client
        self._prefix = prefix
        self._by_name: dict[str, Breaker] = {}
        self._pre: dict[str, Preadmitted] = {}  # call id → its upstream's admission, taken before the forward
        self._gate = ProbeGate(clock)
        self._lock = threading.Lock()
        # Told every state a breaker is seen in after a change (a metric hook, given by the app factory).
        self.on_state: StateHook = on_state or (lambda name, state: None)

    @property
    def shared(self) -> bool:
        return self._redis is not None

    def _new(self, name: str, rule: BreakerRule) -> Breaker:
        if self._redis is not None:
            return SharedBreaker(name, rule, self._redis, self._prefix, self._clock, self._changed,
                                 defer_successes=self._defer)
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

    def preadmit(self, call_id: str, name: str, admission: Admission) -> None:
        """The admission of the call's upstream, taken by the combined admission script (limits/shared_admission)."""
        self._pre[call_id] = Preadmitted(name, admission, self._clock())

    async def claim(self, call_id: str, name: str) -> Admission | None:
        """The call's first try of `name`: its admission when one was taken for that upstream moments ago. A
        probe lease taken for another upstream (the call was rerouted) or too long ago is released."""
        pre = self._pre.pop(call_id, None)
        if pre is None:
            return None
        if pre.name == name and self._clock() - pre.at <= PREADMITTED_FOR_S:
            return pre.admission
        if pre.admission.admit is Admit.PROBE and (b := self._by_name.get(pre.name)) is not None:
            await b.abandon(Admit.PROBE)
        return None

    def unclaimed(self, call_id: str) -> tuple[str, str] | None:
        """At the call's end: the keys of a probe lease it was admitted with but never used (the settlement
        script releases it); None otherwise."""
        pre = self._pre.pop(call_id, None)
        if pre is None or pre.admission.admit is not Admit.PROBE:
            return None
        b = self._by_name.get(pre.name)
        return b.keys if isinstance(b, SharedBreaker) else None

    def successes(self) -> list[tuple[tuple[str, str], float]]:
        """Shared breakers' successes not yet recorded (taken: the caller records them), with their keys."""
        out = []
        for b in list(self._by_name.values()):
            if isinstance(b, SharedBreaker) and (at := b.take_success()) is not None:
                out.append((b.keys, at))
        return out

    def _changed(self, name: str, state: str) -> None:
        if self.shared:
            log.warning("breaker %s (shared) → %s", name, state)
        try:
            self.on_state(name, state)
        except Exception:
            log.exception("breaker state hook failed")
