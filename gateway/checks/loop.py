"""loop: the same tool with the same arguments more than the tool's `loop_limit` times in one run is refused."""

from __future__ import annotations

from gateway.checks.tool_permission import tool_args
from gateway.config.ruleset import RuleSet
from gateway.errors import Reason
from gateway.model import Call, Verdict
from gateway.tools.canonical import args_hash
from gateway.tools.loop_counts import LoopCounter, LoopCounts


def loop_verdict(tool: str, count: int, limit: int) -> Verdict:
    """Pure: the `count`-th identical call in this run against the tool's limit."""
    if count > limit:
        return Verdict.deny(
            Reason.LOOP_DETECTED,
            f"Tool '{tool}' was called {count} times with the same arguments in this run (limit {limit}). "
            "The result will not change: use it, change the arguments, or stop.",
            {"tool": tool, "count": count, "limit": limit})
    return Verdict.proceed(detail={"count": count, "limit": limit})


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
