"""The records written to the decision log."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, is_dataclass
from enum import StrEnum
from typing import Any

from gateway.errors import Reason
from gateway.model import Action, Mode


def _plain(value: Any) -> Any:
    """What `asdict` makes of a nested value, without its deep copy of every scalar (hot path)."""
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    return value


def _record_dict(obj: Any) -> dict[str, Any]:
    """A flat record's fields as a dict; only `detail` can nest. Same JSON as `asdict`, ~3x cheaper."""
    d = {name: getattr(obj, name) for name in obj.__dataclass_fields__}  # (plain fields only, no ClassVar)
    d["detail"] = _plain(d["detail"])
    return d


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
        d = _record_dict(self)
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
        return _record_dict(self)
