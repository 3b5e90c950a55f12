"""approval: the call's risk tier decides auto / logged / parked for a human / held for a human."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from typing import Any

from gateway.approvals.basis import decision_basis
from gateway.approvals.policy import EMPTY_POLICY, ApprovalPolicy, TierDecision, decide_tier
from gateway.approvals.record import Approval, Fingerprint, args_hash
from gateway.approvals.service import ApprovalService
from gateway.approvals.tool_facts import tool_facts
from gateway.approvals.vocabulary import Handling, Status
from gateway.config.ruleset import RuleSet
from gateway.errors import Reason
from gateway.model import Call, Mode, Verdict

APPROVAL_HEADER = "x-wardgate-approval"
log = logging.getLogger("wardgate.approvals")


def policy_of(rules: RuleSet) -> ApprovalPolicy:
    policy = getattr(rules, "approvals", None)
    return policy if isinstance(policy, ApprovalPolicy) else EMPTY_POLICY


def arguments_of(call: Call) -> Mapping[str, Any]:
    return call.arguments


def approval_claim(call: Call) -> str | None:
    """The approval id a re-sent call presents: the header, or (for MCP clients) `_meta` of the call."""
    claim = call.headers.get(APPROVAL_HEADER)
    if claim:
        return claim.strip()
    meta = call.payload.get("_meta")
    value = meta.get("wardgate/approval") if isinstance(meta, Mapping) else None
    return value if isinstance(value, str) and value else None


def pointer(approval: Approval) -> dict[str, Any]:
    return {"id": approval.id, "expires_at": approval.expires_at, "poll": f"/v1/approvals/{approval.id}",
            "tier": approval.tier.value, "handling": approval.handling.value}


def hold_message(approval: Approval) -> str:
    return (f"Tool '{approval.tool}' needs human approval ({approval.tier.value} risk). Poll "
            f"/v1/approvals/{approval.id} until it is approved, then re-send the same call with header "
            f"'{APPROVAL_HEADER}: {approval.id}'.")


def outcome_verdict(approval: Approval, detail: dict[str, Any]) -> Verdict:
    """What a held (sync) call gets once its approval is no longer pending."""
    if approval.status is Status.DENIED:
        return Verdict.deny(Reason.APPROVAL_DENIED, f"A human approver denied this call: {approval.message}", detail)
    if approval.status is Status.EXPIRED:
        return Verdict.deny(Reason.APPROVAL_EXPIRED,
                            f"No human decided on this call within its time limit (approval {approval.id}); "
                            "it is refused.", detail)
    return Verdict.deny(Reason.APPROVAL_INVALID, f"Approval {approval.id} is {approval.status.value}.", detail)


class ApprovalCheck:
    name = "approval"
    configurable = True

    def __init__(self, service: ApprovalService | None) -> None:
        self._service = service

    def applies(self, call: Call, rules: RuleSet) -> bool:
        return call.api.is_tool

    async def on_request(self, call: Call, rules: RuleSet) -> Verdict:
        assert call.agent_id is not None, "authenticate runs first"
        service = self._service
        if service is None:
            raise RuntimeError("the approval queue is not wired")
        policy = policy_of(rules)
        arguments = arguments_of(call)
        fp = Fingerprint(call.agent_id, call.run_id, call.target, args_hash(arguments),
                         decision_basis(rules, call.agent_id, call.target))
        monitor = rules.policy(self.name).mode is Mode.MONITOR
        claim = approval_claim(call)
        if claim is not None and not monitor:
            used, refused = await service.redeem(claim, fp)
            claimed = {"approval": {"id": claim}, "tier": used.tier.value if used else None}
            if refused is not None:
                return Verdict.deny(refused.reason, refused.message, claimed)
            return Verdict.proceed(detail={**claimed, "used": True})
        facts = tool_facts(rules, call.target)
        base = facts.tier if facts else policy.unknown_tool_tier
        run = await service.run_state(call.run_id, call.agent_id) if policy.needs_run_state else None
        decision = decide_tier(base, call.target, call.agent_id, arguments, run, policy)
        handling = policy.tiers[decision.tier].handling
        detail: dict[str, Any] = {**decision.as_detail(), "handling": handling.value}
        if handling in {Handling.AUTO, Handling.LOG}:
            return Verdict.proceed(detail={**detail, "logged": handling is Handling.LOG})
        if monitor:  # decide and record, but park nothing and hold nobody
            return Verdict.hold("This call would need human approval.", detail)
        approval = await service.open(fp, call.id, arguments, decision, facts, policy)
        detail["approval"] = pointer(approval)
        if handling is Handling.ASYNC:
            return Verdict.hold(hold_message(approval), detail)
        return await wait_for_decision(service, approval, detail)


async def wait_for_decision(service: ApprovalService, approval: Approval, detail: dict[str, Any]) -> Verdict:
    """Sync handling: wait for the decision, then redeem it for this call (single use).

    A cancelled wait (the client left, or the server stopped the request) withdraws the approval before the
    cancellation goes on: nobody waits for it any more, so no approver may decide it and no re-send redeem it."""
    try:
        decided = await service.wait(approval.id)
    except asyncio.CancelledError:
        try:
            await asyncio.shield(service.withdraw(approval.id))
        except Exception:  # the store is down: the approval expires at its timeout instead
            log.warning("could not withdraw approval %s of a cancelled call", approval.id, exc_info=True)
        raise
    if decided is None:
        return Verdict.deny(Reason.APPROVAL_INVALID, f"Approval {approval.id} disappeared.", detail)
    if decided.status is not Status.APPROVED:
        return outcome_verdict(decided, detail)
    _, refused = await service.redeem(approval.id, decided.fingerprint)
    if refused is not None:
        return Verdict.deny(refused.reason, refused.message, detail)
    return Verdict.proceed(detail={**detail, "approved_by": [v.approver for v in decided.votes]})


def describe(decision: TierDecision) -> str:
    if not decision.raised_by:
        return f"tool tier {decision.base.value}"
    return f"raised from {decision.base.value} to {decision.tier.value} by {', '.join(decision.raised_by)}"
