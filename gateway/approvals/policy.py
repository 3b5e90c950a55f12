"""The pure tiering decision over the compiled approvals policy (`config/approval_policy.py`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gateway.approvals.vocabulary import Tier
from gateway.config.approval_policy import EMPTY_POLICY, ApprovalPolicy, CompiledEscalation, RunState, compile_policy

__all__ = ["EMPTY_POLICY", "ApprovalPolicy", "CompiledEscalation", "RunState", "TierDecision", "compile_policy",
           "decide_tier"]


@dataclass(frozen=True, slots=True)
class TierDecision:
    tier: Tier
    base: Tier
    raised_by: tuple[str, ...] = ()      # names of the escalation rules that set the final tier
    reasons: tuple[str, ...] = ()        # their reasons, for approvers

    def as_detail(self) -> dict[str, Any]:
        return {"tier": self.tier.value, "base_tier": self.base.value, "raised_by": list(self.raised_by)}


def decide_tier(
    base: Tier, tool: str, agent: str, arguments: Mapping[str, Any], run: RunState | None, policy: ApprovalPolicy
) -> TierDecision:
    """The call's tier: the tool's own tier raised (never lowered) by every matching escalation rule."""
    tier = base
    raised_by: list[str] = []
    reasons: list[str] = []
    for esc in policy.escalations:
        if esc.rule.tier.rank <= base.rank or not esc.matches(tool, agent, arguments, run):
            continue
        if esc.rule.tier.rank > tier.rank:
            tier, raised_by, reasons = esc.rule.tier, [], []
        if esc.rule.tier is tier:
            raised_by.append(esc.rule.name)
            if esc.rule.reason:
                reasons.append(esc.rule.reason)
    return TierDecision(tier, base, tuple(raised_by), tuple(reasons))
