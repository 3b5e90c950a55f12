"""loop: the same tool with the same arguments more than the tool's `loop_limit` times in one run is refused."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Protocol

from gateway.checks.tool_permission import tool_args
from gateway.config.ruleset import RuleSet
from gateway.errors import Reason
from gateway.model import Call, Verdict
from gateway.tools.canonical import args_hash

# How long a run's identical calls are remembered, counted from the first one (in process and in Redis alike).
LOOP_WINDOW_S = 3600.0


def loop_verdict(tool: str, count: int, limit: int) -> Verdict:
    """Pure: the `count`-th identical call in this run against the tool's limit."""
    if count > limit:
        return Verdict.deny(
            Reason.LOOP_DETECTED,
            f"Tool '{tool}' was called {count} times with the same arguments in this run (limit {limit}). "
            "The result will not change: use it, change the arguments, or stop.",
            {"tool": tool, "count": count, "limit": limit})
    return Verdict.proceed(detail={"count": count, "limit": limit})


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


class LoopProtection:
    name = "loop"
    configurable = True

    def __init__(self, counter: LoopCounts | None = None) -> None:
        self.counter: LoopCounts = counter or LoopCounter()

    def applies(self, call: Call, rules: RuleSet) -> bool:
        return call.api.is_tool and rules.tools.get(call.target) is not None

    async def on_request(self, call: Call, rules: RuleSet) -> Verdict:
        tool = rules.tools.get(call.target)
        assert tool is not None
        # A counter that fails (Redis unreachable) raises: the runner applies the check's on_error (deny by default).
        count = await self.counter.hit(call.run_key, tool.name, args_hash(tool_args(call)))
        return loop_verdict(tool.name, count, tool.ops.loop_limit)
