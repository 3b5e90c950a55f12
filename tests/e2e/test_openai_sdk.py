"""The real `openai` SDK through the gateway to a real upstream on loopback."""

from __future__ import annotations

import httpx
import openai
import pytest

from tests.support.gateway import AGENT_KEY, RunningGateway
from tests.support.upstream import FakeUpstream


def client(gw: RunningGateway, key: str = AGENT_KEY, **headers: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{gw.url}/v1", api_key=key, max_retries=0, default_headers=headers)


def test_chat_plain_reaches_upstream_with_provider_key_and_upstream_model(gateway: RunningGateway, upstream: FakeUpstream) -> None:
    r = client(gateway, **{"x-wardgate-run-id": "run-plain"}).chat.completions.with_raw_response.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}])
    body = r.parse()
    assert body.choices[0].message.content == "upstream says hi"
    assert r.headers["x-wardgate-run-id"] == "run-plain"
    assert r.headers["x-wardgate-decision-id"].startswith("dec_")
    got = upstream.received[-1]
    assert got.path == "/v1/chat/completions"
    assert got.headers["authorization"] == "Bearer sk-x"  # the provider key, never the agent key
    assert got.body["messages"] == [{"role": "user", "content": "hi"}]
    trace = gateway.run_trace("run-plain")
    call = trace["calls"][0]
    assert (call["prompt_tokens"], call["completion_tokens"]) == (11, 7)
    assert call["cost_usd"] == pytest.approx((11 * 1.0 + 7 * 2.0) / 1e6)
    checks = [d["check"] for d in call["decisions"]]
    assert checks[0] == "authenticate" and "permission" in checks
    assert all(d["action"] == "continue" for d in call["decisions"])
    assert all(d["revision"] == gateway.gw.rules.current.revision for d in call["decisions"])


def test_run_id_is_created_when_absent(gateway: RunningGateway) -> None:
    r = client(gateway).chat.completions.with_raw_response.create(
        model="echo", messages=[{"role": "user", "content": "x"}])
    assert r.headers["x-wardgate-run-id"].startswith("run_")


def test_chat_stream_forwards_chunks_and_counts_usage(gateway: RunningGateway, upstream: FakeUpstream) -> None:
    c = client(gateway, **{"x-wardgate-run-id": "run-stream"})
    chunks = list(c.chat.completions.create(model="gpt-4o-mini", stream=True,
                                            messages=[{"role": "user", "content": "hi"}]))
    text = "".join(ch.choices[0].delta.content or "" for ch in chunks if ch.choices)
    assert text == "upstream streamed hi"
    assert all(ch.usage is None for ch in chunks)  # client did not ask for usage: not sent
    assert upstream.received[-1].body["stream_options"] == {"include_usage": True}  # but gateway asked upstream
    call = gateway.run_trace("run-stream")["calls"][0]
    assert (call["prompt_tokens"], call["completion_tokens"], call["streamed"]) == (10, 3, True)


def test_chat_stream_with_usage_requested(gateway: RunningGateway) -> None:
    chunks = list(client(gateway).chat.completions.create(
        model="gpt-4o-mini", stream=True, stream_options={"include_usage": True},
        messages=[{"role": "user", "content": "hi"}]))
    assert chunks[-1].usage is not None and chunks[-1].usage.completion_tokens == 3


def test_tools_and_tool_call_deltas_pass_through(gateway: RunningGateway, upstream: FakeUpstream) -> None:
    tool_calls = [{"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": '{"city":"Oslo"}'}}]
    from tests.support.upstream import chat_body
    upstream.behaviour.handler = lambda path, body: chat_body("", tool_calls=tool_calls)
    tools = [{"type": "function", "function": {"name": "get_weather", "parameters": {"type": "object"}}}]
    r = client(gateway).chat.completions.create(model="gpt-4o-mini", tools=tools,
                                                messages=[{"role": "user", "content": "weather?"}])
    assert r.choices[0].message.tool_calls[0].function.name == "get_weather"
    assert upstream.received[-1].body["tools"] == tools
    import json as _json
    base = {"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "m"}
    deltas = [{"index": 0, "id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": ""}},
              {"index": 0, "function": {"arguments": '{"city":'}}, {"index": 0, "function": {"arguments": '"Oslo"}'}}]
    events = [f"data: {_json.dumps({**base, 'choices': [{'index': 0, 'delta': {'tool_calls': [d]}}]})}\n\n".encode()
              for d in deltas]
    events.append(f"data: {_json.dumps({**base, 'choices': [{'index': 0, 'delta': {}, 'finish_reason': 'tool_calls'}]})}\n\n".encode())
    upstream.stream_events = lambda path, body: [*events, b"data: [DONE]\n\n"]
    args = ""
    for ch in client(gateway).chat.completions.create(model="gpt-4o-mini", tools=tools, stream=True,
                                                      messages=[{"role": "user", "content": "weather?"}]):
        for tc in (ch.choices[0].delta.tool_calls or []) if ch.choices else []:
            args += tc.function.arguments or ""
    assert _json.loads(args) == {"city": "Oslo"}


