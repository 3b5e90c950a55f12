"""What the approval queue needs to know about a tool (its tier, impact statement), read from the registry."""

from __future__ import annotations

from dataclasses import dataclass

from gateway.approvals.vocabulary import Tier
from gateway.config.ruleset import RuleSet


@dataclass(frozen=True, slots=True)
class ToolFacts:
    tier: Tier
    impact: str = ""
    description: str = ""


def tool_facts(rules: RuleSet, name: str) -> ToolFacts | None:
    """The registry's facts about `name`, or None when the registry does not know the tool."""
    tool = rules.tools.get(name)
    if tool is None:
        return None
    return ToolFacts(Tier(tool.ops.risk.value), tool.ops.impact, tool.description)
