"""`on_alert.require_approval`: once a run is past its budget alert, each further LLM call waits for a human.

LLM SDKs cannot act on a 202 and a poll URL, so the call is held the way `critical` tool calls are (the approval
queue's synchronous wait): approved → it proceeds; denied → 403 `approval-denied`; nobody decided within the
`critical` tier's timeout → 403 `approval-expired`. The approval is bound to the agent, the run, the model and the
call's size (model, max tokens, API), and shows approvers why it was raised."""

from __future__ import annotations

from typing import Any

from gateway.approvals.basis import decision_basis
from gateway.approvals.check import pointer, policy_of, wait_for_decision
from gateway.approvals.policy import TierDecision
from gateway.approvals.record import Fingerprint, args_hash
from gateway.approvals.service import ApprovalService
from gateway.approvals.vocabulary import Tier
from gateway.config.ruleset import RuleSet
from gateway.limits.estimate import output_tokens
from gateway.model import Action, Call, Verdict

RAISED_BY = "budget-alert"


def summary(call: Call, default_max_tokens: int) -> dict[str, Any]:
    """What the approver is asked to allow (and what the approval is bound to)."""
    return {"model": call.target, "api": call.api.value,
            "max_tokens": output_tokens(call.api, call.payload, default_max_tokens)}


async def hold_for_approval(service: ApprovalService, call: Call, rules: RuleSet, default_max_tokens: int,
                            alert_at: float, detail: dict[str, Any]) -> Verdict | None:
    """Wait for a human. None when approved (the call goes on); a deny verdict otherwise."""
    assert call.agent_id is not None, "authenticate runs first"
    args = summary(call, default_max_tokens)
    fp = Fingerprint(call.agent_id, call.run_id, call.target, args_hash(args),
                     decision_basis(rules, call.agent_id, call.target, is_tool=False))
    reason = (f"Run '{call.run_id}' has used {alert_at:.0%} of its budget; its rules ask a human to approve "
              "each further LLM call.")
    decision = TierDecision(Tier.CRITICAL, Tier.CRITICAL, (RAISED_BY,), (reason,))
    approval = await service.open(fp, call.id, args, decision, None, policy_of(rules))
    detail["approval"] = pointer(approval)
    verdict = await wait_for_decision(service, approval, detail)
    if verdict.action is not Action.CONTINUE:
        return verdict
    detail.update(verdict.detail or {})
    return None