def test_responses_plain_and_streamed(gateway: RunningGateway, upstream: FakeUpstream) -> None:
    c = client(gateway)
    assert c.responses.create(model="gpt-4o-mini", input="hello").output_text == "upstream says hi"
    assert upstream.received[-1].path == "/v1/responses"
    with c.responses.stream(model="echo", input="stream this") as s:
        deltas = [e.delta for e in s if e.type == "response.output_text.delta"]
        final = s.get_final_response()
    assert "".join(deltas) == "stream this" and final.usage is not None


def test_embeddings(gateway: RunningGateway, upstream: FakeUpstream) -> None:
    r = client(gateway).embeddings.create(model="text-embedding-3-small", input="abc")
    assert r.data[0].embedding == [0.1, 0.2, 0.3]
    assert upstream.received[-1].path == "/v1/embeddings"


def test_models_lists_only_allowed_models(gateway: RunningGateway) -> None:
    ids = {m.id for m in client(gateway).models.list()}
    assert ids == {"echo", "gpt-4o-mini", "text-embedding-3-small"}  # gpt-4o is denied; globs are not listed
    from tests.support.gateway import OTHER_KEY
    assert {m.id for m in client(gateway, OTHER_KEY).models.list()} == {"echo"}


@pytest.mark.parametrize("key", ["wrong-key", ""])
def test_unknown_or_missing_key_is_401(gateway: RunningGateway, key: str) -> None:
    r = httpx.post(f"{gateway.url}/v1/chat/completions", json={"model": "echo", "messages": []},
                   headers={"authorization": f"Bearer {key}"} if key else {})
    assert r.status_code == 401
    assert r.json()["error"]["code"] == "unauthenticated"
    assert r.json()["error"]["check"] == "authenticate"


@pytest.mark.parametrize("model", ["gpt-4o", "not-a-model", "gpt-4o-mini-x"])
def test_model_not_allowed_is_403(gateway: RunningGateway, model: str) -> None:
    with pytest.raises(openai.PermissionDeniedError) as exc:
        client(gateway).chat.completions.create(model=model, messages=[{"role": "user", "content": "x"}])
    err = exc.value.body
    assert isinstance(err, dict)
    assert err["code"] == "model-not-allowed" and err["decision_id"].startswith("dec_")


def test_x_api_key_header_authenticates_too(gateway: RunningGateway) -> None:
    r = httpx.post(f"{gateway.url}/v1/chat/completions", headers={"x-api-key": AGENT_KEY},
                   json={"model": "echo", "messages": [{"role": "user", "content": "ok"}]})
    assert r.status_code == 200 and r.json()["choices"][0]["message"]["content"] == "ok"


def test_malformed_request_body_is_400(gateway: RunningGateway) -> None:
    r = httpx.post(f"{gateway.url}/v1/chat/completions", content=b"{not json", headers={"x-api-key": AGENT_KEY})
    assert r.status_code == 400 and r.json()["error"]["code"] == "request-invalid"


def test_agent_trace_context_reaches_the_upstream_with_tracing_off(gateway: RunningGateway, upstream: FakeUpstream) -> None:
    parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
    client(gateway, traceparent=parent, tracestate="vendor=1").chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}])
    got = upstream.received[-1].headers
    assert got["traceparent"] == parent and got["tracestate"] == "vendor=1"
