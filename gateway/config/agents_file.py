"""`agents.yaml`: agent identities, their keys, and what each may use."""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator

from gateway.config.base import RuleModel


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


class AgentRule(RuleModel):
    description: str = ""
    keys: tuple[KeyRef, ...] = Field(min_length=1)
    models: AllowDeny = AllowDeny()
    tools: AllowDeny = AllowDeny()
    tool_args: dict[str, dict[str, Any]] = Field(
        default_factory=dict, description="Tool glob → JSON-Schema fragment ANDed with the tool's input schema"
    )
    limits: dict[str, Any] = Field(default_factory=dict, description="Rate limits (see README)")
    budget: dict[str, Any] = Field(default_factory=dict, description="Per-run budget (see README)")


class AgentsFile(RuleModel):
    agents: dict[str, AgentRule]
