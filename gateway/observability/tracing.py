"""OpenTelemetry tracing: off by default and then free (no provider, no instrumentation, no spans).

`Tracing` is the disabled form: every method is a no-op returning shared singletons. `OtelTracing`
owns one TracerProvider per gateway (never the global one), instruments the FastAPI apps in the
app factory, and makes the spans the gateway adds: one per check, one per LLM call (gen_ai
attributes), one per tool call. Spans carry names, ids, counts and codes — never content.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol

from gateway.model import Action, Api, Call, Mode, Verdict
from gateway.observability.genai import StreamAttributes, request_attributes, response_attributes

if TYPE_CHECKING:
    from fastapi import FastAPI
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SpanExporter
    from opentelemetry.trace import Span

# Never traced: probes and scrapes would drown the calls.
EXCLUDED_URLS = "/healthz,/readyz,/metrics"


class _Ended(Protocol):
    """What an LLM span reads from the call's ledger when it ends."""

    status: int
    usage: Any
    cost: float
    answered_by: str | None

    @property
    def outcome(self) -> Any: ...

    @property
    def reason(self) -> Any: ...


class CheckSpan:
    """The disabled check span."""

    __slots__ = ()

    def __enter__(self) -> CheckSpan:
        return self

    def __exit__(self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None) -> None:
        return None

    def verdict(self, verdict: Verdict, mode: Mode) -> None:
        return None


class LlmSpan:
    """The disabled LLM-call span."""

    __slots__ = ()
    trace_id: str | None = None

    def activate(self) -> contextlib.AbstractContextManager[Any]:
        return _NULL

    def answer(self, api: Api, body: Mapping[str, Any]) -> None:
        return None

    def event(self, obj: Any) -> None:
        return None

    def finish(self, ledger: _Ended) -> None:
        return None


class ToolSpan:
    """The disabled tool-call span (a context manager; `result` records the outcome)."""

    __slots__ = ()

    def __enter__(self) -> ToolSpan:
        return self

    def __exit__(self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None) -> None:
        return None

    def result(self, status: str, upstream_status: int | None = None, error: str | None = None) -> None:
        return None


_NULL = contextlib.nullcontext()
NO_CHECK_SPAN = CheckSpan()
NO_LLM_SPAN = LlmSpan()
NO_TOOL_SPAN = ToolSpan()


class Tracing:
    """Tracing switched off: nothing is created, nothing is instrumented."""

    enabled = False

    def instrument(self, app: FastAPI) -> None:
        return None

    def check(self, name: str, phase: str) -> CheckSpan:
        return NO_CHECK_SPAN

    def llm_span(self, call: Call, provider: str, upstream_model: str) -> LlmSpan:
        return NO_LLM_SPAN

    def tool_span(self, call: Call, tool: str) -> ToolSpan:
        return NO_TOOL_SPAN

    def trace_id(self) -> str | None:
        return None

    def inject(self, headers: dict[str, str]) -> None:
        return None

    def shutdown(self) -> None:
        return None


NO_TRACING = Tracing()


def _hex_trace_id(span: Span) -> str | None:
    ctx = span.get_span_context()
    return format(ctx.trace_id, "032x") if ctx.is_valid else None


class _OtelCheckSpan(CheckSpan):
    __slots__ = ("_cm", "_span")

    def __init__(self, cm: contextlib.AbstractContextManager[Span]) -> None:
        self._cm = cm

    def __enter__(self) -> _OtelCheckSpan:
        self._span = self._cm.__enter__()
        return self

    def __exit__(self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None) -> None:
        self._cm.__exit__(t, e, tb)

    def verdict(self, verdict: Verdict, mode: Mode) -> None:
        from opentelemetry.trace import Status, StatusCode

        s = self._span
        s.set_attribute("wardgate.verdict.action", verdict.action.value)
        s.set_attribute("wardgate.check.mode", mode.value)
        if verdict.reason is not None:
            s.set_attribute("wardgate.verdict.reason", verdict.reason.value)
        error = (verdict.detail or {}).get("error")
        if isinstance(error, str):  # the check raised: only the exception's type, never its message
            s.set_attribute("error.type", error)
            s.set_status(Status(StatusCode.ERROR, f"check raised {error}"))
        if mode is Mode.MONITOR and verdict.action is not Action.CONTINUE:
            s.set_attribute("wardgate.verdict.enforced", False)


