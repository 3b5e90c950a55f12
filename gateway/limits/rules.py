"""Rule-file vocabulary for limits, budgets, breakers and retries (used by agents.yaml and models.yaml)."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, model_validator

from gateway.config.base import RuleModel
from gateway.model import OnError


class KeyPart(StrEnum):
    """What a rate-limit counter is kept per."""

    AGENT = "agent"
    USER = "user"
    MODEL = "model"
    TOOL = "tool"


class Per(StrEnum):
    SECOND = "second"
    MINUTE = "minute"
    HOUR = "hour"
    DAY = "day"


PER_SECONDS = {Per.SECOND: 1, Per.MINUTE: 60, Per.HOUR: 3600, Per.DAY: 86400}


class Unit(StrEnum):
    REQUESTS = "requests"
    TOKENS = "tokens"
    COST_USD = "cost_usd"


class LimitRule(RuleModel):
    """One sliding-window limit: `{key: [agent, model], requests: 60, per: minute}`."""

    key: tuple[KeyPart, ...] = Field((KeyPart.AGENT,), min_length=1, description="Counter kept per these parts")
    requests: int | None = Field(None, gt=0, description="Requests per window")
    tokens: int | None = Field(None, gt=0, description="Input + output tokens per window (LLM calls)")
    cost_usd: float | None = Field(None, gt=0, description="Spend in USD per window (LLM calls)")
    per: Per = Per.MINUTE
    every: int = Field(1, gt=0, le=1000, description="Window length in `per` units (e.g. every: 10, per: second)")
    match: str | None = Field(None, description="Only calls whose model / tool name matches this glob")
    on_error: OnError = Field(
        OnError.ALLOW, description="When the counter store (Redis) is unreachable: allow (fail open) or deny"
    )

    @model_validator(mode="after")
    def _one_unit(self) -> LimitRule:
        given = [u for u in (self.requests, self.tokens, self.cost_usd) if u is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of `requests`, `tokens` or `cost_usd`")
        if len(set(self.key)) != len(self.key):
            raise ValueError("`key` lists a part twice")
        if KeyPart.MODEL in self.key and KeyPart.TOOL in self.key:
            raise ValueError("`key` cannot hold both `model` and `tool` (a call has one target)")
        if self.unit is not Unit.REQUESTS and KeyPart.TOOL in self.key:
            raise ValueError("token and cost limits apply to LLM calls; they cannot be keyed by `tool`")
        return self

    @property
    def unit(self) -> Unit:
        if self.requests is not None:
            return Unit.REQUESTS
        return Unit.TOKENS if self.tokens is not None else Unit.COST_USD

    @property
    def window_s(self) -> int:
        return PER_SECONDS[self.per] * self.every


class OnAlert(RuleModel):
    """What happens to a run's further LLM calls once it crossed the alert threshold."""

    fallback_model: str | None = Field(None, description="Route further LLM calls of the run to this (cheaper) model")
    require_approval: bool = Field(False, description="Hold further LLM calls for a human (needs the approval queue)")


class BudgetRule(RuleModel):
    """A per-run budget (keyed by x-wardgate-run-id). Unset caps are unlimited."""

    tokens_in: int | None = Field(None, gt=0)
    tokens_out: int | None = Field(None, gt=0)
    tokens: int | None = Field(None, gt=0, description="Input + output tokens")
    cost_usd: float | None = Field(None, gt=0)
    llm_calls: int | None = Field(None, gt=0)
    tool_calls: int | None = Field(None, gt=0)
    wall_time_s: float | None = Field(None, gt=0, description="Seconds since the run's first call")
    default_max_tokens: int = Field(
        1024, gt=0, description="Output tokens reserved when a call does not say `max_tokens`"
    )
    alert_at: float = Field(0.8, gt=0, le=1, description="Fraction of any cap that fires the alert (once per run)")
    alert_webhook: str | None = Field(None, description="POSTed a JSON event when the alert fires")
    on_alert: OnAlert = Field(default_factory=OnAlert)
    idle_ttl_s: float = Field(86400, gt=0, description="A run idle this long is closed; its ledger entry expires")
    on_error: OnError = Field(OnError.DENY, description="When the ledger is unreachable: deny (fail closed) or allow")

    @property
    def capped(self) -> bool:
        return any(v is not None for v in (self.tokens_in, self.tokens_out, self.tokens, self.cost_usd,
                                           self.llm_calls, self.tool_calls, self.wall_time_s))


class BreakerRule(RuleModel):
    """Circuit breaker of one upstream: opens after `failures` consecutive faults, probes after `reset_s`."""

    enabled: bool = True
    failures: int = Field(5, gt=0, description="Consecutive upstream faults (5xx, timeouts, connection errors)")
    reset_s: float = Field(30.0, gt=0, description="Seconds open before one probe call is let through")


class RetryRule(RuleModel):
    """Retries of transient faults (connection errors, 429, 502/503/504) with exponential backoff and jitter."""

    attempts: int = Field(2, ge=1, le=10, description="Tries per model, the first included")
    backoff_s: float = Field(0.2, ge=0, description="First backoff; doubles each retry, full jitter")
    max_backoff_s: float = Field(5.0, ge=0)
    deadline_s: float = Field(60.0, gt=0, description="Total time for all tries and fallbacks of one call")
