"""`approvals.yaml`: per-tier handling, escalation rules, approvers and webhooks; the tier and handling vocabularies."""

from __future__ import annotations

import hashlib
from enum import StrEnum
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError
from pydantic import Field, field_validator, model_validator

from gateway.config.base import RuleModel


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


class TierPolicy(RuleModel):
    handling: Handling
    timeout_s: float = Field(
        900.0, gt=0, description="How long a pending approval waits for a decision; then it expires (deny)")
    use_within_s: float = Field(
        900.0, gt=0, description="Async: how long an approved call may be re-sent before the approval expires")
    two_person: bool = Field(False, description="Two different approvers must approve (one deny is enough)")


def _default_tiers() -> dict[Tier, TierPolicy]:
    return {
        Tier.LOW: TierPolicy(handling=Handling.AUTO),
        Tier.MEDIUM: TierPolicy(handling=Handling.LOG),
        Tier.HIGH: TierPolicy(handling=Handling.ASYNC, timeout_s=3600.0),
        Tier.CRITICAL: TierPolicy(handling=Handling.SYNC, timeout_s=300.0),
    }


class RunCondition(RuleModel):
    """Conditions on the run so far; every one given must hold."""

    spend_usd_over: float | None = Field(None, ge=0, description="The run has cost more than this")
    errors_at_least: int | None = Field(None, ge=1, description="Refused or failed calls in the run")
    denials_at_least: int | None = Field(None, ge=1, description="Approvals denied earlier in the run")


class Escalation(RuleModel):
    name: str = Field(pattern=r"^[A-Za-z0-9_.\-]+$")
    tier: Tier = Field(description="Raise the call to (at least) this tier")
    reason: str = Field("", description="Shown to approvers: why this needs a human")
    tools: tuple[str, ...] = Field(("*",), min_length=1, description="Tool name globs")
    agents: tuple[str, ...] = Field(("*",), min_length=1, description="Agent id globs")
    when: dict[str, Any] | None = Field(None, description="JSON-Schema the call's arguments must match")
    run: RunCondition | None = None

    @field_validator("when")
    @classmethod
    def _valid_schema(cls, v: dict[str, Any] | None) -> dict[str, Any] | None:
        if v is not None:
            try:
                Draft202012Validator.check_schema(v)
            except SchemaError as exc:
                raise ValueError(f"not a valid JSON Schema: {exc.message}") from exc
        return v


class Approver(RuleModel):
    token_sha256: str | None = Field(None, pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the approver's token")
    token: str | None = Field(None, description="Plain token, normally `${ENV_VAR}`; hashed at load, empty = disabled")
    tiers: tuple[Tier, ...] | None = Field(None, description="Tiers this approver may decide (default: all)")
    tools: tuple[str, ...] | None = Field(None, description="Tool globs this approver may decide (default: all)")

    @model_validator(mode="after")
    def _one_of(self) -> Approver:
        if (self.token_sha256 is None) == (self.token is None):
            raise ValueError("give exactly one of `token_sha256` or `token`")
        return self

    @property
    def digest(self) -> str | None:
        if self.token_sha256:
            return self.token_sha256
        return hashlib.sha256(self.token.encode()).hexdigest() if self.token else None


class Webhook(RuleModel):
    url: str = Field(pattern=r"^https?://")
    tiers: tuple[Tier, ...] = (Tier.HIGH, Tier.CRITICAL)
    secret: str = Field(min_length=1, description="HMAC-SHA256 key, normally `${ENV_VAR}`")
    timeout_s: float = Field(5.0, gt=0)
    console_url: str | None = Field(None, description="Link approvers follow, put into the text")


class ApprovalsFile(RuleModel):
    tiers: dict[Tier, TierPolicy] = Field(default_factory=_default_tiers)
    unknown_tool_tier: Tier = Field(Tier.HIGH, description="Tier of a tool the registry does not rate")
    escalations: tuple[Escalation, ...] = ()
    approvers: dict[str, Approver] = Field(default_factory=dict)
    webhooks: tuple[Webhook, ...] = ()

    @field_validator("tiers", mode="after")
    @classmethod
    def _fill_tiers(cls, v: dict[Tier, TierPolicy]) -> dict[Tier, TierPolicy]:
        return {**_default_tiers(), **v}

    @model_validator(mode="after")
    def _unique_names(self) -> ApprovalsFile:
        names = [e.name for e in self.escalations]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"escalation names must be unique: {', '.join(dupes)}")
        return self
