"""`agents.yaml`: agent identities, their keys, and what each may use."""

from __future__ import annotations

from enum import StrEnum
from fnmatch import fnmatchcase
from typing import Any, Literal

from pydantic import Field, model_validator

from gateway.config.base import RuleModel
from gateway.limits.rules import BudgetRule, LimitRule


class KeyRef(RuleModel):
    """One accepted key: its SHA-256 (from `wardgate keys new`) or a value from the environment."""

    sha256: str | None = Field(None, pattern=r"^[0-9a-f]{64}$")
    value: str | None = Field(None, description="Plain key, normally `${ENV_VAR}`; hashed at load, empty = no key")

    @model_validator(mode="after")
    def _one_of(self) -> KeyRef:
        if (self.sha256 is None) == (self.value is None):
            raise ValueError("give exactly one of `sha256` or `value`")
        return self


class AllowDeny(RuleModel):
    """Glob lists; deny beats allow; nothing is allowed unless listed."""

    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()


def allowed(lists: AllowDeny, name: str) -> bool:
    """Deny beats allow; nothing is allowed unless listed (models and tools alike)."""
    if any(fnmatchcase(name, pattern) for pattern in lists.deny):
        return False
    return any(fnmatchcase(name, pattern) for pattern in lists.allow)


class ProposedCallAction(StrEnum):
    BLOCK = "block"
    STRIP = "strip"
    MONITOR = "monitor"


class UserTokens(RuleModel):
    """Signed end-user tokens (JWT in `x-wardgate-user`): the agent then gets the intersection of permissions."""

    algorithms: tuple[Literal["HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "EdDSA"], ...] = (
        "HS256",)
    keys: tuple[str, ...] = Field(
        min_length=1, description="HMAC secrets or PEM public keys, normally `${ENV_VAR}`; empty entries are ignored")
    issuer: str | None = None
    audience: str | None = None
    leeway_s: float = Field(30.0, ge=0, le=300, description="Allowed clock skew for `exp`/`nbf`/`iat`")
    max_lifetime_s: float | None = Field(None, gt=0, description="Refuse tokens whose exp - iat is longer")
    tools_claim: str = Field("tools", description="Claim listing the tool globs granted to the user")


class AgentRule(RuleModel):
    description: str = ""
    keys: tuple[KeyRef, ...] = Field(min_length=1)
    models: AllowDeny = AllowDeny()
    tools: AllowDeny = AllowDeny()
    tool_args: dict[str, dict[str, dict[str, Any]]] = Field(
        default_factory=dict,
        description="Tool glob → {argument path (dotted for nested) → JSON-Schema fragment}, ANDed with the "
        "tool's input schema; a constrained argument must be present",
    )
    proposed_tool_calls: ProposedCallAction = Field(
        ProposedCallAction.MONITOR,
        description="What to do with tool calls a model proposes that this agent may not make or that do not "
        "match the tool's schema: block the answer, strip the call, or monitor (trace only)",
    )
    limits: tuple[LimitRule, ...] = Field((), description="Sliding-window rate limits (docs/limits.md)")
    budget: BudgetRule | None = Field(None, description="Per-run budget (docs/limits.md)")


class AgentsFile(RuleModel):
    agents: dict[str, AgentRule]
    user_tokens: UserTokens | None = None
