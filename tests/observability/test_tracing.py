"""The span tree of one chat call and one tool call, exported in memory; traceparent in and out; off = nothing."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from gateway.observability.tracing import NO_TRACING, otel_tracing
from tests.approvals.harness import write_all
from tests.observability.support import start
from tests.support.gateway import AGENT_KEY, RunningGateway
from tests.support.upstream import FakeUpstream

AGENT_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"
AGENT_SPAN = "00f067aa0ba902b7"
TRACEPARENT = f"00-{AGENT_TRACE}-{AGENT_SPAN}-01"


@pytest.fixture
def exporter() -> InMemorySpanExporter:
    return InMemorySpanExporter()


@pytest.fixture
def gw(tmp_path: Path, upstream: FakeUpstream, exporter: InMemorySpanExporter) -> Iterator[RunningGateway]:
    upstream.behaviour.handler = _answer
    rules_dir, tools_dir = write_all(tmp_path, upstream.url)
    running = start(rules_dir, tmp_path / "state", tools_dir, tracing=otel_tracing("wardgate-test", exporter, batch=False))
    yield running
    running.stop()


def _answer(path: str, body: Any) -> Any:
    from tests.support.upstream import _default

    return {"done": True} if path == "/tool" else _default(path, body)


def finished(exporter: InMemorySpanExporter, kind: SpanKind = SpanKind.SERVER) -> tuple[ReadableSpan, ...]:
    """The finished spans, once the server span is among them (it ends just after the answer is sent)."""
    deadline = time.monotonic() + 5
    while not any(s.kind is kind for s in exporter.get_finished_spans()) and time.monotonic() < deadline:
        time.sleep(0.01)
    return exporter.get_finished_spans()


def headers(run: str) -> dict[str, str]:
    return {"authorization": f"Bearer {AGENT_KEY}", "x-wardgate-run-id": run, "traceparent": TRACEPARENT}


def by_name(spans: tuple[ReadableSpan, ...], name: str) -> ReadableSpan:
    found = [s for s in spans if s.name == name]
    assert len(found) == 1, [s.name for s in spans]
    return found[0]


def hex_id(span: ReadableSpan) -> str:
    assert span.context is not None
    return format(span.context.span_id, "016x")


def parent_of(span: ReadableSpan) -> str:
    assert span.parent is not None
    return format(span.parent.span_id, "016x")


def test_chat_call_span_tree(gw: RunningGateway, upstream: FakeUpstream, exporter: InMemorySpanExporter) -> None:
    r = httpx.post(f"{gw.url}/v1/chat/completions", headers=headers("run-t1"), timeout=10,
                   json={"model": "gpt-4o-mini", "max_tokens": 50, "messages": [{"role": "user", "content": "hi"}]})
    assert r.status_code == 200
    spans = finished(exporter)
    assert {format(s.context.trace_id, "032x") for s in spans if s.context} == {AGENT_TRACE}  # joined the agent's
    assert not [s for s in spans if s.name.endswith((" receive", " send"))]   # the ASGI spans are excluded
    server = by_name(spans, "POST /v1/chat/completions")
    assert server.kind is SpanKind.SERVER and parent_of(server) == AGENT_SPAN
    checks = [s for s in spans if s.name.startswith("wardgate.check ")]
    assert [s.name for s in checks][:2] == ["wardgate.check authenticate", "wardgate.check permission"]
    for s in checks:
        assert parent_of(s) == hex_id(server)
        assert s.attributes is not None and s.attributes["wardgate.verdict.action"] == "continue"
        assert s.attributes["wardgate.check.mode"] == "enforce" and s.attributes["wardgate.phase"] in {"request", "response"}
    llm = by_name(spans, "chat gpt-4o-mini")
    assert llm.kind is SpanKind.CLIENT and parent_of(llm) == hex_id(server)
    a = dict(llm.attributes or {})
    assert a["gen_ai.operation.name"] == "chat" and a["gen_ai.provider.name"] == a["gen_ai.system"] == "openai"
    assert a["gen_ai.request.model"] == "gpt-4o-mini" and a["gen_ai.response.model"] == "gpt-4o-mini"
    assert a["gen_ai.request.max_tokens"] == 50 and a["gen_ai.response.finish_reasons"] == ("stop",)
    assert (a["gen_ai.usage.input_tokens"], a["gen_ai.usage.output_tokens"]) == (11, 7)
    assert a["wardgate.run_id"] == "run-t1" and a["wardgate.agent_id"] == "tester"
    # the upstream request carries the LLM span as its parent, in the agent's trace
    sent = upstream.received[-1].headers["traceparent"]
    assert sent == f"00-{AGENT_TRACE}-{hex_id(llm)}-01"
    # one can jump from the run trace to the tracing backend
    assert gw.run_trace("run-t1")["calls"][0]["trace_id"] == AGENT_TRACE


def test_streamed_call_span_gets_usage_and_finish_reason(gw: RunningGateway, exporter: InMemorySpanExporter) -> None:
    r = httpx.post(f"{gw.url}/v1/chat/completions", headers=headers("run-t2"), timeout=10,
                   json={"model": "gpt-4o-mini", "stream": True, "messages": [{"role": "user", "content": "hi"}]})
    assert r.status_code == 200 and "[DONE]" in r.text
    gw.run_trace("run-t2")
    a = dict(by_name(finished(exporter), "chat gpt-4o-mini").attributes or {})
    assert a["gen_ai.response.finish_reasons"] == ("stop",) and a["gen_ai.usage.input_tokens"] == 10
    assert a["wardgate.streamed"] is True


def test_refused_call_has_check_span_with_reason(gw: RunningGateway, exporter: InMemorySpanExporter) -> None:
    r = httpx.post(f"{gw.url}/v1/chat/completions", headers={**headers("run-t3"), "authorization": "Bearer nope"},
                   json={"model": "gpt-4o-mini", "messages": []}, timeout=10)
    assert r.status_code == 401
    auth = by_name(finished(exporter), "wardgate.check authenticate")
    assert auth.attributes is not None and auth.attributes["wardgate.verdict.action"] == "deny"
    assert auth.attributes["wardgate.verdict.reason"] == "unauthenticated"


def test_tool_call_span_tree(gw: RunningGateway, upstream: FakeUpstream, exporter: InMemorySpanExporter) -> None:
    r = httpx.post(f"{gw.url}/v1/tools/tickets.create/invoke", headers=headers("run-t4"), timeout=10,
                   json={"arguments": {"title": "x"}})
    assert r.status_code == 200, r.text
    spans = finished(exporter)
    server = next(s for s in spans if s.kind is SpanKind.SERVER)
    assert parent_of(server) == AGENT_SPAN
    checks = [s for s in spans if s.name.startswith("wardgate.check ")]
    assert checks and all(parent_of(s) == hex_id(server) for s in checks)
    tool = by_name(spans, "execute_tool tickets.create")
    assert tool.kind is SpanKind.CLIENT and parent_of(tool) == hex_id(server)
    a = dict(tool.attributes or {})
    assert a["gen_ai.operation.name"] == "execute_tool" and a["gen_ai.tool.name"] == "tickets.create"
    assert a["wardgate.tool.status"] == "success" and a["wardgate.run_id"] == "run-t4"
    sent = [x for x in upstream.received if x.path == "/tool"][-1].headers["traceparent"]
    assert sent == f"00-{AGENT_TRACE}-{hex_id(tool)}-01"


def test_tracing_off_creates_nothing(tmp_path: Path, upstream: FakeUpstream) -> None:
    rules_dir, tools_dir = write_all(tmp_path, upstream.url)
    running = start(rules_dir, tmp_path / "state", tools_dir)
    try:
        gw = running.gw
        assert gw.tracing is NO_TRACING and gw.runner.tracing is NO_TRACING and gw.forwarder.client.propagate is None
        r = httpx.post(f"{running.url}/v1/chat/completions", headers=headers("run-off"), timeout=10,
                       json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]})
        assert r.status_code == 200
        # no span of the gateway's own: the agent's trace context passes through unchanged
        assert upstream.received[-1].headers["traceparent"] == TRACEPARENT
        assert running.run_trace("run-off")["calls"][0]["trace_id"] is None
    finally:
        running.stop()
