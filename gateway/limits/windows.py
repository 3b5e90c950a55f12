"""In-process rate-limit windows: the moving window (an exact log) and the sliding-window counter, one clock.

The same two strategies as the `limits` library, with its semantics (`MovingWindowRateLimiter`,
`SlidingWindowCounterRateLimiter` and their `hit` / `get_window_stats`), for the embedded mode only. Its
memory storage paid, per hit, an asyncio lock, a task that re-schedules an expiry sweep every 10 ms
through `asyncio.to_thread` (a thread hop), and an insertion at the front of a Python list (a copy of
the whole window's log). Here a key's log is a deque appended on the right and trimmed on the left
when it is read, the counters are two integers, and idle keys are swept every `SWEEP_EVERY` hits: no
thread, no task, no lock (the event loop runs one hit at a time). Redis mode keeps `limits` and its
own scripts (`limits/shared_admission.py`).
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from limits import RateLimitItem

SWEEP_EVERY = 4096


@dataclass(frozen=True, slots=True)
class WindowStats:
    """When the window next has room (epoch seconds) and how much room it has now."""

    reset_time: float
    remaining: int


class _Store:
    """The logs and counters of every key, with the sweep of idle ones."""

    __slots__ = ("clock", "counters", "hits", "logs")

    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self.logs: dict[tuple[object, ...], tuple[float, deque[float]]] = {}
        self.counters: dict[tuple[object, ...], tuple[float, int, int, int]] = {}
        self.hits = 0

    def tick(self, now: float) -> None:
        self.hits += 1
        if self.hits % SWEEP_EVERY == 0:
            self.logs = {k: v for k, v in self.logs.items() if v[1] and v[1][-1] > now - v[0]}
            self.counters = {k: v for k, v in self.counters.items() if (v[1] + 2) * v[0] > now}


def _log_key(item: RateLimitItem, ids: tuple[str, ...]) -> tuple[object, ...]:
    return (item.amount, item.get_expiry(), *ids)


class MovingWindow:
    """At most `item.amount` hits in any `item.get_expiry()` seconds: a log of hit times per key."""

    __slots__ = ("_store",)

    def __init__(self, store: _Store) -> None:
        self._store = store

    def _log(self, item: RateLimitItem, ids: tuple[str, ...], now: float) -> deque[float]:
        key = _log_key(item, ids)
        expiry = item.get_expiry()
        entry = self._store.logs.get(key)
        if entry is None:
            entry = self._store.logs[key] = (expiry, deque())
        log = entry[1]
        while log and log[0] < now - expiry:
            log.popleft()
        return log

    async def hit(self, item: RateLimitItem, *ids: str, cost: int = 1) -> bool:
        now = self._store.clock()
        self._store.tick(now)
        log = self._log(item, ids, now)
        if cost > item.amount or len(log) + cost > item.amount:
            return False
        log.extend([now] * cost)
        return True

    async def get_window_stats(self, item: RateLimitItem, *ids: str) -> WindowStats:
        now = self._store.clock()
        log = self._log(item, ids, now)
        edge, i = now - item.get_expiry(), 0
        while i < len(log) and log[i] <= edge:
            i += 1  # a hit exactly one window old still refuses a hit, but no longer counts here (as in `limits`)
        start = log[i] if i < len(log) else now
        return WindowStats(start + item.get_expiry(), item.amount - (len(log) - i))


class SlidingWindowCounter:
    """The previous fixed window's count, weighted by the share of it still inside the sliding window, plus
    the current one's: two counters per key, so a charge of a million tokens costs what a charge of one does."""

    __slots__ = ("_store",)

    def __init__(self, store: _Store) -> None:
        self._store = store

    def _counts(self, item: RateLimitItem, ids: tuple[str, ...], now: float) -> tuple[int, int, float, float]:
        """(previous count, current count, seconds the previous window still weighs, seconds the current one
        has left before it becomes the previous)."""
        expiry = item.get_expiry()
        index = int(now // expiry)
        key = _log_key(item, ids)
        entry = self._store.counters.get(key)
        previous = current = 0
        if entry is not None:
            _, at, prev, cur = entry
            if at == index:
                previous, current = prev, cur
            elif at == index - 1:
                previous = cur
        into = now - index * expiry
        return previous, current, (expiry - into) if previous else 0.0, 2 * expiry - into

    def _weighted(self, item: RateLimitItem, previous: int, current: int, previous_ttl: float) -> float:
        return previous * previous_ttl / item.get_expiry() + current

    async def hit(self, item: RateLimitItem, *ids: str, cost: int = 1) -> bool:
        now = self._store.clock()
        self._store.tick(now)
        previous, current, previous_ttl, _ = self._counts(item, ids, now)
        if cost > item.amount or math.floor(self._weighted(item, previous, current, previous_ttl)) + cost > item.amount:
            return False
        expiry = item.get_expiry()
        self._store.counters[_log_key(item, ids)] = (expiry, int(now // expiry), previous, current + cost)
        return True

    async def get_window_stats(self, item: RateLimitItem, *ids: str) -> WindowStats:
        now = self._store.clock()
        previous, current, previous_ttl, current_ttl = self._counts(item, ids, now)
        remaining = max(0, item.amount - math.floor(self._weighted(item, previous, current, previous_ttl)))
        if not (previous or current):
            return WindowStats(now, remaining)
        expiry = item.get_expiry()
        previous_reset = previous_ttl % (expiry / previous) if previous else math.inf
        current_reset = current_ttl % expiry if current else math.inf
        return WindowStats(now + min(previous_reset, current_reset), remaining)


class MemoryWindows:
    """Both strategies over one store and one clock (the `RateLimiter`'s in the embedded mode)."""

    __slots__ = ("counter", "moving")

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        store = _Store(clock)
        self.moving = MovingWindow(store)
        self.counter = SlidingWindowCounter(store)
