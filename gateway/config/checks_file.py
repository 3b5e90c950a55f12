"""`checks.yaml`: mode and on_error per pipeline check (optional file)."""

from __future__ import annotations

from pydantic import Field

from gateway.config.base import RuleModel
from gateway.model import Mode, OnError


class CheckPolicy(RuleModel):
    mode: Mode = Mode.ENFORCE
    on_error: OnError = OnError.DENY


class StructuredOutput(RuleModel):
    """When a request asks for a JSON Schema answer: how many times to re-ask with the errors."""

    repair_attempts: int = Field(1, ge=0, le=5)


class ChecksFile(RuleModel):
    checks: dict[str, CheckPolicy] = Field(default_factory=dict)
    structured_output: StructuredOutput = Field(default_factory=StructuredOutput)
