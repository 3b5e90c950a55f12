"""Turning an HTTP request into a Call: body, credentials, run id."""

from __future__ import annotations

import json
import re
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from gateway.errors import Reason, Refusal
from gateway.flow.respond import refusal_response
from gateway.model import Api, Call
from gateway.runtime import Gateway

_RUN_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,128}$")


def credential_of(request: Request) -> str | None:
    auth = request.headers.get("authorization")
    if auth and auth[:7].lower() == "bearer ":
        return auth[7:].strip() or None
    return request.headers.get("x-api-key") or None


def new_call(gw: Gateway, request: Request, api: Api, target: str, payload: dict[str, Any]) -> Call:
    given = request.headers.get("x-wardgate-run-id")
    valid = given is not None and _RUN_ID.match(given) is not None
    return Call(
        id=gw.ids("dec"),
        run_id=given if valid and given else gw.ids("run"),
        api=api,
        target=target,
        payload=payload,
        received_at=gw.clock(),
        credential=credential_of(request),
        headers=dict(request.headers),
        run_id_created=not valid,
    )


async def call_from_body(gw: Gateway, request: Request, api: Api) -> Call | Response:
    """Parse a JSON request naming a `model`; a malformed one is refused with `request-invalid`."""
    raw = await request.body()
    try:
        payload = json.loads(raw) if raw else None
    except ValueError:
        payload = None
    problem = None
    if not isinstance(payload, dict):
        problem = "The request body must be a JSON object."
    elif not isinstance(payload.get("model"), str) or not payload["model"]:
        problem = "The request body must name a `model`."
    if problem is not None:
        call = new_call(gw, request, api, "", {})
        return refusal_response(call, Refusal(Reason.REQUEST_INVALID, problem, None, call.id))
    assert isinstance(payload, dict)
    return new_call(gw, request, api, payload["model"], payload)
