"""The approval queue's I/O: open, wait, decide, redeem and read approvals over a store."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import replace
from typing import Any, Protocol

from gateway.approvals.decide import DecisionRefused, UseRefused, check_use, vote, withdraw
from gateway.approvals.notify import Notifier
from gateway.approvals.policy import ApprovalPolicy, RunState, TierDecision
from gateway.approvals.record import Approval, Fingerprint
from gateway.approvals.store import ApprovalStore, Filters
from gateway.approvals.tool_facts import ToolFacts
from gateway.approvals.vocabulary import Choice, Handling, Status
from gateway.config.ruleset import hash_key
from gateway.errors import Reason

# (run id, agent id) → the part of the run's trace that agent made.
TraceReader = Callable[[str, str | None], Awaitable[dict[str, Any] | None]]


class ApprovalMetrics(Protocol):
    def approval_requested(self, tool: str, tier: str) -> None: ...

    def approval_decided(self, tool: str, tier: str, decision: str, wait_s: float) -> None: ...


class ApprovalService:
    """Every write goes through the store's compare-and-swap, so replicas sharing a store agree."""

    def __init__(
        self,
        store: ApprovalStore,
        notifier: Notifier,
        trace: TraceReader,
        clock: Callable[[], float] = time.time,
        ids: Callable[[str], str] = lambda prefix: prefix,
        poll_interval_s: float = 0.25,
        metrics: ApprovalMetrics | None = None,
    ) -> None:
        self.store = store
        self.notifier = notifier
        self._trace = trace
        self._clock = clock
        self._ids = ids
        # A decision taken on another replica is seen by polling the store at this interval;
        # one taken here wakes the waiter at once.
        self.poll_interval_s = poll_interval_s
        self._wakeups: dict[str, asyncio.Event] = {}
        # Approval rate and wait time for /metrics (given by the app factory).
        self.metrics = metrics

    def _decided(self, approval: Approval) -> None:
        if self.metrics is not None:
            self.metrics.approval_decided(approval.fingerprint.tool, approval.tier.value, approval.status.value,
                                          self._clock() - approval.created_at)

    async def open(
        self, fp: Fingerprint, call_id: str, arguments: Mapping[str, Any], decision: TierDecision,
        facts: ToolFacts | None, policy: ApprovalPolicy,
    ) -> Approval:
        tier_policy = policy.tiers[decision.tier]
        now = self._clock()
        approval = Approval(
            id=self._ids("apr"), fingerprint=fp, tier=decision.tier, handling=tier_policy.handling,
            arguments=dict(arguments), created_at=now, expires_at=now + tier_policy.timeout_s, call_id=call_id,
            base_tier=decision.base, raised_by=decision.raised_by, reasons=decision.reasons,
            impact=facts.impact if facts else "", tool_description=facts.description if facts else "",
            approvals_needed=2 if tier_policy.two_person else 1,
        )
        await self.store.create(approval)
        if self.metrics is not None:
            self.metrics.approval_requested(fp.tool, decision.tier.value)
        self.notifier.notify("approval.pending", approval, policy.webhooks)
        return approval

    async def wait(self, approval_id: str) -> Approval | None:
        """Hold until the approval is no longer pending (decided here or on another replica) or expires."""
        event = self._wakeups.setdefault(approval_id, asyncio.Event())
        try:
            while True:
                approval = await self.store.get(approval_id)
                if approval is None:
                    return None
                current = approval.as_of(self._clock())
                if current.status is not Status.PENDING:
                    if current.status is Status.EXPIRED:
                        self._decided(current)  # approvals and denials are counted where they are decided
                    return current
                remaining = max(0.0, approval.expires_at - self._clock())
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(event.wait(), min(self.poll_interval_s, remaining + 0.01))
                event.clear()
        finally:
            self._wakeups.pop(approval_id, None)

    def approver_of(self, token: str | None, policy: ApprovalPolicy) -> str | None:
        return policy.approver_for_token_hash(hash_key(token)) if token else None

    async def decide(
        self, approval_id: str, approver: str, choice: Choice, reason: str, policy: ApprovalPolicy
    ) -> Approval:
        """Record one approver's vote; raises DecisionRefused. Retries when another vote lands meanwhile."""
        for _ in range(5):
            approval = await self.store.get(approval_id)
            if approval is None:
                raise DecisionRefused(404, f"no approval {approval_id!r}")
            voted = vote(approval, approver, policy.approvers[approver], choice, reason.strip(), self._clock(),
                         policy.tiers[approval.tier])
            if await self.store.swap(voted):
                stored = replace(voted, version=voted.version + 1)
                wake = self._wakeups.get(approval_id)
                if wake is not None:
                    wake.set()
                if stored.status is not Status.PENDING:
                    self._decided(stored)
                    self.notifier.notify("approval.decided", stored, policy.webhooks)
                return stored
        raise DecisionRefused(409, f"approval {approval_id} is being decided concurrently; try again")

    async def redeem(self, approval_id: str, fp: Fingerprint) -> tuple[Approval | None, UseRefused | None]:
        """Verify a re-sent call against its approval and mark the approval used (atomically, once)."""
        approval = await self.store.get(approval_id)
        refused = check_use(approval, fp, self._clock())
        if refused is not None or approval is None:
            return approval, refused
        used = replace(approval, status=Status.USED, used_at=self._clock())
        if not await self.store.swap(used):
            return approval, UseRefused(Reason.APPROVAL_INVALID,
                                        f"Approval {approval_id} was already used; approvals are single use.")
        return used, None

    async def withdraw(self, approval_id: str) -> Approval | None:
        """Mark the approval of a held call whose wait was cancelled `withdrawn` (compare-and-swap; a vote landing
        meanwhile is re-read). None when it was already final or is gone."""
        for _ in range(5):
            approval = await self.store.get(approval_id)
            withdrawn = withdraw(approval, self._clock()) if approval is not None else None
            if withdrawn is None:
                return None
            if await self.store.swap(withdrawn):
                stored = replace(withdrawn, version=withdrawn.version + 1)
                self._decided(stored)
                return stored
        return None

    async def get(self, approval_id: str) -> Approval | None:
        approval = await self.store.get(approval_id)
        return approval.as_of(self._clock()) if approval else None

    async def find(self, filters: Filters) -> list[Approval]:
        wanted = filters.status
        stored_status = Status.PENDING.value if wanted == Status.EXPIRED.value else wanted
        query = replace(filters, status=None if wanted == Status.EXPIRED.value else stored_status)
        now = self._clock()
        rows = [a.as_of(now) for a in await self.store.find(query)]
        return [a for a in rows if wanted is None or a.status.value == wanted]

    async def run_state(self, run_id: str, agent_id: str | None) -> RunState:
        """The run as its agent owns it: another agent's calls and denials under the same run id do not count."""
        view = await self._trace(run_id, agent_id)
        denials = len(await self.store.find(Filters(run_id=run_id, agent_id=agent_id, status=Status.DENIED.value)))
        if view is None:
            return RunState(denials=denials)
        calls = [c for c in view.get("calls", []) if "outcome" in c]
        errors = sum(1 for c in calls if c.get("outcome") in {"refused", "upstream-error"})
        return RunState(float(view.get("totals", {}).get("cost_usd", 0.0)), errors, denials)

    async def recent_trace(self, run_id: str, agent_id: str, limit: int = 20) -> dict[str, Any] | None:
        view = await self._trace(run_id, agent_id)
        if view is None:
            return None
        return {**view, "calls": view.get("calls", [])[-limit:]}

    def expected_effects(self, approval: Approval) -> list[dict[str, str]]:
        more = approval.approvals_needed - sum(1 for v in approval.votes if v.choice is Choice.APPROVE)
        if more > 1:
            approve = f"Records your approval; {more - 1} more approver(s) must approve before anything runs."
        elif approval.handling is Handling.SYNC:
            approve = f"The waiting call to {approval.tool} runs now, once, with exactly these arguments."
        else:
            approve = (f"The agent may re-send this exact call to {approval.tool} once; it then runs with exactly "
                       "these arguments.")
        deny = "The agent's call is refused with approval-denied; your reason is returned to the agent as the message."
        return [{"decision": "approve", "effect": approve}, {"decision": "deny", "effect": deny}]


    async def start(self) -> None:
        await self.store.start()

    async def close(self) -> None:
        await self.notifier.close()
        await self.store.close()