class _OtelLlmSpan(LlmSpan):
    __slots__ = ("_api", "_span", "_stream", "trace_id")

    def __init__(self, span: Span, api: Api, streaming: bool) -> None:
        self._span = span
        self._api = api
        self._stream = StreamAttributes(api) if streaming else None
        self.trace_id = _hex_trace_id(span)

    def activate(self) -> contextlib.AbstractContextManager[Any]:
        from opentelemetry.trace import use_span

        return use_span(self._span, end_on_exit=False, record_exception=False, set_status_on_exception=False)

    def answer(self, api: Api, body: Mapping[str, Any]) -> None:
        self._span.set_attributes(response_attributes(api, body))

    def event(self, obj: Any) -> None:
        if self._stream is not None:
            self._stream.feed(obj)

    def finish(self, ledger: _Ended) -> None:
        from opentelemetry.trace import Status, StatusCode

        s = self._span
        if self._stream is not None:
            s.set_attributes(self._stream.result())
        u = ledger.usage
        s.set_attributes({
            "gen_ai.usage.input_tokens": u.prompt_tokens, "gen_ai.usage.output_tokens": u.completion_tokens,
            "wardgate.cost_usd": ledger.cost, "wardgate.outcome": str(ledger.outcome),
            "http.response.status_code": ledger.status,
        })
        if ledger.answered_by:
            s.set_attribute("wardgate.answered_by", ledger.answered_by)
        if ledger.reason is not None:
            s.set_attribute("error.type", str(ledger.reason))
        if ledger.status >= 500:
            s.set_status(Status(StatusCode.ERROR, str(ledger.reason or ledger.status)))
        s.end()


class _OtelToolSpan(ToolSpan):
    __slots__ = ("_cm", "_span")

    def __init__(self, cm: contextlib.AbstractContextManager[Span]) -> None:
        self._cm = cm

    def __enter__(self) -> _OtelToolSpan:
        self._span = self._cm.__enter__()
        return self

    def __exit__(self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None) -> None:
        if t is not None:  # a fault reaching the tool: its type only (messages can quote arguments)
            from opentelemetry.trace import Status, StatusCode

            self._span.set_attribute("error.type", t.__name__)
            self._span.set_status(Status(StatusCode.ERROR, t.__name__))
        self._cm.__exit__(t, e, tb)

    def result(self, status: str, upstream_status: int | None = None, error: str | None = None) -> None:
        from opentelemetry.trace import Status, StatusCode

        s = self._span
        s.set_attribute("wardgate.tool.status", status)
        if upstream_status is not None:
            s.set_attribute("http.response.status_code", upstream_status)
        if error is not None:
            s.set_attribute("error.type", error)
            s.set_status(Status(StatusCode.ERROR, error))


def _call_attributes(call: Call) -> dict[str, Any]:
    attrs: dict[str, Any] = {"wardgate.decision_id": call.id, "wardgate.run_id": call.run_id}
    if call.agent_id:
        attrs["wardgate.agent_id"] = call.agent_id
    return attrs


class OtelTracing(Tracing):
    enabled = True

    def __init__(self, provider: TracerProvider) -> None:
        from opentelemetry import propagate

        self.provider = provider
        self._tracer = provider.get_tracer("wardgate")
        self._inject = propagate.inject

    def instrument(self, app: FastAPI) -> None:
        from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor
        from opentelemetry.metrics import NoOpMeterProvider

        FastAPIInstrumentor.instrument_app(
            app, tracer_provider=self.provider, meter_provider=NoOpMeterProvider(), excluded_urls=EXCLUDED_URLS,
            exclude_spans=["receive", "send"],
        )

    def check(self, name: str, phase: str) -> CheckSpan:
        return _OtelCheckSpan(self._tracer.start_as_current_span(
            f"wardgate.check {name}", attributes={"wardgate.check": name, "wardgate.phase": phase},
            record_exception=False, set_status_on_exception=False))

    def llm_span(self, call: Call, provider: str, upstream_model: str) -> LlmSpan:
        from opentelemetry.trace import SpanKind

        attrs = {**request_attributes(call.api, provider, upstream_model, call.payload), **_call_attributes(call),
                 "wardgate.model": call.target, "wardgate.streamed": call.streaming}
        span = self._tracer.start_span(f"{attrs['gen_ai.operation.name']} {upstream_model}", kind=SpanKind.CLIENT,
                                       attributes=attrs)
        return _OtelLlmSpan(span, call.api, call.streaming)

    def tool_span(self, call: Call, tool: str) -> ToolSpan:
        from opentelemetry.trace import SpanKind

        attrs = {"gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": tool, **_call_attributes(call)}
        return _OtelToolSpan(self._tracer.start_as_current_span(
            f"execute_tool {tool}", kind=SpanKind.CLIENT, attributes=attrs, record_exception=False,
            set_status_on_exception=False))

    def trace_id(self) -> str | None:
        from opentelemetry.trace import get_current_span

        return _hex_trace_id(get_current_span())

    def inject(self, headers: dict[str, str]) -> None:
        self._inject(headers)

    def shutdown(self) -> None:
        self.provider.shutdown()


def otel_tracing(service_name: str, exporter: SpanExporter | None = None, batch: bool = True) -> OtelTracing:
    """A tracer provider of our own; the exporter defaults to OTLP/HTTP configured by the OTEL_* variables."""
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor, SimpleSpanProcessor

    if exporter is None:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        exporter = OTLPSpanExporter()
    provider = TracerProvider(resource=Resource.create({"service.name": service_name}))
    provider.add_span_processor(BatchSpanProcessor(exporter) if batch else SimpleSpanProcessor(exporter))
    return OtelTracing(provider)


def build_tracing(enabled: bool, service_name: str) -> Tracing:
    return otel_tracing(service_name) if enabled else NO_TRACING
