"""Streamed tool-call deltas are held until the call is complete and checked: block, strip, or pass."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anthropic
import openai
import pytest

from tests.support.gateway import AGENT_KEY, RunningGateway
from tests.support.upstream import FakeUpstream
from tests.tools.fixtures import run_tool_gateway, run_tools_upstream
from tests.tools.support import LIMITED_KEY, RunningUpstream

BASE = {"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "m"}


def sse(obj: dict[str, Any], event: str | None = None) -> bytes:
    return (f"event: {event}\n" if event else "").encode() + f"data: {json.dumps(obj)}\n\n".encode()


def chat_tool_stream(calls: list[tuple[str, str]], text: str = "") -> list[bytes]:
    out = [sse({**BASE, "choices": [{"index": 0, "delta": {"role": "assistant", "content": text}}]})]
    for i, (name, args) in enumerate(calls):
        out.append(sse({**BASE, "choices": [{"index": 0, "delta": {"tool_calls": [
            {"index": i, "id": f"call_{i}", "type": "function", "function": {"name": name, "arguments": ""}}]}}]}))
        for piece in (args[: len(args) // 2], args[len(args) // 2 :]):
            out.append(sse({**BASE, "choices": [{"index": 0, "delta": {"tool_calls": [
                {"index": i, "function": {"arguments": piece}}]}}]}))
    out.append(sse({**BASE, "choices": [{"index": 0, "delta": {}, "finish_reason": "tool_calls"}]}))
    return [*out, b"data: [DONE]\n\n"]


def anthropic_tool_stream(name: str, args: str) -> list[bytes]:
    return [
        sse({"type": "message_start", "message": {"id": "m", "type": "message", "role": "assistant", "model": "c",
             "content": [], "stop_reason": None, "stop_sequence": None,
             "usage": {"input_tokens": 5, "output_tokens": 1}}}, "message_start"),
        sse({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
            "content_block_start"),
        sse({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Let me check."}},
            "content_block_delta"),
        sse({"type": "content_block_stop", "index": 0}, "content_block_stop"),
        sse({"type": "content_block_start", "index": 1, "content_block": {"type": "tool_use", "id": "t1",
             "name": name, "input": {}}}, "content_block_start"),
        sse({"type": "content_block_delta", "index": 1, "delta": {"type": "input_json_delta", "partial_json": args}},
            "content_block_delta"),
        sse({"type": "content_block_stop", "index": 1}, "content_block_stop"),
        sse({"type": "message_delta", "delta": {"stop_reason": "tool_use", "stop_sequence": None},
             "usage": {"output_tokens": 9}}, "message_delta"),
        sse({"type": "message_stop"}, "message_stop"),
    ]


@pytest.fixture
def tools_upstream() -> Iterator[RunningUpstream]:
    yield from run_tools_upstream()


@pytest.fixture
def gw(tmp_path: Path, upstream: FakeUpstream, tools_upstream: RunningUpstream,
       request: pytest.FixtureRequest) -> Iterator[RunningGateway]:
    yield from run_tool_gateway(tmp_path, upstream, tools_upstream, proposed=getattr(request, "param", "monitor"))


def collect(client: openai.OpenAI) -> dict[int, tuple[str, str]]:
    calls: dict[int, list[str]] = {}
    for chunk in client.chat.completions.create(model="gpt-4o-mini", stream=True,
                                                messages=[{"role": "user", "content": "x"}]):
        for tc in (chunk.choices[0].delta.tool_calls or []) if chunk.choices else []:
            entry = calls.setdefault(tc.index, ["", ""])
            entry[0] += (tc.function.name or "") if tc.function else ""
            entry[1] += (tc.function.arguments or "") if tc.function else ""
    return {i: (n, a) for i, (n, a) in calls.items()}


def test_allowed_streamed_call_is_released_whole(gw: RunningGateway, upstream: FakeUpstream) -> None:
    upstream.stream_events = lambda p, b: chat_tool_stream([("weather__current", '{"city": "Oslo"}')])
    c = openai.OpenAI(base_url=f"{gw.url}/v1", api_key=LIMITED_KEY, max_retries=0)
    assert collect(c) == {0: ("weather__current", '{"city": "Oslo"}')}


def test_forbidden_streamed_call_ends_the_stream_with_an_error(gw: RunningGateway, upstream: FakeUpstream) -> None:
    upstream.stream_events = lambda p, b: chat_tool_stream([("tickets__create", '{"title": "x"}')])
    c = openai.OpenAI(base_url=f"{gw.url}/v1", api_key=LIMITED_KEY, max_retries=0)
    with pytest.raises(openai.APIError) as exc:
        collect(c)
    assert "may not make" in exc.value.message


@pytest.mark.parametrize("gw", ["strip"], indirect=True)
def test_strip_removes_only_the_bad_call(gw: RunningGateway, upstream: FakeUpstream) -> None:
    upstream.stream_events = lambda p, b: chat_tool_stream(
        [("weather__current", '{"city": "Oslo"}'), ("docs__delete_docs", '{"slug": "a"}')])
    c = openai.OpenAI(base_url=f"{gw.url}/v1", api_key=AGENT_KEY, max_retries=0)
    assert collect(c) == {0: ("weather__current", '{"city": "Oslo"}')}


@pytest.mark.parametrize("gw", ["strip"], indirect=True)
def test_strip_in_anthropic_stream_keeps_the_sdk_consistent(gw: RunningGateway, upstream: FakeUpstream) -> None:
    upstream.stream_events = lambda p, b: anthropic_tool_stream("docs__delete_docs", '{"slug": "a"}')
    a = anthropic.Anthropic(base_url=gw.url, api_key=AGENT_KEY, max_retries=0)
    with a.messages.stream(model="claude-x", max_tokens=20, messages=[{"role": "user", "content": "x"}]) as s:
        final = s.get_final_message()
    assert [b.type for b in final.content] == ["text"] and final.stop_reason == "end_turn"


def test_allowed_anthropic_tool_use_is_released(gw: RunningGateway, upstream: FakeUpstream) -> None:
    upstream.stream_events = lambda p, b: anthropic_tool_stream("weather__current", '{"city": "Oslo"}')
    a = anthropic.Anthropic(base_url=gw.url, api_key=LIMITED_KEY, max_retries=0)
    with a.messages.stream(model="claude-x", max_tokens=20, messages=[{"role": "user", "content": "x"}]) as s:
        final = s.get_final_message()
    assert final.content[1].type == "tool_use" and final.content[1].input == {"city": "Oslo"}  # type: ignore[union-attr]
