"""Every text the model sends reaches the agent guarded: each stream event that carries text (deltas, `*.done`,
items, `response.completed`), text sent only in item events, and the tool-call arguments a model proposes —
streamed and whole, on Chat, Messages and Responses. Checked on the raw bytes the agent receives."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import openai
import pytest
import yaml

from tests.support.gateway import AGENT_KEY, RunningGateway, start_gateway, write_rules
from tests.support.upstream import (
    FakeUpstream,
    anthropic_stream_events,
    anthropic_tool_use_events,
    chat_body,
    chat_tool_call_events,
    responses_stream_events,
)

ROOT = Path(__file__).resolve().parents[2]
EMAIL = "jane.roe@example.org"
AWS_KEY = "AKIA" + "IOSFODNN7EXAMPLE"
# The fields the Responses API itself puts on its delta events.
DELTA_FIELDS = {"type", "sequence_number", "item_id", "output_index", "content_index", "delta", "logprobs"}


@pytest.fixture
def guarded(tmp_path: Path, upstream: FakeUpstream) -> Iterator[RunningGateway]:
    shipped = yaml.safe_load((ROOT / "rules" / "guards.yaml").read_text())
    gw = start_gateway(write_rules(tmp_path / "rules", upstream.url, guards=shipped), tmp_path / "state")
    yield gw
    gw.stop()


def post(gw: RunningGateway, path: str, body: dict[str, Any]) -> httpx.Response:
    return httpx.post(f"{gw.url}{path}", json=body, timeout=20,
                      headers={"x-api-key": AGENT_KEY, "x-wardgate-run-id": "run-sg"})


def events(raw: str) -> list[dict[str, Any]]:
    return [json.loads(line[6:]) for line in raw.splitlines() if line.startswith("data: {")]


RESPONSES = {"model": "gpt-4o-mini", "input": "who?"}


def test_responses_stream_never_shows_the_raw_email(guarded: RunningGateway, upstream: FakeUpstream) -> None:
    upstream.stream_events = lambda p, b: responses_stream_events(["Write to ", "jane.roe@", "example.org", " today."])
    r = post(guarded, "/v1/responses", {**RESPONSES, "stream": True})
    assert r.status_code == 200 and EMAIL not in r.text and "jane.roe" not in r.text
    evs = events(r.text)
    assert [e["sequence_number"] for e in evs] == list(range(len(evs)))  # valid and unique
    deltas = [e for e in evs if e["type"] == "response.output_text.delta"]
    assert all(set(e) <= DELTA_FIELDS for e in deltas)  # nothing non-standard added
    text = "".join(e["delta"] for e in deltas)
    assert text == "Write to <EMAIL_ADDRESS_1> today."
    done = {e["type"]: e for e in evs}
    assert done["response.output_text.done"]["text"] == text
    assert done["response.content_part.done"]["part"]["text"] == text
    assert done["response.output_item.done"]["item"]["content"][0]["text"] == text
    assert done["response.completed"]["response"]["output"][0]["content"][0]["text"] == text
    with openai.OpenAI(base_url=f"{guarded.url}/v1", api_key=AGENT_KEY, max_retries=0) as client, \
            client.responses.stream(**RESPONSES) as s:  # type: ignore[arg-type]
        assert s.get_final_response().output_text == text


def test_responses_text_sent_only_in_item_events_is_guarded(guarded: RunningGateway, upstream: FakeUpstream) -> None:
    upstream.stream_events = lambda p, b: responses_stream_events([f"Mail {EMAIL} now."], deltas=False)
    r = post(guarded, "/v1/responses", {**RESPONSES, "stream": True})
    assert r.status_code == 200 and EMAIL not in r.text and r.text.count("Mail <EMAIL_ADDRESS_1> now.") == 4  # done, part, item, completed


def test_a_secret_sent_only_in_item_events_is_blocked_as_when_not_streamed(
        guarded: RunningGateway, upstream: FakeUpstream) -> None:
    text = f"The key is {AWS_KEY} ok."
    upstream.behaviour.handler = lambda path, body: {
        "id": "resp_1", "object": "response", "status": "completed", "model": "m", "output": [
            {"id": "msg_1", "type": "message", "role": "assistant", "status": "completed",
             "content": [{"type": "output_text", "text": text, "annotations": []}]}],
        "usage": {"input_tokens": 5, "output_tokens": 4, "total_tokens": 9}}
    whole = post(guarded, "/v1/responses", RESPONSES)
    assert whole.status_code == 400 and whole.json()["error"]["code"] == "content-blocked"
    upstream.stream_events = lambda p, b: responses_stream_events([text], deltas=False)
    streamed = post(guarded, "/v1/responses", {**RESPONSES, "stream": True})
    assert AWS_KEY not in streamed.text
    assert events(streamed.text)[-1]["type"] == "error" and events(streamed.text)[-1]["code"] == "content-blocked"


def test_anthropic_stream_text_in_block_start_and_deltas_is_guarded(
        guarded: RunningGateway, upstream: FakeUpstream) -> None:
    def stream(path: str, body: Any) -> list[bytes]:
        evs = anthropic_stream_events([" and ", "jane.roe@exa", "mple.org", " too"])
        start = json.dumps({"type": "content_block_start", "index": 0,
                            "content_block": {"type": "text", "text": f"Mail {EMAIL}"}})
        return [evs[0], f"event: content_block_start\ndata: {start}\n\n".encode(), *evs[2:]]

    upstream.stream_events = stream
    r = post(guarded, "/v1/messages", {"model": "claude-x", "max_tokens": 20, "stream": True,
                                       "messages": [{"role": "user", "content": "hi"}]})
    assert r.status_code == 200 and "jane.roe" not in r.text
    evs = events(r.text)
    text = evs[1]["content_block"]["text"] + "".join(e["delta"]["text"] for e in evs if e["type"] ==
                                                     "content_block_delta")
    assert text == "Mail <EMAIL_ADDRESS_1> and <EMAIL_ADDRESS_1> too"


# -- tool-call arguments a model proposes ---------------------------------------------------------------------
def _chat_whole(args: str) -> dict[str, Any]:
    return chat_body("", tool_calls=[{"id": "c1", "type": "function",
                                      "function": {"name": "send_mail", "arguments": args}}])


def _messages_whole(args: str) -> dict[str, Any]:
    return {"id": "m1", "type": "message", "role": "assistant", "model": "claude-x", "stop_reason": "tool_use",
            "content": [{"type": "tool_use", "id": "t1", "name": "send_mail", "input": json.loads(args)}],
            "stop_sequence": None, "usage": {"input_tokens": 5, "output_tokens": 9}}


def _responses_whole(args: str) -> dict[str, Any]:
    return {"id": "resp_1", "object": "response", "status": "completed", "model": "m", "output": [
        {"id": "fc_1", "type": "function_call", "call_id": "call_1", "name": "send_mail", "arguments": args,
         "status": "completed"}], "usage": {"input_tokens": 5, "output_tokens": 9, "total_tokens": 14}}


def _pieces(args: str) -> list[str]:
    return [args[i : i + 5] for i in range(0, len(args), 5)]


API: dict[str, tuple[str, dict[str, Any], Callable[[str], dict[str, Any]], Callable[[str], list[bytes]]]] = {
    "chat": ("/v1/chat/completions", {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "go"}]},
             _chat_whole, lambda a: chat_tool_call_events("send_mail", _pieces(a))),
    "messages": ("/v1/messages", {"model": "claude-x", "max_tokens": 50, "messages": [{"role": "user", "content": "go"}]},
                 _messages_whole, lambda a: anthropic_tool_use_events("send_mail", _pieces(a))),
    "responses": ("/v1/responses", RESPONSES, _responses_whole,
                  lambda a: responses_stream_events([], call=("send_mail", _pieces(a)))),
}


@pytest.mark.parametrize("streamed", [False, True], ids=["whole", "streamed"])
@pytest.mark.parametrize("api", list(API))
def test_proposed_tool_call_arguments_are_redacted(guarded: RunningGateway, upstream: FakeUpstream, api: str,
                                                   streamed: bool) -> None:
    path, body, whole, stream = API[api]
    args = json.dumps({"to": EMAIL, "subject": "hello"})
    upstream.behaviour.handler = lambda p, b: whole(args)
    upstream.stream_events = lambda p, b: stream(args)
    r = post(guarded, path, {**body, "stream": streamed})
    assert r.status_code == 200 and "jane.roe" not in r.text
    if not streamed:
        assert "<EMAIL_ADDRESS_1>" in r.text
        return
    redacted = json.dumps({"to": "<EMAIL_ADDRESS_1>", "subject": "hello"})
    evs = events(r.text)
    if api == "chat":
        got = "".join(tc["function"].get("arguments") or "" for e in evs for c in e.get("choices", [])
                      for tc in c["delta"].get("tool_calls") or [])
    elif api == "messages":
        got = "".join(e["delta"]["partial_json"] for e in evs if e["type"] == "content_block_delta")
    else:
        got = "".join(e["delta"] for e in evs if e["type"] == "response.function_call_arguments.delta")
        assert next(e for e in evs if e["type"] == "response.completed")["response"]["output"][0]["arguments"] == got
    assert got == redacted


@pytest.mark.parametrize("streamed", [False, True], ids=["whole", "streamed"])
@pytest.mark.parametrize("api", list(API))
def test_proposed_tool_call_arguments_with_a_secret_are_blocked(guarded: RunningGateway, upstream: FakeUpstream,
                                                                api: str, streamed: bool) -> None:
    path, body, whole, stream = API[api]
    args = json.dumps({"to": "ops", "key": AWS_KEY})
    upstream.behaviour.handler = lambda p, b: whole(args)
    upstream.stream_events = lambda p, b: stream(args)
    r = post(guarded, path, {**body, "stream": streamed})
    assert AWS_KEY not in r.text and "AKIA" not in r.text
    if streamed:  # the stream ends with the API's own error event
        assert r.status_code == 200 and '"code": "content-blocked"' in json.dumps(events(r.text)[-1])
    else:
        assert r.status_code == 400 and "content-blocked" in r.text


def test_openai_sdk_accumulates_redacted_streamed_arguments(guarded: RunningGateway, upstream: FakeUpstream) -> None:
    upstream.stream_events = lambda p, b: chat_tool_call_events("send_mail", _pieces(json.dumps({"to": EMAIL})))
    client = openai.OpenAI(base_url=f"{guarded.url}/v1", api_key=AGENT_KEY, max_retries=0)
    with client.chat.completions.stream(model="gpt-4o-mini", messages=[{"role": "user", "content": "go"}]) as s:
        final = s.get_final_completion()
    call = final.choices[0].message.tool_calls[0]  # type: ignore[index]
    assert call.function.arguments == '{"to": "<EMAIL_ADDRESS_1>"}'  # type: ignore[union-attr]
