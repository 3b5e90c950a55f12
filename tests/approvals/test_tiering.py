"""Tier escalation tables: rule + call → tier (pure)."""

from __future__ import annotations

from typing import Any

import pytest

from gateway.approvals.policy import RunState, compile_policy, decide_tier
from gateway.approvals.vocabulary import Handling, Tier
from gateway.config.approvals_file import ApprovalsFile

POLICY = compile_policy(ApprovalsFile.model_validate({
    "escalations": [
        {"name": "big-refund", "tools": ["payments.refund"], "tier": "critical", "reason": "over $500",
         "when": {"properties": {"amount": {"type": "number", "exclusiveMinimum": 500}}, "required": ["amount"]}},
        {"name": "any-refund", "tools": ["payments.*"], "tier": "high"},
        {"name": "intern", "agents": ["intern-*"], "tier": "medium"},
        {"name": "spendy-run", "run": {"spend_usd_over": 5.0}, "tier": "high"},
        {"name": "flaky-run", "run": {"errors_at_least": 3, "denials_at_least": 1}, "tier": "critical"},
        {"name": "prod-delete", "tools": ["db.*"], "tier": "critical",
         "when": {"properties": {"env": {"const": "prod"}, "op": {"enum": ["delete", "drop"]}}, "required": ["env", "op"]}},
    ],
}))

CASES: list[tuple[str, Tier, str, str, dict[str, Any], RunState | None, Tier, tuple[str, ...]]] = [
    # id, base tier, tool, agent, arguments, run, expected tier, raised by
    ("no rule matches", Tier.LOW, "tickets.create", "bot", {}, None, Tier.LOW, ()),
    ("refund at the limit is only high", Tier.LOW, "payments.refund", "bot", {"amount": 500}, None, Tier.HIGH, ("any-refund",)),
    ("refund just over the limit is critical", Tier.LOW, "payments.refund", "bot", {"amount": 500.01}, None, Tier.CRITICAL, ("big-refund",)),
    ("refund amount as a string does not match the number schema", Tier.LOW, "payments.refund", "bot", {"amount": "900"}, None, Tier.HIGH, ("any-refund",)),
    ("refund without an amount", Tier.LOW, "payments.refund", "bot", {}, None, Tier.HIGH, ("any-refund",)),
    ("never lowered: critical tool stays critical", Tier.CRITICAL, "payments.refund", "intern-1", {"amount": 1}, None, Tier.CRITICAL, ()),
    ("escalation below the base tier is ignored", Tier.HIGH, "tickets.create", "intern-1", {}, None, Tier.HIGH, ()),
    ("agent glob", Tier.LOW, "tickets.create", "intern-7", {}, None, Tier.MEDIUM, ("intern",)),
    ("agent glob near miss", Tier.LOW, "tickets.create", "interns", {}, None, Tier.LOW, ()),
    ("tool glob near miss", Tier.LOW, "paymentsrefund", "bot", {"amount": 900}, None, Tier.LOW, ()),
    ("run spend over", Tier.LOW, "tickets.create", "bot", {}, RunState(spend_usd=5.01), Tier.HIGH, ("spendy-run",)),
    ("run spend exactly at the limit", Tier.LOW, "tickets.create", "bot", {}, RunState(spend_usd=5.0), Tier.LOW, ()),
    ("all run conditions must hold", Tier.LOW, "tickets.create", "bot", {}, RunState(errors=3), Tier.LOW, ()),
    ("errors and a denial", Tier.LOW, "tickets.create", "bot", {}, RunState(errors=3, denials=1), Tier.CRITICAL, ("flaky-run",)),
    ("no run state known: run rules do not match", Tier.LOW, "tickets.create", "bot", {}, None, Tier.LOW, ()),
    ("prod delete", Tier.MEDIUM, "db.query", "bot", {"env": "prod", "op": "delete"}, None, Tier.CRITICAL, ("prod-delete",)),
    ("staging delete", Tier.MEDIUM, "db.query", "bot", {"env": "staging", "op": "delete"}, None, Tier.MEDIUM, ()),
    ("prod select", Tier.MEDIUM, "db.query", "bot", {"env": "prod", "op": "select"}, None, Tier.MEDIUM, ()),
    ("two rules reach the same top tier", Tier.LOW, "payments.refund", "bot", {"amount": 900}, RunState(errors=5, denials=2), Tier.CRITICAL, ("big-refund", "flaky-run")),
]


@pytest.mark.parametrize(("case", "base", "tool", "agent", "args", "run", "tier", "raised_by"), CASES, ids=[c[0] for c in CASES])
def test_escalation_table(case: str, base: Tier, tool: str, agent: str, args: dict[str, Any], run: RunState | None,
                          tier: Tier, raised_by: tuple[str, ...]) -> None:
    decided = decide_tier(base, tool, agent, args, run, POLICY)
    assert (decided.tier, decided.raised_by) == (tier, raised_by)
    assert decided.base is base


def test_reasons_follow_the_rules_that_set_the_tier() -> None:
    decided = decide_tier(Tier.LOW, "payments.refund", "bot", {"amount": 900}, None, POLICY)
    assert decided.reasons == ("over $500",)


def test_default_handling_per_tier() -> None:
    default = compile_policy(None)
    assert {t: p.handling for t, p in default.tiers.items()} == {
        Tier.LOW: Handling.AUTO, Tier.MEDIUM: Handling.LOG, Tier.HIGH: Handling.ASYNC, Tier.CRITICAL: Handling.SYNC}


def test_configured_tier_keeps_the_defaults_of_the_others() -> None:
    policy = compile_policy(ApprovalsFile.model_validate({"tiers": {"medium": {"handling": "async", "timeout_s": 5}}}))
    assert policy.tiers[Tier.MEDIUM].handling is Handling.ASYNC
    assert policy.tiers[Tier.CRITICAL].handling is Handling.SYNC


@pytest.mark.parametrize(("doc", "fragment"), [
    ({"escalations": [{"name": "x", "tier": "high", "when": {"type": "nope"}}]}, "not a valid JSON Schema"),
    ({"escalations": [{"name": "x", "tier": "urgent"}]}, "Input should be"),
    ({"escalations": [{"name": "x", "tier": "high"}, {"name": "x", "tier": "low"}]}, "unique"),
    ({"approvers": {"a": {"tiers": ["high"]}}}, "exactly one of"),
    ({"tiers": {"high": {"handling": "later"}}}, "Input should be"),
])
def test_invalid_files_are_refused(doc: dict[str, Any], fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        ApprovalsFile.model_validate(doc)
