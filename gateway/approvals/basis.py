"""What an approval is bound to in the rules: the parts that decided the call, not the whole revision.

For a tool: its registry entry (without header values, which hold secrets), the tiers, the escalation rules that
can apply to this agent and tool, and the agent's tool grants and argument constraints that match the tool. For an
LLM call held by a budget alert: the agent's model grants and budget, and the tiers. An edit elsewhere (another
tool, another agent, a model's provider key re-read from the environment) leaves pending approvals valid; an edit of
any of these parts voids them (`approval-invalid`).
"""

from __future__ import annotations

import hashlib
import json
from fnmatch import fnmatchcase
from typing import Any

from gateway.approvals.policy import EMPTY_POLICY, ApprovalPolicy
from gateway.config.ruleset import RuleSet


def _tool_part(rules: RuleSet, name: str) -> Any:
    tool = rules.tools.get(name)
    if tool is None:
        return None
    target = {k: getattr(tool.target, k) for k in tool.target.__dataclass_fields__ if k != "headers"}
    return {"name": tool.name, "description": tool.description, "input_schema": tool.input_schema,
            "output_schema": tool.output_schema, "ops": tool.ops.model_dump(mode="json"),
            "target": {"kind": type(tool.target).__name__, **target}}


def _agent_part(rules: RuleSet, agent_id: str, target: str, is_tool: bool) -> Any:
    agent = rules.agents.get(agent_id)
    if agent is None:
        return None
    if is_tool:
        return {"tools": agent.tools.model_dump(mode="json"),
                "tool_args": {g: c for g, c in agent.tool_args.items() if fnmatchcase(target, g)}}
    return {"models": agent.models.model_dump(mode="json"),
            "budget": agent.budget.model_dump(mode="json") if agent.budget else None}


def _policy_part(policy: ApprovalPolicy, agent_id: str, target: str) -> Any:
    escalations = [e.rule.model_dump(mode="json") for e in policy.escalations
                   if any(fnmatchcase(target, g) for g in e.rule.tools)
                   and any(fnmatchcase(agent_id, g) for g in e.rule.agents)]
    return {"tiers": {t.value: p.model_dump(mode="json") for t, p in policy.tiers.items()},
            "unknown_tool_tier": policy.unknown_tool_tier.value, "escalations": escalations}


def decision_basis(rules: RuleSet, agent_id: str, target: str, is_tool: bool = True) -> str:
    """A short hash of the parts of `rules` that decide whether and how this agent's call of `target` is approved."""
    policy = rules.approvals if isinstance(rules.approvals, ApprovalPolicy) else EMPTY_POLICY
    parts = {"tool": _tool_part(rules, target) if is_tool else None,
             "agent": _agent_part(rules, agent_id, target, is_tool), "policy": _policy_part(policy, agent_id, target)}
    canonical = json.dumps(parts, sort_keys=True, separators=(",", ":"), default=str)
    return "basis-" + hashlib.sha256(canonical.encode()).hexdigest()[:16]
