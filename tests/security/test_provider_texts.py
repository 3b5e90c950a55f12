"""Every text that leaves for the provider passes the shipped guards: secrets blocked, PII redacted.

Tool results fed back, tool-call arguments in the history, and the `user`, `metadata` and `name` fields,
on Chat, Anthropic Messages and Responses; the upstream is a real server on loopback that records what
it received."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.security.support import AWS_KEY, EMAIL, Hostile, start
from tests.support.gateway import AGENT_KEY, RunningGateway
from tests.support.upstream import FakeUpstream


@pytest.fixture
def gw(tmp_path: Path, upstream: FakeUpstream, hostile: Hostile) -> Iterator[RunningGateway]:
    running = start(tmp_path, upstream.url, hostile, guards=True)
    yield running
    running.stop()


def _chat(*messages: dict[str, Any], **extra: Any) -> tuple[str, dict[str, Any]]:
    return "/v1/chat/completions", {"model": "gpt-4o-mini", "messages": list(messages), **extra}


def _claude(*messages: dict[str, Any], **extra: Any) -> tuple[str, dict[str, Any]]:
    return "/v1/messages", {"model": "claude-x", "max_tokens": 16, "messages": list(messages), **extra}


def _responses(*items: dict[str, Any], **extra: Any) -> tuple[str, dict[str, Any]]:
    return "/v1/responses", {"model": "gpt-4o-mini", "input": list(items), **extra}


def _call(args: str) -> dict[str, Any]:
    return {"role": "assistant", "content": None, "tool_calls": [
        {"id": "call_1", "type": "function", "function": {"name": "lookup", "arguments": args}}]}


USER = {"role": "user", "content": "Please look this customer up."}
TOOL_USE = {"role": "assistant", "content": [{"type": "tool_use", "id": "tu_1", "name": "lookup",
                                              "input": {"query": "{}"}}]}


def _tool_use(value: str) -> dict[str, Any]:
    return {"role": "assistant", "content": [{"type": "tool_use", "id": "tu_1", "name": "lookup",
                                              "input": {"query": value}}]}


def _tool_result(value: str) -> dict[str, Any]:
    return {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "tu_1",
                                         "content": [{"type": "text", "text": value}]}]}


def _fn_call(args: str) -> dict[str, Any]:
    return {"type": "function_call", "call_id": "c1", "name": "lookup", "arguments": args}


def _fn_output(value: str) -> dict[str, Any]:
    return {"type": "function_call_output", "call_id": "c1", "output": value}


def _cases(value: str) -> list[tuple[str, tuple[str, dict[str, Any]]]]:
    arg = json.dumps({"customer": value})
    return [
        ("user message (control)", _chat({"role": "user", "content": f"customer {value}"})),
        ("chat role tool", _chat(USER, _call("{}"), {"role": "tool", "tool_call_id": "call_1",
                                                     "content": f"found: {value}"})),
        ("chat tool_calls arguments", _chat(USER, _call(arg), {"role": "tool", "tool_call_id": "call_1",
                                                               "content": "ok"})),
        ("chat user field", _chat(USER, user=f"end-user {value}")),
        ("chat metadata", _chat(USER, metadata={"ticket": f"about {value}"}, store=True)),
        ("chat message name", _chat({"role": "user", "content": "hi", "name": f"n {value}"})),
        ("anthropic tool_result", _claude(USER, TOOL_USE, _tool_result(f"found: {value}"))),
        ("anthropic tool_use input", _claude(USER, _tool_use(value), _tool_result("ok"))),
        ("anthropic metadata", _claude(USER, metadata={"user_id": f"u {value}"})),
        ("responses function_call_output", _responses(USER, _fn_call("{}"), _fn_output(f"found: {value}"))),
        ("responses function_call arguments", _responses(USER, _fn_call(arg), _fn_output("ok"))),
        ("responses user field", _responses(USER, user=f"end-user {value}")),
    ]


def _post(gw: RunningGateway, path: str, body: dict[str, Any]) -> httpx.Response:
    return httpx.post(f"{gw.url}{path}", json=body, timeout=30, headers={"authorization": f"Bearer {AGENT_KEY}"})


@pytest.mark.parametrize("case", range(len(_cases(""))), ids=[name for name, _ in _cases("")])
def test_a_secret_is_blocked_wherever_it_travels(gw: RunningGateway, upstream: FakeUpstream, case: int) -> None:
    _, (path, body) = _cases(AWS_KEY)[case]
    r = _post(gw, path, body)
    assert r.status_code == 400, r.text
    assert r.json()["error"]["code"] == "content-blocked"
    assert upstream.received == []


@pytest.mark.parametrize("case", range(len(_cases(""))), ids=[name for name, _ in _cases("")])
def test_pii_is_redacted_wherever_it_travels(gw: RunningGateway, upstream: FakeUpstream, case: int) -> None:
    _, (path, body) = _cases(EMAIL)[case]
    r = _post(gw, path, body)
    assert r.status_code == 200, r.text
    sent = json.dumps(upstream.received[-1].body)
    assert EMAIL not in sent and "<EMAIL_ADDRESS_1>" in sent
