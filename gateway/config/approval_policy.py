"""The compiled approvals policy (JSON Schemas compiled once, at load): what a RuleSet carries for approvals."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from typing import Any

from jsonschema import Draft202012Validator

from gateway.config.approvals_file import ApprovalsFile, Approver, Escalation, RunCondition, Tier, TierPolicy, Webhook


@dataclass(frozen=True, slots=True)
class RunState:
    """What the run has done so far, as far as escalation rules care."""

    spend_usd: float = 0.0
    errors: int = 0
    denials: int = 0


@dataclass(frozen=True, slots=True)
class CompiledEscalation:
    rule: Escalation
    validator: Draft202012Validator | None

    def matches(self, tool: str, agent: str, arguments: Mapping[str, Any], run: RunState | None) -> bool:
        r = self.rule
        if not any(fnmatchcase(tool, g) for g in r.tools) or not any(fnmatchcase(agent, g) for g in r.agents):
            return False
        if self.validator is not None and not self.validator.is_valid(dict(arguments)):
            return False
        return r.run is None or run_matches(r.run, run or RunState())


def run_matches(cond: RunCondition, run: RunState) -> bool:
    if cond.spend_usd_over is not None and not run.spend_usd > cond.spend_usd_over:
        return False
    if cond.errors_at_least is not None and run.errors < cond.errors_at_least:
        return False
    return cond.denials_at_least is None or run.denials >= cond.denials_at_least


@dataclass(frozen=True, slots=True)
class ApprovalPolicy:
    tiers: Mapping[Tier, TierPolicy]
    unknown_tool_tier: Tier
    escalations: tuple[CompiledEscalation, ...]
    approvers: Mapping[str, Approver]
    webhooks: tuple[Webhook, ...]
    token_index: Mapping[str, str] = field(default_factory=dict)  # sha256 → approver name

    @property
    def needs_run_state(self) -> bool:
        return any(e.rule.run is not None for e in self.escalations)

    def approver_for_token_hash(self, digest: str) -> str | None:
        return self.token_index.get(digest)


def compile_policy(file: ApprovalsFile | None) -> ApprovalPolicy:
    f = file or ApprovalsFile()
    compiled = tuple(
        CompiledEscalation(e, Draft202012Validator(e.when) if e.when is not None else None) for e in f.escalations
    )
    index = {a.digest: name for name, a in f.approvers.items() if a.digest}
    return ApprovalPolicy(f.tiers, f.unknown_tool_tier, compiled, f.approvers, f.webhooks, index)


def duplicate_tokens(file: ApprovalsFile) -> list[tuple[str, str]]:
    """(approver, owner) pairs where two approvers share a token hash: a config error."""
    seen: dict[str, str] = {}
    out = []
    for name, a in file.approvers.items():
        if a.digest is None:
            continue
        owner = seen.setdefault(a.digest, name)
        if owner != name:
            out.append((name, owner))
    return out


EMPTY_POLICY = compile_policy(None)
