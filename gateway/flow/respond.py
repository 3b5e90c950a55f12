"""Turning refusals and results into HTTP responses, with the gateway's headers."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from starlette.responses import Response

from gateway.errors import Reason, Refusal
from gateway.model import Api, Call
from gateway.pipeline.runner import Stop


def gateway_headers(call: Call) -> dict[str, str]:
    return {**call.reply_headers, "x-wardgate-run-id": call.run_id, "x-wardgate-decision-id": call.id}


def json_response(
    body: Mapping[str, Any] | list[Any], status: int = 200, headers: Mapping[str, str] | None = None
) -> Response:
    return Response(
        json.dumps(body, separators=(",", ":")), status_code=status, headers=dict(headers or {}),
        media_type="application/json",
    )


def refusal_from_stop(call: Call, stop: Stop) -> Refusal:
    v = stop.verdict
    return Refusal(
        reason=v.reason or Reason.CHECK_FAILED,
        message=v.message or f"Refused by check '{stop.check}'.",
        check=stop.check,
        decision_id=call.id,
        retry_after=v.retry_after,
        details=dict(v.public) if v.public else None,
        extra_headers=dict(v.headers) if v.headers else None,
    )


def refusal_body(api: Api, refusal: Refusal) -> dict[str, Any]:
    return refusal.anthropic_body() if api is Api.MESSAGES else refusal.openai_body()


def refusal_response(call: Call, refusal: Refusal, extra_headers: Mapping[str, str] | None = None) -> Response:
    headers = {**gateway_headers(call), **refusal.headers(), **(extra_headers or {})}
    return json_response(refusal_body(call.api, refusal), refusal.status, headers)
