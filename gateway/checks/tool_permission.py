"""permission (tools): registered? allowed to this agent and its user? arguments within the agent's bounds?"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gateway.config.ruleset import RuleSet
from gateway.model import Call, Verdict
from gateway.tools.permission import tool_permission


def tool_args(call: Call) -> Mapping[str, Any]:
    return call.arguments


class ToolPermission:
    name = "permission"
    configurable = True

    def applies(self, call: Call, rules: RuleSet) -> bool:
        return call.api.is_tool

    async def on_request(self, call: Call, rules: RuleSet) -> Verdict:
        assert call.agent_id is not None, "authenticate runs first"
        user_tools = call.principal.user_scopes if call.principal else None
        return tool_permission(call.agent_id, rules.agents.get(call.agent_id), user_tools, call.target,
                               tool_args(call), rules.tools)
