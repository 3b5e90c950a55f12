"""schema: a tool call's arguments must match the tool's input schema (validator compiled at load)."""

from __future__ import annotations

from gateway.checks.tool_permission import tool_args
from gateway.config.ruleset import RuleSet
from gateway.model import Call, Verdict
from gateway.tools.permission import schema_verdict


class ToolSchema:
    name = "schema"
    configurable = True

    def applies(self, call: Call, rules: RuleSet) -> bool:
        return call.api.is_tool and rules.tools.get(call.target) is not None

    async def on_request(self, call: Call, rules: RuleSet) -> Verdict:
        tool = rules.tools.get(call.target)
        assert tool is not None
        return schema_verdict(tool, tool_args(call))
