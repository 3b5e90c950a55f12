"""The budget ledger: a run's counters and open reservations, and the pure steps that change them."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Protocol

from gateway.limits.budget import Amounts, Caps, Decision, decide_reserve, should_alert


@dataclass(frozen=True, slots=True)
class RunState:
    started_at: float
    last_seen: float
    used: Amounts = field(default_factory=Amounts)
    reserved: Amounts = field(default_factory=Amounts)
    alerted: bool = False


@dataclass(frozen=True, slots=True)
class Reserved:
    decision: Decision
    state: RunState


@dataclass(frozen=True, slots=True)
class Settled:
    state: RunState
    alert: bool  # the alert threshold was crossed by this settlement (true once per run)


@dataclass(slots=True)
class RunBook:
    """A run's state plus its open reservations, as a store holds them."""

    state: RunState
    open: dict[str, Amounts] = field(default_factory=dict)


def idle(book: RunBook, ttl_s: float, now: float) -> bool:
    """The run has been idle past its TTL: it is closed (its next call starts it over)."""
    return now - book.state.last_seen > ttl_s


def live_state(book: RunBook | None, ttl_s: float, now: float) -> RunState | None:
    """What a store reports for a run: its state, or None when it has none or it is closed."""
    return None if book is None or idle(book, ttl_s, now) else book.state


def fresh(book: RunBook | None, now: float, ttl_s: float) -> RunBook:
    """The run's book, or a new one when absent or idle past its TTL (closed runs start over)."""
    if book is None or idle(book, ttl_s, now):
        return RunBook(RunState(started_at=now, last_seen=now))
    return book


def plan_reserve(book: RunBook, call_id: str, want: Amounts, caps: Caps, now: float) -> Decision | None:
    """The verdict on reserving `want` for the call, or None when the call already holds its reservation."""
    if call_id in book.open:
        return None
    s = book.state
    return decide_reserve(caps, s.used, s.reserved, want, s.started_at, now)


def reserve_effect(book: RunBook, call_id: str, want: Amounts, now: float, admit: bool) -> RunState:
    """What a decided reserve changes: the reservation when admitted, and the run's last-seen time."""
    s = book.state
    if admit:
        book.open[call_id] = want
        s = replace(s, reserved=s.reserved + want, last_seen=now)
    else:
        s = replace(s, last_seen=now)
    book.state = s
    return s


def apply_reserve(book: RunBook, call_id: str, want: Amounts, caps: Caps, now: float) -> Reserved:
    """Reserve `want` for the call; a call id already holding a reservation keeps it and is admitted again
    (idempotent: a reserve whose answer was lost may be sent again without charging twice)."""
    decision = plan_reserve(book, call_id, want, caps, now)
    if decision is None:
        return Reserved(Decision(True), book.state)
    return Reserved(decision, reserve_effect(book, call_id, want, now, decision.admit))


def plan_settle(book: RunBook, call_id: str, actual: Amounts, caps: Caps, alert_at: float, now: float) -> bool | None:
    """Whether settling the call crosses the alert threshold, or None when the call holds no reservation."""
    if call_id not in book.open:
        return None
    s = book.state
    return should_alert(caps, s.used + actual, s.started_at, now, alert_at, s.alerted)


def settle_effect(book: RunBook, call_id: str, actual: Amounts, now: float, alert: bool) -> RunState:
    """What a settlement changes: the reservation swapped for the actual usage, the alert flag once crossed."""
    held = book.open.pop(call_id, None)
    s = book.state
    if held is not None:
        s = replace(s, reserved=s.reserved - held, used=s.used + actual, last_seen=now, alerted=s.alerted or alert)
        book.state = s
    return s


def apply_settle(book: RunBook, call_id: str, actual: Amounts, caps: Caps, alert_at: float, now: float) -> Settled:
    """Swap the call's reservation for its actual usage; an unknown call id changes nothing (idempotent)."""
    alert = plan_settle(book, call_id, actual, caps, alert_at, now)
    if alert is None:
        return Settled(book.state, False)
    return Settled(settle_effect(book, call_id, actual, now, alert), alert)


class BudgetLedger(Protocol):
    """Atomic reserve/settle per run. Stores: in memory (tests), SQLite (default), Redis (replicas)."""

    async def reserve(self, run_id: str, call_id: str, want: Amounts, caps: Caps, now: float,
                      ttl_s: float) -> Reserved: ...

    async def settle(self, run_id: str, call_id: str, actual: Amounts, caps: Caps, alert_at: float,
                     now: float, ttl_s: float) -> Settled: ...

    async def state(self, run_id: str, now: float) -> RunState | None: ...

    async def close(self) -> None: ...


class MemoryLedger:
    """The ledger in a dict: exact within one process (one event loop), gone on restart."""

    def __init__(self) -> None:
        self._books: dict[str, RunBook] = {}
        self._ttl: dict[str, float] = {}

    async def reserve(self, run_id: str, call_id: str, want: Amounts, caps: Caps, now: float,
                      ttl_s: float) -> Reserved:
        book = self._books[run_id] = fresh(self._books.get(run_id), now, ttl_s)
        self._ttl[run_id] = ttl_s
        return apply_reserve(book, call_id, want, caps, now)

    async def settle(self, run_id: str, call_id: str, actual: Amounts, caps: Caps, alert_at: float,
                     now: float, ttl_s: float) -> Settled:
        book = self._books.get(run_id)
        if book is None:
            return Settled(RunState(now, now), False)
        return apply_settle(book, call_id, actual, caps, alert_at, now)

    async def state(self, run_id: str, now: float) -> RunState | None:
        return live_state(self._books.get(run_id), self._ttl.get(run_id, 0.0), now)

    async def close(self) -> None:
        self._books.clear()
