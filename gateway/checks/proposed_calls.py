"""proposed_calls: tool calls a model proposes are checked against permissions and schemas (block/strip/monitor)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gateway.config.agents_file import ProposedCallAction
from gateway.config.ruleset import RuleSet
from gateway.model import Action, Api, Call, Verdict
from gateway.tools.proposed import extract, judge, strip


def proposed_verdict(call: Call, rules: RuleSet, body: Mapping[str, Any]) -> Verdict:
    """Pure: judge every proposed call; act per the agent's `proposed_tool_calls`."""
    agent_id = call.agent_id or ""
    agent = rules.agents.get(agent_id)
    user_tools = call.principal.user_scopes if call.principal else None
    bad: list[tuple[tuple[int, ...], Verdict]] = []
    for p in extract(call.api, body):
        v = judge(agent_id, agent, user_tools, p.name, p.arguments, rules.tools)
        if v.action is not Action.CONTINUE:
            bad.append((p.where, v))
    if not bad:
        return Verdict.proceed()
    action = agent.proposed_tool_calls if agent else ProposedCallAction.BLOCK
    findings = [{"where": list(w), "reason": v.reason.value if v.reason else None, "message": v.message}
                for w, v in bad]
    detail = {"action": action.value, "violations": findings}
    if action is ProposedCallAction.BLOCK:
        first = bad[0][1]
        assert first.reason is not None
        return Verdict.deny(first.reason, f"The model proposed a tool call this agent may not make: {first.message}",
                            detail)
    if action is ProposedCallAction.STRIP:
        return Verdict.proceed(response=strip(call.api, body, {w for w, _ in bad}), detail=detail)
    return Verdict.proceed(detail=detail)


class ProposedCalls:
    name = "proposed_calls"
    configurable = True

    def applies(self, call: Call, rules: RuleSet) -> bool:
        return call.api in {Api.CHAT, Api.RESPONSES, Api.MESSAGES}

    async def on_response(self, call: Call, rules: RuleSet, body: Mapping[str, Any]) -> Verdict:
        return proposed_verdict(call, rules, body)
