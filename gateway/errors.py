"""The closed list of refusal reasons, their HTTP statuses, and the refusal envelope."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Reason(StrEnum):
    UNAUTHENTICATED = "unauthenticated"
    REQUEST_INVALID = "request-invalid"
    REQUEST_TOO_LARGE = "request-too-large"
    MODEL_NOT_ALLOWED = "model-not-allowed"
    ENDPOINT_UNSUPPORTED = "endpoint-unsupported"
    TOOL_NOT_ALLOWED = "tool-not-allowed"
    TOOL_UNKNOWN = "tool-unknown"
    TOOL_DISABLED = "tool-disabled"
    ARGS_INVALID = "args-invalid"
    CONTENT_BLOCKED = "content-blocked"
    OUTPUT_INVALID = "output-invalid"
    RATE_LIMITED = "rate-limited"
    BUDGET_EXHAUSTED = "budget-exhausted"
    LOOP_DETECTED = "loop-detected"
    IDEMPOTENCY_CONFLICT = "idempotency-conflict"
    APPROVAL_DENIED = "approval-denied"
    APPROVAL_EXPIRED = "approval-expired"
    APPROVAL_INVALID = "approval-invalid"
    NOT_FOUND = "not-found"
    CHECK_FAILED = "check-failed"
    STORE_UNAVAILABLE = "store-unavailable"
    CIRCUIT_OPEN = "circuit-open"
    UPSTREAM_ERROR = "upstream-error"
    UPSTREAM_TIMEOUT = "upstream-timeout"
    # HTTP-level answers of either plane (gateway/routes/errors.py): no check decided them.
    FORBIDDEN = "forbidden"
    METHOD_NOT_ALLOWED = "method-not-allowed"
    HOST_NOT_ALLOWED = "host-not-allowed"


@dataclass(frozen=True, slots=True)
class Status:
    http: int
    openai_type: str
    anthropic_type: str


_INVALID = Status(400, "invalid_request_error", "invalid_request_error")
_PERMISSION = Status(403, "permission_error", "permission_error")
_NOT_FOUND = Status(404, "not_found_error", "not_found_error")
_CONFLICT = Status(409, "conflict_error", "invalid_request_error")

STATUS: dict[Reason, Status] = {
    Reason.UNAUTHENTICATED: Status(401, "authentication_error", "authentication_error"),
    Reason.REQUEST_INVALID: _INVALID,
    # Body or headers past the plane's cap; refused before the rest is read.
    Reason.REQUEST_TOO_LARGE: Status(413, "invalid_request_error", "request_too_large"),
    Reason.MODEL_NOT_ALLOWED: _PERMISSION,
    Reason.ENDPOINT_UNSUPPORTED: _INVALID,
    Reason.TOOL_NOT_ALLOWED: _PERMISSION,
    Reason.TOOL_UNKNOWN: _NOT_FOUND,
    Reason.TOOL_DISABLED: Status(409, "conflict_error", "invalid_request_error"),
    Reason.ARGS_INVALID: _INVALID,
    Reason.CONTENT_BLOCKED: _INVALID,
    Reason.OUTPUT_INVALID: Status(502, "api_error", "api_error"),
    Reason.RATE_LIMITED: Status(429, "rate_limit_error", "rate_limit_error"),
    # 403, not 429: the SDKs retry 429 by themselves and would burn the rest of the run.
    Reason.BUDGET_EXHAUSTED: _PERMISSION,
    Reason.LOOP_DETECTED: _PERMISSION,
    Reason.IDEMPOTENCY_CONFLICT: _CONFLICT,
    Reason.APPROVAL_DENIED: _PERMISSION,
    Reason.APPROVAL_EXPIRED: _PERMISSION,
    Reason.APPROVAL_INVALID: _CONFLICT,
    Reason.NOT_FOUND: _NOT_FOUND,
    Reason.CHECK_FAILED: Status(500, "api_error", "api_error"),
    # A shared store (Redis) a fail-closed check needs is down or saturated: retry later (with Retry-After).
    Reason.STORE_UNAVAILABLE: Status(503, "api_error", "overloaded_error"),
    Reason.CIRCUIT_OPEN: Status(503, "api_error", "overloaded_error"),
    Reason.UPSTREAM_ERROR: Status(502, "api_error", "api_error"),
    Reason.UPSTREAM_TIMEOUT: Status(504, "api_error", "api_error"),
    Reason.FORBIDDEN: _PERMISSION,
    Reason.METHOD_NOT_ALLOWED: Status(405, "invalid_request_error", "invalid_request_error"),
    # 421 Misdirected Request: the Host names no name this gateway is served under (DNS-rebinding defence).
    Reason.HOST_NOT_ALLOWED: Status(421, "invalid_request_error", "invalid_request_error"),
}


@dataclass(frozen=True, slots=True)
class Refusal:
    """A machine-readable refusal: what was refused, why, and what to do next."""

    reason: Reason
    message: str
    check: str | None = None
    decision_id: str | None = None
    retry_after: float | None = None
    details: dict[str, Any] | None = None
    extra_headers: dict[str, str] | None = None

    @property
    def status(self) -> int:
        return STATUS[self.reason].http

    def _fields(self) -> dict[str, Any]:
        fields: dict[str, Any] = {
            "code": self.reason.value,
            "message": self.message,
            "check": self.check,
            "decision_id": self.decision_id,
            "retry_after": self.retry_after,
        }
        if self.details:
            fields["details"] = self.details
        return fields

    def openai_body(self) -> dict[str, Any]:
        return {"error": {"type": STATUS[self.reason].openai_type, **self._fields()}}

    def anthropic_body(self) -> dict[str, Any]:
        return {"type": "error", "error": {"type": STATUS[self.reason].anthropic_type, **self._fields()}}

    def headers(self) -> dict[str, str]:
        extra = dict(self.extra_headers or {})
        if self.retry_after is None:
            return extra
        return {**extra, "retry-after": str(max(1, round(self.retry_after + 0.499)))}


class RefusedError(Exception):
    """Raised below the routes when a call must end with a refusal (e.g. an upstream fault)."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.message)
        self.refusal = refusal
