"""An approval as stored: the exact call it is bound to, its status and the decisions taken on it."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from gateway.approvals.vocabulary import Choice, Handling, Status, Tier


def args_hash(arguments: Mapping[str, Any]) -> str:
    """SHA-256 of the canonical JSON of the arguments (sorted keys, no whitespace, UTF-8)."""
    canonical = json.dumps(arguments, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What an approval is bound to: exactly this agent, run, tool, arguments, and the parts of the rules that
    decided it (`revision` holds `approvals.basis.decision_basis`, not the whole rules revision)."""

    agent_id: str
    run_id: str
    tool: str
    args_sha256: str
    revision: str

    def mismatch(self, other: Fingerprint) -> list[str]:
        return [name for name in ("agent_id", "run_id", "tool", "args_sha256", "revision")
                if getattr(self, name) != getattr(other, name)]


@dataclass(frozen=True, slots=True)
class Vote:
    approver: str
    choice: Choice
    reason: str
    at: float


@dataclass(frozen=True, slots=True)
class Approval:
    id: str
    fingerprint: Fingerprint
    tier: Tier
    handling: Handling
    arguments: Mapping[str, Any]
    created_at: float
    expires_at: float                       # pending → expired after this
    call_id: str = ""
    base_tier: Tier = Tier.LOW
    raised_by: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    impact: str = ""
    tool_description: str = ""
    approvals_needed: int = 1
    status: Status = Status.PENDING
    votes: tuple[Vote, ...] = ()
    decided_at: float | None = None
    use_by: float | None = None             # approved → expired after this (async re-send window)
    used_at: float | None = None
    message: str = ""                       # the deny reason, returned to the agent
    version: int = 0                        # bumped by every stored change (compare-and-swap)
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def agent_id(self) -> str:
        return self.fingerprint.agent_id

    @property
    def run_id(self) -> str:
        return self.fingerprint.run_id

    @property
    def tool(self) -> str:
        return self.fingerprint.tool

    def status_at(self, now: float) -> Status:
        """The status as of `now`: expiry is a function of the clock, not a background job."""
        if self.status is Status.PENDING and now >= self.expires_at:
            return Status.EXPIRED
        if self.status is Status.APPROVED and self.use_by is not None and now >= self.use_by:
            return Status.EXPIRED
        return self.status

    def as_of(self, now: float) -> Approval:
        status = self.status_at(now)
        return self if status is self.status else replace(self, status=status)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["arguments"] = dict(self.arguments)
        d["extra"] = dict(self.extra)
        return d

    @staticmethod
    def from_dict(d: Mapping[str, Any]) -> Approval:
        return Approval(
            id=d["id"], fingerprint=Fingerprint(**d["fingerprint"]), tier=Tier(d["tier"]),
            handling=Handling(d["handling"]), arguments=d["arguments"], created_at=d["created_at"],
            expires_at=d["expires_at"], call_id=d.get("call_id", ""), base_tier=Tier(d.get("base_tier", "low")),
            raised_by=tuple(d.get("raised_by", ())), reasons=tuple(d.get("reasons", ())),
            impact=d.get("impact", ""), tool_description=d.get("tool_description", ""),
            approvals_needed=d.get("approvals_needed", 1), status=Status(d["status"]),
            votes=tuple(Vote(v["approver"], Choice(v["choice"]), v["reason"], v["at"]) for v in d.get("votes", ())),
            decided_at=d.get("decided_at"), use_by=d.get("use_by"), used_at=d.get("used_at"),
            message=d.get("message", ""), version=d.get("version", 0), extra=d.get("extra", {}),
        )

    def public(self, now: float) -> dict[str, Any]:
        """What the agent that asked may see when it polls."""
        a = self.as_of(now)
        return {"id": a.id, "status": a.status.value, "tier": a.tier.value, "tool": a.tool,
                "expires_at": a.expires_at, "use_by": a.use_by, "message": a.message or None,
                "decided_at": a.decided_at}
