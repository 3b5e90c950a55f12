"""The life of an LLM call: checks, forward (whole or streamed), response checks, trace."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jsonschema.exceptions import SchemaError
from starlette.responses import Response

from gateway.config.ruleset import ModelRoute
from gateway.errors import Reason, Refusal, RefusedError
from gateway.flow.call_ledger import Ledger, fault_refusal
from gateway.flow.client_gone import CHECKS_LEFT, CLIENT_CLOSED, ClientGone, ClientLeft, never_gone, until_gone
from gateway.flow.relay import relay
from gateway.flow.respond import gateway_headers, json_response, refusal_from_stop, refusal_response
from gateway.flow.structured import conform, requested_schema
from gateway.limits.estimate import prompt_tokens
from gateway.model import Api, Call
from gateway.runtime import Gateway
from gateway.trace.events import Outcome
from gateway.upstream.client import UpstreamFault, rate_limit_headers
from gateway.upstream.providers import supports
from gateway.upstream.usage import Usage, usage_from_body


async def handle(gw: Gateway, call: Call, gone: ClientGone = never_gone) -> Response:
    rules = gw.rules.current
    ledger = Ledger(call, rules, gw.clock())
    ledger.trace_id = gw.tracing.trace_id()
    try:  # the checks may hold the call (a sync approval): a client that leaves meanwhile ends the wait
        result = await until_gone(gone, gw.runner.run_request(call, rules))
    except ClientLeft:
        ledger.status, ledger.outcome = CLIENT_CLOSED, Outcome.CANCELLED
        ledger.detail.update(cancelled=CHECKS_LEFT, sent=False)  # nothing was sent upstream: nothing is charged
        await ledger.finish(gw)
        return Response(status_code=CLIENT_CLOSED)
    call = ledger.call = result.call
    if result.stop is not None:
        refusal = refusal_from_stop(call, result.stop)
        ledger.refused(refusal)
        await ledger.finish(gw)
        return refusal_response(call, refusal)
    route = rules.resolve_model(call.target)
    route_refusal = _route_refusal(call, route)
    if route_refusal is not None or route is None:
        assert route_refusal is not None
        ledger.refused(route_refusal)
        await ledger.finish(gw)
        return refusal_response(call, route_refusal)
    ledger.span = gw.tracing.llm_span(call, route.rule.provider.value, route.upstream_model)
    if call.streaming and call.api is not Api.EMBEDDINGS:
        return await _stream(gw, call, route, ledger, gone)
    try:
        return await _whole(gw, call, route, ledger, gone)
    finally:
        await ledger.finish(gw)


def _left(call: Call, route: ModelRoute, ledger: Ledger, why: str,
          payload: Mapping[str, Any] | None = None) -> Response:
    """The client left while the upstream held its answer: the request was aborted. What the upstream spent on it
    is unknown; it is charged the prompt estimate of what was sent (the estimate the reservation used, and what a
    stream cut before its first event is charged) on top of any answer already received (a structured-output
    repair), recorded as an estimate, and the call recorded cancelled with status 499."""
    ledger.status, ledger.outcome = CLIENT_CLOSED, Outcome.CANCELLED
    ledger.detail["cancelled"] = why
    ledger.usage = ledger.usage.plus(Usage(prompt_tokens(call.api, payload or call.payload), 0))
    ledger.detail["usage_estimated"] = {
        "prompt_tokens": ledger.usage.prompt_tokens, "completion_tokens": ledger.usage.completion_tokens,
        "delivered_chars": 0, "prompt_reported": False}
    ledger.cost = ledger.usage.cost(ledger.price(route))
    return Response(status_code=CLIENT_CLOSED)


def _route_refusal(call: Call, route: ModelRoute | None) -> Refusal | None:
    if route is None:
        return Refusal(Reason.MODEL_NOT_ALLOWED, f"Model '{call.target}' is not configured.", "permission", call.id)
    if not supports(route.rule.provider, call.api):
        return Refusal(
            Reason.ENDPOINT_UNSUPPORTED,
            f"Model '{call.target}' is served by a {route.rule.provider.value} provider, "
            f"which does not speak the {call.api.value} API. Use the provider's own endpoint.",
            "permission", call.id,
        )
    return None


async def _whole(gw: Gateway, call: Call, route: ModelRoute, ledger: Ledger, gone: ClientGone) -> Response:
    try:
        with ledger.span.activate():  # the upstream request carries this span as its parent
            answer = await until_gone(gone, gw.forwarder.send(route, call.api, call.payload, call.headers, call.id))
    except ClientLeft:
        return _left(call, route, ledger, "client disconnected before the answer")
    except UpstreamFault as fault:
        refusal = fault_refusal(call, fault)
        ledger.refused(refusal, Outcome.UPSTREAM_ERROR)
        ledger.detail["attempts"] = list(getattr(fault, "attempts", ()))
        return refusal_response(call, refusal)
    ledger.answered_by, ledger.upstream_ms = answer.answered_by, round(answer.upstream_ms, 3)
    ledger.detail["attempts"] = list(answer.attempts)
    if answer.body is None:  # the provider's own 4xx, passed through faithfully
        ledger.status, ledger.outcome = answer.status, Outcome.UPSTREAM_ERROR
        ledger.detail["upstream_status"] = answer.status
        ctype = answer.headers.get("content-type", answer.headers.get("Content-Type", "application/json"))
        headers = {**rate_limit_headers(answer.headers), **gateway_headers(call)}
        return Response(answer.raw, answer.status, headers=headers, media_type=ctype)
    ledger.usage = usage_from_body(call.api, answer.body)
    ledger.span.answer(call.api, answer.body)
    ledger.cost = ledger.usage.cost(ledger.price(route))
    body: Mapping[str, Any] = answer.body
    schema = requested_schema(call.api, call.payload)
    if schema is not None:
        try:
            body = await _structured(gw, call, route, ledger, body, schema, gone)
        except _RepairLeft as left:
            return _left(call, route, ledger, "client disconnected before a repair's answer", left.payload)
        except RefusedError as refused:
            ledger.refused(refused.refusal)
            return refusal_response(call, refused.refusal)
    checked = await gw.runner.run_response(call, ledger.rules, body)
    if checked.stop is not None:
        refusal = refusal_from_stop(call, checked.stop)
        ledger.refused(refusal)
        return refusal_response(call, refusal)
    if checked.body is answer.body and answer.raw:  # nothing rewrote it: send the provider's bytes as they came
        return Response(answer.raw, 200, headers=gateway_headers(call), media_type="application/json")
    return json_response(checked.body, 200, gateway_headers(call))


class _RepairLeft(Exception):
    def __init__(self, payload: Mapping[str, Any]) -> None:
        super().__init__("client disconnected during a repair")
        self.payload = payload


async def _structured(
    gw: Gateway, call: Call, route: ModelRoute, ledger: Ledger, body: Mapping[str, Any], schema: Mapping[str, Any],
    gone: ClientGone,
) -> Mapping[str, Any]:
    """Validate a JSON-Schema answer, re-asking with the errors (each attempt charged to the run)."""
    try:
        validator = gw.schemas.validator(schema)
    except SchemaError as exc:
        raise RefusedError(Refusal(Reason.REQUEST_INVALID, f"The requested JSON schema is invalid: {exc.message}",
                                   "structured_output", call.id)) from exc

    async def send(payload: Mapping[str, Any]) -> Mapping[str, Any]:
        try:
            again = await until_gone(gone, gw.forwarder.send(route, call.api, payload, call.headers, call.id))
        except ClientLeft:
            raise _RepairLeft(payload) from None
        except UpstreamFault as fault:
            raise RefusedError(fault_refusal(call, fault)) from fault
        if again.body is None:
            raise RefusedError(Refusal(Reason.UPSTREAM_ERROR, f"upstream answered HTTP {again.status} to a repair",
                                       "structured_output", call.id))
        ledger.usage = ledger.usage.plus(usage_from_body(call.api, again.body))
        ledger.cost = ledger.usage.cost(ledger.price(route))
        return again.body

    attempts = ledger.rules.repair_attempts
    final, problems, repairs = await conform(call.api, call.payload, body, validator, attempts, send)
    ledger.detail["structured_output"] = {"repairs": repairs, "valid": not problems}
    if problems:
        raise RefusedError(Refusal(
            Reason.OUTPUT_INVALID,
            f"The model's answer does not match the requested JSON schema: {problems[0]}",
            "structured_output", call.id, details={"violations": problems}))
    return final


async def _stream(gw: Gateway, call: Call, route: ModelRoute, ledger: Ledger, gone: ClientGone) -> Response:
    cm = gw.forwarder.stream(route, call.api, call.payload, call.headers, call.id)
    try:
        with ledger.span.activate():
            st = await until_gone(gone, cm.__aenter__())
    except ClientLeft:  # the request was cancelled inside the context manager, which closed its connection
        response = _left(call, route, ledger, "client disconnected before the response headers")
        await ledger.finish(gw)
        return response
    except UpstreamFault as fault:
        refusal = fault_refusal(call, fault)
        ledger.refused(refusal, Outcome.UPSTREAM_ERROR)
        ledger.detail["attempts"] = list(getattr(fault, "attempts", ()))
        await ledger.finish(gw)
        return refusal_response(call, refusal)
    ledger.answered_by = st.answered_by or route.name
    ledger.detail["attempts"] = list(st.attempts)
    if st.status >= 400:
        body, ctype = st.error_body, st.headers.get("content-type", st.headers.get("Content-Type", "application/json"))
        await cm.__aexit__(None, None, None)
        ledger.status, ledger.outcome = st.status, Outcome.UPSTREAM_ERROR
        ledger.detail["upstream_status"] = st.status
        await ledger.finish(gw)
        headers = {**rate_limit_headers(st.headers), **gateway_headers(call)}
        return Response(body, st.status, headers=headers, media_type=ctype)
    return await relay(gw, call, route, ledger, cm, st, gone)
