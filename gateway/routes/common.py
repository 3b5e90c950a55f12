"""Turning an HTTP request into a Call: body, credentials, run id."""

from __future__ import annotations

import re
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from gateway.errors import Reason, Refusal
from gateway.flow.respond import refusal_from_stop, refusal_response
from gateway.model import Api, Call
from gateway.routes.body import BadJson, BodyTooLarge, parse_json, read_body
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


class RefusalOf:
    """A body that could not be taken, with the call it belongs to (each route renders it in its shape)."""

    def __init__(self, call: Call, refusal: Refusal) -> None:
        self.call, self.refusal = call, refusal


async def refused_before_body(gw: Gateway, request: Request, api: Api, target: str = "") -> RefusalOf | None:
    """Authenticate from the headers alone, before a byte of the body is read: an unknown caller's
    refusal (traced like any other) costs nothing however large its body. None when the key is known."""
    rules = gw.rules.current
    if rules.agent_for_key(credential_of(request) or "") is not None:
        return None
    call = new_call(gw, request, api, target, {})
    result = await gw.runner.run_request(call, rules)
    if result.stop is None:  # unreachable: authenticate always enforces
        return None
    return RefusalOf(call, refusal_from_stop(call, result.stop))


async def json_body(gw: Gateway, request: Request, api: Api, target: str = "") -> Any:
    """The parsed body, or the refusal to answer with: 401 before reading it, 413 past the plane's cap,
    400 when not strict JSON."""
    refused = await refused_before_body(gw, request, api, target)
    if refused is not None:
        return refused
    try:
        raw = await read_body(request, gw.settings.max_body_bytes)
        return parse_json(raw) if raw else None
    except BodyTooLarge as exc:
        reason, message = Reason.REQUEST_TOO_LARGE, str(exc)
    except BadJson as exc:
        reason, message = Reason.REQUEST_INVALID, str(exc)
    call = new_call(gw, request, api, target, {})
    return RefusalOf(call, Refusal(reason, message, None, call.id))


async def call_from_body(gw: Gateway, request: Request, api: Api) -> Call | Response:
    """Parse a JSON request naming a `model`; a malformed one is refused with `request-invalid`."""
    payload = await json_body(gw, request, api)
    if isinstance(payload, RefusalOf):
        return refusal_response(payload.call, payload.refusal)
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
