"""Counts of identical tool calls in a run, for loop protection: the interface every counter keeps (this process's
`LoopCounter`, or every replica's `stores.redis_loop.RedisLoopCounter`) and the in-process one."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Protocol

# How long a run's identical calls are remembered, counted from the first one (in process and in Redis alike).
LOOP_WINDOW_S = 3600.0


class LoopCounts(Protocol):
    """Counts identical calls: this process's `LoopCounter`, or every replica's `RedisLoopCounter`."""

    async def hit(self, run_id: str, tool: str, fingerprint: str) -> int:
        """Count one more call of `tool` with these arguments in this run; the count including it."""
        ...


class LoopCounter:
    """In-process counts per (run, tool, arguments), forgotten `ttl_s` after the first; bounded in size."""

    def __init__(self, ttl_s: float = LOOP_WINDOW_S, max_entries: int = 100_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._ttl, self._max, self._clock = ttl_s, max_entries, clock
        self._counts: OrderedDict[tuple[str, str, str], tuple[int, float]] = OrderedDict()

    async def hit(self, run_id: str, tool: str, fingerprint: str) -> int:
        now = self._clock()
        key = (run_id, tool, fingerprint)
        count, first = self._counts.pop(key, (0, now))
        if now - first > self._ttl:
            count, first = 0, now
        self._counts[key] = (count + 1, first)
        while len(self._counts) > self._max:
            self._counts.popitem(last=False)
        return count + 1
