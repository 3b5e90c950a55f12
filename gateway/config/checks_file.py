"""`checks.yaml`: mode and on_error per pipeline check (optional file)."""

from __future__ import annotations

from pydantic import Field

from gateway.config.base import RuleModel
from gateway.model import Mode, OnError


class CheckPolicy(RuleModel):
    mode: Mode = Mode.ENFORCE
    on_error: OnError = OnError.DENY


class ChecksFile(RuleModel):
    checks: dict[str, CheckPolicy] = Field(default_factory=dict)
