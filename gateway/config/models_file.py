"""`models.yaml`: model names an agent may ask for, and where each is answered."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from gateway.config.base import RuleModel
from gateway.limits.rules import BreakerRule, RetryRule


class ProviderKind(StrEnum):
    OPENAI = "openai"
    OPENAI_COMPATIBLE = "openai-compatible"
    ANTHROPIC = "anthropic"
    ECHO = "echo"


class Price(RuleModel):
    input_per_mtok: float = Field(0.0, ge=0, description="USD per million input tokens")
    output_per_mtok: float = Field(0.0, ge=0, description="USD per million output tokens")


class ModelRule(RuleModel):
    provider: ProviderKind
    base_url: str | None = Field(None, description="Provider base URL; not used by `echo`")
    api_key: str | None = Field(None, description="Provider key, normally `${ENV_VAR}`")
    upstream_model: str | None = Field(None, description="Model name sent upstream; defaults to the requested name")
    price: Price = Field(default_factory=Price)
    timeout_s: float = Field(60.0, gt=0)
    fallbacks: tuple[str, ...] = Field(
        (), description="Models tried in order when this one fails or its breaker is open"
    )
    breaker: BreakerRule = Field(default_factory=BreakerRule)
    retry: RetryRule = Field(default_factory=RetryRule)
    context_window: int | None = Field(None, gt=0)
    headers: dict[str, str] = Field(default_factory=dict, description="Extra headers sent upstream")


class ModelsFile(RuleModel):
    """Keys are model names or globs (`claude-*`); exact names win over globs, globs match in file order."""

    models: dict[str, ModelRule]
