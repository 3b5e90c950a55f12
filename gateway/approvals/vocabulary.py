"""The closed vocabularies of approvals: risk tiers, how each is handled, an approval's status."""

from __future__ import annotations

from enum import StrEnum


class Tier(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _RANK[self]

    def at_least(self, other: Tier) -> Tier:
        """The higher of the two: escalation only ever raises a tier."""
        return self if self.rank >= other.rank else other


_RANK = {Tier.LOW: 0, Tier.MEDIUM: 1, Tier.HIGH: 2, Tier.CRITICAL: 3}


class Handling(StrEnum):
    AUTO = "auto"      # goes through
    LOG = "log"        # goes through; the decision log marks it for review
    ASYNC = "async"    # parked; the agent gets 202 needs_human and re-sends once approved
    SYNC = "sync"      # the call waits for a decision (or its timeout)


class Status(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    DENIED = "denied"
    EXPIRED = "expired"
    USED = "used"

    @property
    def final(self) -> bool:
        return self in {Status.DENIED, Status.EXPIRED, Status.USED}


class Choice(StrEnum):
    APPROVE = "approve"
    DENY = "deny"
