"""Votes and redemption (pure): who may decide, two-person rule, fingerprint binding, expiry, single use."""

from __future__ import annotations

from dataclasses import replace

import pytest

from gateway.approvals.decide import DecisionRefused, check_use, vote, withdraw
from gateway.approvals.record import Approval, Fingerprint, args_hash
from gateway.approvals.vocabulary import Choice, Handling, Status, Tier
from gateway.config.approvals_file import Approver, TierPolicy
from gateway.errors import Reason

FP = Fingerprint("bot", "run-1", "payments.refund", args_hash({"amount": 900, "to": "x"}), "rev1")
POLICY = TierPolicy(handling=Handling.ASYNC, timeout_s=60, use_within_s=30)
ANYONE = Approver(token_sha256="0" * 64)


def pending(needed: int = 1, tier: Tier = Tier.HIGH) -> Approval:
    return Approval("apr_1", FP, tier, Handling.ASYNC, {"amount": 900, "to": "x"}, created_at=100.0,
                    expires_at=160.0, approvals_needed=needed)


def test_canonical_hash_ignores_key_order_and_whitespace() -> None:
    assert args_hash({"a": 1, "b": [1, 2]}) == args_hash({"b": [1, 2], "a": 1})
    assert args_hash({"a": 1}) != args_hash({"a": 1.5})
    assert args_hash({"a": "1"}) != args_hash({"a": 1})


def test_approve_then_use_once() -> None:
    a = vote(pending(), "alice", ANYONE, Choice.APPROVE, "ok", 110.0, POLICY)
    assert (a.status, a.use_by) == (Status.APPROVED, 140.0)
    assert check_use(a, FP, 120.0) is None
    used = replace(a, status=Status.USED)
    refused = check_use(used, FP, 121.0)
    assert refused is not None and refused.reason is Reason.APPROVAL_INVALID


@pytest.mark.parametrize(("field", "value", "named"), [
    ("agent_id", "other", "agent_id"), ("run_id", "run-2", "run_id"), ("tool", "payments.charge", "tool"),
    ("args_sha256", args_hash({"amount": 901, "to": "x"}), "args_sha256"),
    ("revision", "rev2", "the rules that decided it"),
])
def test_any_fingerprint_difference_is_refused(field: str, value: str, named: str) -> None:
    a = vote(pending(), "alice", ANYONE, Choice.APPROVE, "ok", 110.0, POLICY)
    refused = check_use(a, replace(FP, **{field: value}), 111.0)
    assert refused is not None and refused.reason is Reason.APPROVAL_INVALID and named in refused.message


@pytest.mark.parametrize(("now", "reason"), [(159.9, Reason.APPROVAL_INVALID), (160.0, Reason.APPROVAL_EXPIRED)])
def test_pending_is_not_usable_and_expires(now: float, reason: Reason) -> None:
    refused = check_use(pending(), FP, now)
    assert refused is not None and refused.reason is reason


def test_approved_but_not_used_in_time_expires() -> None:
    a = vote(pending(), "alice", ANYONE, Choice.APPROVE, "ok", 110.0, POLICY)
    refused = check_use(a, FP, 140.0)
    assert refused is not None and refused.reason is Reason.APPROVAL_EXPIRED


def test_deny_carries_the_message() -> None:
    a = vote(pending(), "alice", ANYONE, Choice.DENY, "use a credit note instead", 110.0, POLICY)
    refused = check_use(a, FP, 111.0)
    assert refused is not None and refused.reason is Reason.APPROVAL_DENIED
    assert refused.message == "use a credit note instead"


def test_two_person_rule() -> None:
    a = vote(pending(needed=2), "alice", ANYONE, Choice.APPROVE, "ok", 110.0, POLICY)
    assert a.status is Status.PENDING
    with pytest.raises(DecisionRefused, match="already voted"):
        vote(a, "alice", ANYONE, Choice.APPROVE, "again", 111.0, POLICY)
    b = vote(a, "bob", ANYONE, Choice.APPROVE, "ok too", 112.0, POLICY)
    assert b.status is Status.APPROVED and [v.approver for v in b.votes] == ["alice", "bob"]


def test_one_deny_ends_a_two_person_approval() -> None:
    a = vote(pending(needed=2), "alice", ANYONE, Choice.APPROVE, "ok", 110.0, POLICY)
    assert vote(a, "bob", ANYONE, Choice.DENY, "no", 111.0, POLICY).status is Status.DENIED


@pytest.mark.parametrize(("approver", "tier", "allowed"), [
    (Approver(token_sha256="0" * 64, tiers=(Tier.HIGH,)), Tier.HIGH, True),
    (Approver(token_sha256="0" * 64, tiers=(Tier.HIGH,)), Tier.CRITICAL, False),
    (Approver(token_sha256="0" * 64, tools=("payments.*",)), Tier.HIGH, True),
    (Approver(token_sha256="0" * 64, tools=("tickets.*",)), Tier.HIGH, False),
])
def test_approver_restrictions(approver: Approver, tier: Tier, allowed: bool) -> None:
    if allowed:
        vote(pending(tier=tier), "carol", approver, Choice.APPROVE, "ok", 110.0, POLICY)
    else:
        with pytest.raises(DecisionRefused) as exc:
            vote(pending(tier=tier), "carol", approver, Choice.APPROVE, "ok", 110.0, POLICY)
        assert exc.value.status == 403


def test_no_decision_after_expiry_or_without_reason() -> None:
    with pytest.raises(DecisionRefused, match="expired"):
        vote(pending(), "alice", ANYONE, Choice.APPROVE, "late", 161.0, POLICY)
    with pytest.raises(DecisionRefused, match="reason"):
        vote(pending(), "alice", ANYONE, Choice.APPROVE, "  ", 110.0, POLICY)


def approved() -> Approval:
    return vote(pending(), "alice", ANYONE, Choice.APPROVE, "ok", 110.0, POLICY)


@pytest.mark.parametrize(("approval", "now", "withdrawn"), [
    (pending(), 120.0, True),                                   # nobody decided yet
    (vote(pending(2), "alice", ANYONE, Choice.APPROVE, "ok", 110.0, POLICY), 120.0, True),  # half of two-person
    (approved(), 120.0, True),                                  # approved, the waiter gone before using it
    (pending(), 160.0, False),                                  # expired by the clock: stays expired
    (approved(), 140.0, False),                                 # approved but past use_by: expired
    (replace(approved(), status=Status.USED), 120.0, False),    # final states are kept
    (vote(pending(), "alice", ANYONE, Choice.DENY, "no", 110.0, POLICY), 120.0, False),
])
def test_a_cancelled_held_call_withdraws_only_an_approval_still_open(
        approval: Approval, now: float, withdrawn: bool) -> None:
    after = withdraw(approval, now)
    assert (after is not None) is withdrawn
    if after is not None:
        assert (after.status, after.decided_at) == (Status.WITHDRAWN, now) and after.status.final
        with pytest.raises(DecisionRefused, match="withdrawn"):
            vote(after, "bob", ANYONE, Choice.APPROVE, "late", now + 1, POLICY)
        refused = check_use(after, FP, now + 1)
        assert refused is not None and refused.reason is Reason.APPROVAL_INVALID and "withdrawn" in refused.message


def test_record_round_trips() -> None:
    a = vote(pending(needed=2), "alice", ANYONE, Choice.APPROVE, "ok", 110.0, POLICY)
    assert Approval.from_dict(a.to_dict()) == a
