"""Upstream failures become structured refusals; a provider's own 4xx passes through faithfully."""

from __future__ import annotations

import time

import httpx
import openai
import pytest

from tests.support.gateway import AGENT_KEY, RunningGateway
from tests.support.upstream import FakeUpstream


def client(gw: RunningGateway) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{gw.url}/v1", api_key=AGENT_KEY, max_retries=0)


def chat(gw: RunningGateway, **kw: object) -> httpx.Response:
    return httpx.post(f"{gw.url}/v1/chat/completions", headers={"x-api-key": AGENT_KEY, "x-wardgate-run-id": "r-f"},
                      json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "x"}], **kw}, timeout=10)


@pytest.mark.parametrize("status", [500, 503])
def test_upstream_5xx_is_502(gateway: RunningGateway, upstream: FakeUpstream, status: int) -> None:
    upstream.behaviour.status = status
    with pytest.raises(openai.InternalServerError) as exc:
        client(gateway).chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "x"}])
    assert exc.value.status_code == 502
    assert isinstance(exc.value.body, dict) and exc.value.body["code"] == "upstream-error"


def test_upstream_timeout_is_504(gateway: RunningGateway, upstream: FakeUpstream) -> None:
    upstream.behaviour.delay_s = 3.0  # the model's timeout_s is 2
    r = chat(gateway)
    assert r.status_code == 504 and r.json()["error"]["code"] == "upstream-timeout"
    assert gateway.run_trace("r-f")["calls"][0]["outcome"] == "upstream-error"


def test_malformed_upstream_json_is_502(gateway: RunningGateway, upstream: FakeUpstream) -> None:
    upstream.behaviour.raw = b"{this is not json"
    r = chat(gateway)
    assert r.status_code == 502 and "malformed" in r.json()["error"]["message"]


def test_provider_4xx_passes_through(gateway: RunningGateway, upstream: FakeUpstream) -> None:
    upstream.behaviour.status = 400
    r = chat(gateway)
    assert r.status_code == 400
    assert r.json() == {"error": {"message": "fake upstream error 400", "type": "server_error"}}


def test_unreachable_upstream_is_502(gateway: RunningGateway, upstream: FakeUpstream) -> None:
    upstream.stop()
    r = chat(gateway)
    assert r.status_code == 502 and r.json()["error"]["code"] == "upstream-error"


def test_streamed_upstream_5xx_is_502(gateway: RunningGateway, upstream: FakeUpstream) -> None:
    upstream.behaviour.status = 500
    assert chat(gateway, stream=True).status_code == 502


def test_client_disconnect_mid_stream_is_traced_and_leaks_nothing(gateway: RunningGateway, upstream: FakeUpstream) -> None:
    async def tasks() -> int:
        import asyncio
        return len(asyncio.all_tasks()) - 1

    upstream.behaviour.stream_delay_s = 0.2
    from tests.support.upstream import chat_stream_events
    upstream.stream_events = lambda p, b: chat_stream_events([f"w{i} " for i in range(50)])
    idle = gateway.servers.call(tasks())
    with httpx.stream("POST", f"{gateway.url}/v1/chat/completions", timeout=10,
                      headers={"x-api-key": AGENT_KEY, "x-wardgate-run-id": "r-cut"},
                      json={"model": "gpt-4o-mini", "stream": True, "messages": [{"role": "user", "content": "x"}]}) as r:
        it = r.iter_bytes()
        next(it)
        next(it)
        assert gateway.servers.call(tasks()) > idle  # the relay is alive while the client reads
    deadline = time.time() + 5
    call = None
    while time.time() < deadline:
        trace = gateway.run_trace("r-cut")
        call = trace["calls"][0] if trace and trace["calls"] and "outcome" in trace["calls"][0] else None
        if call and call["outcome"] != "in-flight":
            break
        time.sleep(0.05)
    assert call is not None and call["outcome"] == "cancelled"

    assert gateway.servers.call(tasks()) == idle
