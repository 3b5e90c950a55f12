"""The records written to the decision log."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from gateway.errors import Reason
from gateway.model import Action, Mode


class Phase(StrEnum):
    REQUEST = "request"
    RESPONSE = "response"
    STREAM = "stream"


class Outcome(StrEnum):
    OK = "ok"
    REFUSED = "refused"
    HELD = "held"
    UPSTREAM_ERROR = "upstream-error"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class DecisionEvent:
    decision_id: str
    run_id: str
    agent_id: str | None
    phase: Phase
    check: str
    action: Action
    mode: Mode
    revision: str
    at: float
    reason: Reason | None = None
    message: str = ""
    detail: Mapping[str, Any] | None = None

    @property
    def enforced(self) -> bool:
        return self.mode is Mode.ENFORCE

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["enforced"] = self.enforced
        return d


@dataclass(frozen=True, slots=True)
class CallRecord:
    call_id: str
    run_id: str
    agent_id: str | None
    api: str
    target: str
    started_at: float
    duration_ms: float
    status: int
    outcome: Outcome
    revision: str
    reason: Reason | None = None
    answered_by: str | None = None
    streamed: bool = False
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0
    upstream_ms: float | None = None
    trace_id: str | None = None
    detail: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
