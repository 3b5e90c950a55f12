"""The real `anthropic` SDK through the gateway."""

from __future__ import annotations

import anthropic
import pytest

from tests.support.gateway import AGENT_KEY, RunningGateway
from tests.support.upstream import FakeUpstream


def client(gw: RunningGateway, key: str = AGENT_KEY) -> anthropic.Anthropic:
    return anthropic.Anthropic(base_url=gw.url, api_key=key, max_retries=0,
                               default_headers={"x-wardgate-run-id": "run-anth"})


def test_messages_plain(gateway: RunningGateway, upstream: FakeUpstream) -> None:
    m = client(gateway).messages.create(model="claude-sonnet-4", max_tokens=20,
                                        messages=[{"role": "user", "content": "hi"}])
    assert m.content[0].text == "anthropic upstream says hi"  # type: ignore[union-attr]
    got = upstream.received[-1]
    assert got.path == "/v1/messages" and got.headers["x-api-key"] == "sk-ant-x"
    assert got.body["model"] == "claude-sonnet-4"
    call = gateway.run_trace("run-anth")["calls"][0]
    assert (call["prompt_tokens"], call["completion_tokens"]) == (9, 5)


def test_messages_streamed(gateway: RunningGateway) -> None:
    with client(gateway).messages.stream(model="claude-sonnet-4", max_tokens=20,
                                         messages=[{"role": "user", "content": "hi"}]) as s:
        assert s.get_final_text() == "anthropic streamed hi"
    call = gateway.run_trace("run-anth")["calls"][0]
    assert (call["prompt_tokens"], call["completion_tokens"]) == (12, 3)


def test_refusal_in_anthropic_shape(gateway: RunningGateway) -> None:
    with pytest.raises(anthropic.AuthenticationError) as exc:
        client(gateway, "nope").messages.create(model="claude-x", max_tokens=5,
                                                messages=[{"role": "user", "content": "hi"}])
    body = exc.value.body
    assert isinstance(body, dict) and body["type"] == "error"
    assert body["error"]["type"] == "authentication_error" and body["error"]["code"] == "unauthenticated"


def test_echo_model_on_messages(gateway: RunningGateway) -> None:
    m = client(gateway).messages.create(model="echo", max_tokens=20, messages=[{"role": "user", "content": "echo me"}])
    assert m.content[0].text == "echo me"  # type: ignore[union-attr]
