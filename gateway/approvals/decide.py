"""Pure decisions on an approval: an approver's vote, and whether a re-sent call may use it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from fnmatch import fnmatchcase

from gateway.approvals.record import Approval, Fingerprint, Vote
from gateway.approvals.vocabulary import Choice, Status
from gateway.config.approvals_file import Approver, TierPolicy
from gateway.errors import Reason


class DecisionRefused(Exception):
    """An approver's decision that cannot be taken; `status` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def may_decide(name: str, approver: Approver, approval: Approval) -> str | None:
    """Why this approver may not decide this approval, or None."""
    if approver.tiers is not None and approval.tier not in approver.tiers:
        return f"approver {name!r} may not decide {approval.tier.value}-tier approvals"
    if approver.tools is not None and not any(fnmatchcase(approval.tool, g) for g in approver.tools):
        return f"approver {name!r} may not decide calls to {approval.tool!r}"
    return None


def vote(
    approval: Approval, name: str, approver: Approver, choice: Choice, reason: str, now: float, policy: TierPolicy
) -> Approval:
    """The approval after this approver's vote; raises DecisionRefused when the vote cannot count."""
    problem = may_decide(name, approver, approval)
    if problem is not None:
        raise DecisionRefused(403, problem)
    status = approval.status_at(now)
    if status is not Status.PENDING:
        raise DecisionRefused(409, f"approval {approval.id} is {status.value}, not pending")
    if not reason.strip():
        raise DecisionRefused(400, "a reason is required")
    if any(v.approver == name for v in approval.votes):
        raise DecisionRefused(409, f"approver {name!r} has already voted on {approval.id}")
    votes = (*approval.votes, Vote(name, choice, reason, now))
    if choice is Choice.DENY:
        return replace(approval, votes=votes, status=Status.DENIED, decided_at=now, message=reason)
    if sum(1 for v in votes if v.choice is Choice.APPROVE) < approval.approvals_needed:
        return replace(approval, votes=votes)
    return replace(approval, votes=votes, status=Status.APPROVED, decided_at=now, use_by=now + policy.use_within_s)


WITHDRAWN_MESSAGE = ("withdrawn: the call held for this approval was cancelled (its client disconnected) before a "
                     "decision was used; nothing ran and nobody waits for it")


def withdraw(approval: Approval, now: float) -> Approval | None:
    """The approval once the held (sync) call it was for is cancelled; None when there is nothing to withdraw
    (already final, or expired by the clock). A pending one, or an approved one not yet used, is withdrawn, so
    that no approver decides, and no re-send redeems, a call that nobody waits for."""
    if approval.status_at(now) not in {Status.PENDING, Status.APPROVED}:
        return None
    return replace(approval, status=Status.WITHDRAWN, decided_at=now, message=WITHDRAWN_MESSAGE)


@dataclass(frozen=True, slots=True)
class UseRefused:
    reason: Reason
    message: str


# How a fingerprint's fields read in a refusal.
_NAMES = {"revision": "the rules that decided it (tool entry, tiers, escalations or agent grants)"}


def check_use(approval: Approval | None, fp: Fingerprint, now: float) -> UseRefused | None:
    """May a re-sent call with this fingerprint use this approval now? None means yes (then mark it used)."""
    if approval is None:
        return UseRefused(Reason.APPROVAL_INVALID, "No such approval.")
    mismatch = approval.fingerprint.mismatch(fp)
    if mismatch:
        differ = ", ".join(_NAMES.get(m, m) for m in mismatch)
        return UseRefused(Reason.APPROVAL_INVALID,
                          f"Approval {approval.id} was given for a different call ({differ} differ). "
                          "Re-send exactly the approved call, or make a new call to ask again.")
    status = approval.status_at(now)
    if status is Status.DENIED:
        return UseRefused(Reason.APPROVAL_DENIED, approval.message or f"Approval {approval.id} was denied.")
    if status is Status.EXPIRED:
        return UseRefused(Reason.APPROVAL_EXPIRED, f"Approval {approval.id} expired. Make the call again to ask again.")
    if status is Status.USED:
        return UseRefused(Reason.APPROVAL_INVALID,
                          f"Approval {approval.id} was already used; approvals are single use.")
    if status is Status.WITHDRAWN:
        return UseRefused(Reason.APPROVAL_INVALID,
                          f"Approval {approval.id} was withdrawn: the call it held was cancelled when its client "
                          "disconnected. Make the call again to ask again.")
    if status is Status.PENDING:
        return UseRefused(Reason.APPROVAL_INVALID,
                          f"Approval {approval.id} is still pending. Poll /v1/approvals/{approval.id} until approved.")
    return None
