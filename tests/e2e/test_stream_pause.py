"""Text the gateway has read and may release reaches the client while the upstream pauses: nothing in the stream
path (the relay's first-event read, the guard windows, the per-API event handlers, the response writer) holds it
until the upstream's next bytes. The upstream stops after "Hello there " until the test, having read those words
from the gateway, lets it go on; it waits at most 30 s and records which ended the pause. The gateway's read
timeout is 60 s here, so a hold-back shows as a pause the upstream ended itself, not as an upstream timeout."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from tests.support.gateway import AGENT_KEY, models_rules, start_gateway, write_rules
from tests.support.upstream import (
    FakeUpstream,
    anthropic_stream_events,
    chat_stream_events,
    responses_stream_events,
)

ROOT = Path(__file__).resolve().parents[2]
WORDS = ["Hello ", "there ", "again."]
MESSAGES = [{"role": "user", "content": "talk to me"}]


def _chat_text(obj: dict[str, Any]) -> str:
    return "".join((c.get("delta") or {}).get("content") or "" for c in obj.get("choices") or [])


def _messages_text(obj: dict[str, Any]) -> str:
    return str(obj["delta"].get("text", "")) if obj.get("type") == "content_block_delta" else ""


def _responses_text(obj: dict[str, Any]) -> str:
    return str(obj["delta"]) if obj.get("type") == "response.output_text.delta" else ""


# api: (path, request body, the upstream's events, the text of one client-bound event)
APIS: dict[str, tuple[str, dict[str, Any], list[bytes], Callable[[dict[str, Any]], str]]] = {
    "chat": ("/v1/chat/completions", {"model": "gpt-4o-mini", "messages": MESSAGES},
             chat_stream_events(WORDS), _chat_text),
    "messages": ("/v1/messages", {"model": "claude-x", "max_tokens": 64, "messages": MESSAGES},
                 anthropic_stream_events(WORDS), _messages_text),
    "responses": ("/v1/responses", {"model": "gpt-4o-mini", "input": "talk to me"},
                  responses_stream_events(WORDS), _responses_text),
}


@pytest.mark.parametrize("guards", [False, True], ids=["relay-only", "shipped-guards"])
@pytest.mark.parametrize("api", list(APIS))
def test_text_read_before_an_upstream_pause_reaches_the_client_during_it(
        tmp_path: Path, upstream: FakeUpstream, api: str, guards: bool) -> None:
    path, body, events, text_of = APIS[api]
    extra: dict[str, Any] = {"models": models_rules(upstream.url, timeout_s=60)}
    if guards:
        extra["guards"] = yaml.safe_load((ROOT / "rules" / "guards.yaml").read_text())
    gw = start_gateway(write_rules(tmp_path / "rules", upstream.url, **extra), tmp_path / "state")
    upstream.stream_events = lambda p, b: events
    upstream.behaviour.pause_at = next(i for i, e in enumerate(events) if b"again." in e)
    text, at_resume = "", None
    try:
        with httpx.stream("POST", f"{gw.url}{path}", json={**body, "stream": True}, timeout=90,
                          headers={"x-api-key": AGENT_KEY, "x-wardgate-run-id": f"run-pause-{api}"}) as r:
            assert r.status_code == 200
            for line in r.iter_lines():
                if line.startswith("data: {"):
                    text += text_of(json.loads(line[6:]))
                if at_resume is None and text == "Hello there ":
                    at_resume = text
                    upstream.behaviour.resume.set()
    finally:
        gw.stop()
    assert upstream.streams[0].resumed is True  # the client had "Hello there " while the upstream waited
    assert at_resume == "Hello there " and text == "Hello there again."
