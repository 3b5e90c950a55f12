"""The closed vocabularies of approvals: risk tiers, how each is handled (both defined with the rules that use
them, `config/approvals_file.py`), an approval's status, an approver's choice."""

from __future__ import annotations

from enum import StrEnum

from gateway.config.approvals_file import Handling, Tier

__all__ = ["Choice", "Handling", "Status", "Tier"]


class Status(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    DENIED = "denied"
    EXPIRED = "expired"
    USED = "used"
    WITHDRAWN = "withdrawn"  # the held call it was for was cancelled (its client left): nobody waits for it

    @property
    def final(self) -> bool:
        return self in {Status.DENIED, Status.EXPIRED, Status.USED, Status.WITHDRAWN}


class Choice(StrEnum):
    APPROVE = "approve"
    DENY = "deny"
