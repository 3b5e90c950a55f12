"""The life of an LLM call: checks, forward (whole or streamed), response checks, trace."""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import anyio
from jsonschema.exceptions import SchemaError
from starlette.responses import Response, StreamingResponse

from gateway.config.models_file import Price
from gateway.config.ruleset import ModelRoute, RuleSet
from gateway.errors import Reason, Refusal, RefusedError
from gateway.flow.respond import gateway_headers, json_response, refusal_from_stop, refusal_response
from gateway.flow.stream import (
    StreamBlocked,
    end_transforms,
    error_event,
    is_usage_only_chunk,
    run_transforms,
)
from gateway.flow.structured import conform, requested_schema
from gateway.model import Api, Call
from gateway.observability.tracing import NO_LLM_SPAN, LlmSpan
from gateway.runtime import Gateway
from gateway.trace.events import CallRecord, Outcome
from gateway.upstream.client import UpstreamFault
from gateway.upstream.providers import supports
from gateway.upstream.sse import events
from gateway.upstream.usage import StreamUsage, Usage, usage_from_body

log = logging.getLogger("wardgate.llm")


@dataclass(slots=True)
class Ledger:
    """What one call did, filled in as it goes and written once at the end."""

    call: Call
    rules: RuleSet
    started: float
    t0: float = field(default_factory=time.perf_counter)
    status: int = 200
    outcome: Outcome = Outcome.OK
    reason: Reason | None = None
    answered_by: str | None = None
    usage: Usage = field(default_factory=Usage)
    cost: float = 0.0
    upstream_ms: float | None = None
    detail: dict[str, Any] = field(default_factory=dict)
    # Tracing (when on): the LLM-call span, ended with the record; the trace the call belongs to.
    span: LlmSpan = NO_LLM_SPAN
    trace_id: str | None = None

    def refused(self, refusal: Refusal, outcome: Outcome = Outcome.REFUSED) -> None:
        self.status, self.reason, self.outcome = refusal.status, refusal.reason, outcome

    def record(self, gw: Gateway) -> None:
        gw.recorder.call(self._record())

    async def finish(self, gw: Gateway) -> None:
        """Write the record, then run the finish phase (budget settlement, usage-based limits) on every path."""
        record = self._record()
        gw.recorder.call(record)
        for finisher in gw.finishers:
            try:
                await finisher(record)
            except Exception:
                log.exception("finishing call %s failed", record.call_id)

    def price(self, route: ModelRoute) -> Price:
        """The price of the model that answered (a fallback may have), else of the route asked for."""
        answered = self.rules.resolve_model(self.answered_by) if self.answered_by else None
        return (answered or route).rule.price

    def _record(self) -> CallRecord:
        c = self.call
        self.span.finish(self)
        return CallRecord(
            call_id=c.id, run_id=c.run_id, agent_id=c.agent_id, api=c.api.value, target=c.target,
            started_at=self.started, duration_ms=round((time.perf_counter() - self.t0) * 1000, 3),
            status=self.status, outcome=self.outcome, revision=self.rules.revision, reason=self.reason,
            answered_by=self.answered_by, streamed=c.streaming, prompt_tokens=self.usage.prompt_tokens,
            completion_tokens=self.usage.completion_tokens, cost_usd=self.cost, upstream_ms=self.upstream_ms,
            detail=self.detail, trace_id=self.trace_id,
        )


def _fault_refusal(call: Call, fault: UpstreamFault) -> Refusal:
    return Refusal(fault.reason, str(fault), check="upstream", decision_id=call.id,
                   retry_after=getattr(fault, "retry_after", None))


async def handle(gw: Gateway, call: Call) -> Response:
    rules = gw.rules.current
    ledger = Ledger(call, rules, gw.clock())
    ledger.trace_id = gw.tracing.trace_id()
    result = await gw.runner.run_request(call, rules)
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
        return await _stream(gw, call, route, ledger)
    try:
        return await _whole(gw, call, route, ledger)
    finally:
        await ledger.finish(gw)


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


