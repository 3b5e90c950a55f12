"""The circuit breaker's state machine and the one async protocol every breaker (in process, in Redis) follows.

Admission is decided purely here: closed → pass; open → fail fast until `reset_s`, then one probe; half-open →
only the probe. The stores keep the state; the routes and forwarders see only `Breaker`."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Protocol

from gateway.limits.rules import BreakerRule
from gateway.limits.store_fault import StoreFault

CLOSED, OPEN, HALF_OPEN = "closed", "open", "half-open"
UNKNOWN = "unknown"  # a shared breaker whose store cannot be read


class Admit(StrEnum):
    PASS = "pass"
    PROBE = "probe"
    REJECT = "reject"


@dataclass(frozen=True, slots=True)
class Admission:
    admit: Admit
    retry_after: float | None = None
    # Set when the breaker's store failed: the call passes (a breaker only protects; an unknown state must not
    # cut traffic) and the trace says why.
    store_error: StoreFault | None = None


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What `/admin/breakers` shows of one breaker."""

    name: str
    state: str
    failures: int
    fail_max: int
    reset_s: float
    opened_at: float | None
    probe_in_flight: bool
    retry_after_s: float | None

    def as_json(self) -> dict[str, object]:
        return asdict(self)


def admit(state: str, opened_at: float | None, reset_s: float, now: float, probe_busy: bool) -> Admission:
    """Pure: may a call go to this upstream now?"""
    if state == CLOSED:
        return Admission(Admit.PASS)
    if state == OPEN and opened_at is not None and now < opened_at + reset_s:
        return Admission(Admit.REJECT, opened_at + reset_s - now)
    if probe_busy:
        return Admission(Admit.REJECT, 1.0)
    return Admission(Admit.PROBE)


def retry_after(state: str, opened_at: float | None, reset_s: float, now: float) -> float | None:
    """Pure: how long an open breaker stays shut (None when it is not open)."""
    if state == OPEN and opened_at is not None:
        return max(0.0, opened_at + reset_s - now)
    return None


class Breaker(Protocol):
    """One upstream's breaker. `enter` before a call; then exactly one of `record` (a real outcome) or
    `abandon` (cancelled: records nothing, frees the probe slot). None of them raise on a store failure."""

    name: str
    rule: BreakerRule

    def configure(self, rule: BreakerRule) -> None: ...

    async def enter(self, lease_s: float) -> Admission: ...

    async def record(self, admitted: Admit, failed: bool) -> None: ...

    async def abandon(self, admitted: Admit) -> None: ...

    async def reset(self) -> None: ...

    async def snapshot(self) -> Snapshot: ...
