"""Every reason has exactly one status row, and refusals render in both SDK shapes."""

from __future__ import annotations

import pytest

from gateway.errors import STATUS, Reason, Refusal


def test_every_reason_has_a_status_row() -> None:
    assert set(STATUS) == set(Reason)


@pytest.mark.parametrize(
    ("reason", "status"),
    [(Reason.UNAUTHENTICATED, 401), (Reason.MODEL_NOT_ALLOWED, 403), (Reason.TOOL_UNKNOWN, 404),
     (Reason.ARGS_INVALID, 400), (Reason.CONTENT_BLOCKED, 400), (Reason.RATE_LIMITED, 429),
     (Reason.BUDGET_EXHAUSTED, 403), (Reason.CIRCUIT_OPEN, 503), (Reason.UPSTREAM_ERROR, 502),
     (Reason.UPSTREAM_TIMEOUT, 504), (Reason.APPROVAL_EXPIRED, 403)],
)
def test_design_statuses(reason: Reason, status: int) -> None:
    assert STATUS[reason].http == status


def test_shapes_and_retry_after() -> None:
    r = Refusal(Reason.RATE_LIMITED, "slow down", "rate_limit", "dec_1", retry_after=1.2)
    assert r.openai_body()["error"] == {"type": "rate_limit_error", "code": "rate-limited", "message": "slow down",
                                        "check": "rate_limit", "decision_id": "dec_1", "retry_after": 1.2}
    assert r.anthropic_body()["type"] == "error" and r.anthropic_body()["error"]["type"] == "rate_limit_error"
    assert r.headers() == {"retry-after": "2"}