async def _whole(gw: Gateway, call: Call, route: ModelRoute, ledger: Ledger) -> Response:
    try:
        with ledger.span.activate():  # the upstream request carries this span as its parent
            answer = await gw.forwarder.send(route, call.api, call.payload, call.headers)
    except UpstreamFault as fault:
        refusal = _fault_refusal(call, fault)
        ledger.refused(refusal, Outcome.UPSTREAM_ERROR)
        ledger.detail["attempts"] = list(getattr(fault, "attempts", ()))
        return refusal_response(call, refusal)
    ledger.answered_by, ledger.upstream_ms = answer.answered_by, round(answer.upstream_ms, 3)
    ledger.detail["attempts"] = list(answer.attempts)
    if answer.body is None:  # the provider's own 4xx, passed through faithfully
        ledger.status, ledger.outcome = answer.status, Outcome.UPSTREAM_ERROR
        ledger.detail["upstream_status"] = answer.status
        ctype = answer.headers.get("content-type", answer.headers.get("Content-Type", "application/json"))
        return Response(answer.raw, answer.status, headers=gateway_headers(call), media_type=ctype)
    ledger.usage = usage_from_body(call.api, answer.body)
    ledger.span.answer(call.api, answer.body)
    ledger.cost = ledger.usage.cost(ledger.price(route))
    body: Mapping[str, Any] = answer.body
    schema = requested_schema(call.api, call.payload)
    if schema is not None:
        try:
            body = await _structured(gw, call, route, ledger, body, schema)
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


async def _structured(
    gw: Gateway, call: Call, route: ModelRoute, ledger: Ledger, body: Mapping[str, Any], schema: Mapping[str, Any]
) -> Mapping[str, Any]:
    """Validate a JSON-Schema answer, re-asking with the errors (each attempt charged to the run)."""
    try:
        validator = gw.schemas.validator(schema)
    except SchemaError as exc:
        raise RefusedError(Refusal(Reason.REQUEST_INVALID, f"The requested JSON schema is invalid: {exc.message}",
                                   "structured_output", call.id)) from exc

    async def send(payload: Mapping[str, Any]) -> Mapping[str, Any]:
        try:
            again = await gw.forwarder.send(route, call.api, payload, call.headers)
        except UpstreamFault as fault:
            raise RefusedError(_fault_refusal(call, fault)) from fault
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


async def _stream(gw: Gateway, call: Call, route: ModelRoute, ledger: Ledger) -> Response:
    cm = gw.forwarder.stream(route, call.api, call.payload, call.headers)
    try:
        with ledger.span.activate():
            st = await cm.__aenter__()
    except UpstreamFault as fault:
        refusal = _fault_refusal(call, fault)
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
        return Response(body, st.status, headers=gateway_headers(call), media_type=ctype)
    keep_usage = bool((call.payload.get("stream_options") or {}).get("include_usage"))
    # Usage is always requested upstream (to settle budgets); a client that did not ask does not get it.
    strip_usage = call.api is Api.CHAT and not keep_usage
    transforms = gw.stream_transforms(call, ledger.rules)
    counter = StreamUsage(call.api)

    async def relay() -> AsyncIterator[bytes]:
        finished = False
        try:
            async for ev in events(st.chunks):
                counter.feed(ev.obj)
                ledger.span.event(ev.obj)
                if strip_usage and is_usage_only_chunk(ev.obj):
                    continue
                for out in run_transforms(ev, transforms):
                    yield out.raw
            for out in end_transforms(transforms):
                yield out.raw
            finished = True
        except StreamBlocked as blocked:
            ledger.refused(blocked.refusal)
            yield error_event(call.api, blocked.refusal)
            finished = True
        except UpstreamFault as fault:
            refusal = _fault_refusal(call, fault)
            ledger.refused(refusal, Outcome.UPSTREAM_ERROR)
            yield error_event(call.api, refusal)
            finished = True
        finally:
            with anyio.CancelScope(shield=True):
                if not finished:
                    ledger.outcome = Outcome.CANCELLED
                    ledger.detail["cancelled"] = "client disconnected mid-stream"
                ledger.usage = counter.usage
                ledger.cost = counter.usage.cost(ledger.price(route))
                ledger.upstream_ms = round((time.perf_counter() - st.started) * 1000, 3)
                try:
                    await cm.__aexit__(None, None, None)
                except Exception:
                    log.debug("closing the upstream stream failed", exc_info=True)
                await ledger.finish(gw)

    return StreamingResponse(relay(), media_type="text/event-stream", headers={
        **gateway_headers(call), "cache-control": "no-cache", "x-accel-buffering": "no"})
