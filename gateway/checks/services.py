"""What checks need beyond the rules: long-lived collaborators built once by the app factory."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from gateway.approvals.service import ApprovalService
from gateway.guards.engine import GuardEngine
from gateway.limits.service import Limits, in_memory
from gateway.tools.loop_counts import LoopCounter, LoopCounts
from gateway.trace.events import DecisionEvent


@dataclass(slots=True)
class CheckServices:
    """Each check takes what it needs from here; the app factory fills it (one wiring place)."""

    guards: GuardEngine = field(default_factory=GuardEngine)
    # Where checks that decide outside the runner (stream guards) record their verdicts.
    record: Callable[[DecisionEvent], None] = lambda event: None
    # The approval queue (store, waiters, webhooks); None only in tests that build steps without it.
    approvals: ApprovalService | None = None
    # Rate limiter, budget ledger and breakers; in memory unless the app factory builds the durable/shared ones.
    limits: Limits = field(default_factory=in_memory)
    # Identical-call counts for loop protection; in process unless the app factory builds the Redis one.
    loops: LoopCounts = field(default_factory=LoopCounter)
