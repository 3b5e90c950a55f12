"""A client that leaves while the gateway waits for an upstream's response headers: a plain or streamed LLM call,
a tool call through /v1/tools or /mcp. The upstream (a real server on 127.0.0.1) takes the request and never
answers, and the route's timeout is 10 minutes, so only the gateway noticing the disconnect can end the call: it
closes the upstream connection, settles the run (an LLM call at its prompt estimate, recorded as an estimate; a
tool call counted once, since it may have run), leaves nothing reserved, records the call `cancelled` with
status 499, and never retries it. Embedded and Redis ledgers."""

from __future__ import annotations

import json
import socket
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from gateway.limits.estimate import prompt_tokens
from gateway.model import Api
from gateway.tools.canonical import definition_hash
from tests.support import leaving
from tests.support.gateway import AGENT_KEY, RunningGateway, models_rules, start_gateway
from tests.support.leaving import LEDGERS, budget, gateway_on, wait_for
from tests.support.stalling import StallingUpstream

MESSAGES = [{"role": "user", "content": "Tell me a story whose first word never comes."}]
NEVER = 600  # every route's timeout: far past the test, so only the disconnect can end the wait


@dataclass(frozen=True)
class Case:
    name: str
    path: str
    body: dict[str, Any]
    tool: bool
    headers: tuple[tuple[str, str], ...] = ()


CHAT = {"model": "gpt-4o-mini", "max_tokens": 500, "messages": MESSAGES}
MCP_ACCEPT = (("accept", "application/json, text/event-stream"),)
CASES = [
    Case("chat", "/v1/chat/completions", CHAT, tool=False),
    Case("chat-streamed", "/v1/chat/completions", {**CHAT, "stream": True}, tool=False),
    Case("tool-rest", "/v1/tools/t.write/invoke", {"arguments": {"title": "x"}}, tool=True),
    Case("tool-rest-idempotent-with-retries", "/v1/tools/t.read/invoke", {"arguments": {"q": "x"}}, tool=True),
    Case("tool-rest-mcp-upstream-idempotent-with-retries", "/v1/tools/t.remote/invoke", {"arguments": {}}, tool=True),
    Case("tool-mcp", "/mcp", {"jsonrpc": "2.0", "id": 1, "method": "tools/call",
                              "params": {"name": "t.write", "arguments": {"title": "x"}}}, tool=True,
         headers=MCP_ACCEPT),
]


@pytest.fixture
def stalling() -> Iterator[StallingUpstream]:
    up = StallingUpstream(headers=False)
    yield up
    up.stop()


@pytest.fixture(params=LEDGERS)
def gateway(request: pytest.FixtureRequest, tmp_path: Path, stalling: StallingUpstream) -> Iterator[RunningGateway]:
    rules, tools = tmp_path / "rules", tmp_path / "tools"
    rules.mkdir()
    tools.mkdir()
    models = models_rules(stalling.url)
    models["models"]["gpt-4o-mini"]["timeout_s"] = NEVER
    (rules / "models.yaml").write_text(yaml.safe_dump(models))
    agent = {"keys": [{"value": AGENT_KEY}], "models": {"allow": ["*"]}, "tools": {"allow": ["t.*"]},
             "budget": {"tokens": 1_000_000, "tool_calls": 100}}
    (rules / "agents.yaml").write_text(yaml.safe_dump({"agents": {"tester": agent}}))
    http = {"http": {"url": f"{stalling.url}/tool"}}
    (tools / "tools.yaml").write_text(yaml.safe_dump({"tools": {
        "t.write": {"description": "Writes.", "timeout_s": NEVER, "retries": 2, "upstream": http},
        "t.read": {"description": "Reads.", "timeout_s": NEVER, "retries": 2, "idempotent": True, "upstream": http},
        # An upstream MCP server that never answers the client's first request (its `initialize`).
        "t.remote": {"description": "Remote.", "timeout_s": NEVER, "retries": 2, "idempotent": True, "upstream": {"mcp": {"server": "s", "tool": "x"}}},
    }, "mcp_servers": {"s": {"url": f"{stalling.url}/mcp", "timeout_s": NEVER, "pinned": {"x": {
        "description": "X.", "sha256": definition_hash("X.", {"type": "object"}, None)}}}}}))
    with gateway_on(request.param, rules, tmp_path / "state", tools_dir=tools) as gw:
        yield gw


def send(gw: RunningGateway, case: Case, run: str, extra: tuple[tuple[str, str], ...] = ()) -> socket.socket:
    return leaving.send(gw, case.path, case.body, run, (*case.headers, *extra))


def answer_of(c: socket.socket) -> tuple[int, Any]:
    """Read one HTTP/1.1 answer with a content-length from the socket, then close it."""
    c.settimeout(15)
    data = b""
    while b"\r\n\r\n" not in data:
        data += c.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode().split("\r\n")
    length = next(int(v) for k, _, v in (line.partition(":") for line in lines[1:]) if k.lower() == "content-length")
    while len(body) < length:
        body += c.recv(65536)
    c.close()
    return int(lines[0].split()[1]), json.loads(body)


def reserved(state: Any, tool: bool) -> float:
    return float(state["reserved"]["tool_calls" if tool else "tokens_in"])


def finished(gw: RunningGateway, run: str, n: int) -> list[dict[str, Any]]:
    trace = gw.run_trace(run)
    calls = [c for c in (trace or {}).get("calls", []) if c.get("outcome") != "in-flight"]
    return calls if len(calls) == n else []


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
@pytest.mark.parametrize("concurrent", [1, 5])
def test_a_client_leaving_while_the_upstream_holds_its_headers_ends_the_call(
        gateway: RunningGateway, stalling: StallingUpstream, case: Case, concurrent: int) -> None:
    run = f"run-{uuid.uuid4().hex[:8]}"
    clients = [send(gateway, case, run) for _ in range(concurrent)]
    wait_for("the upstream receiving every call", lambda: stalling.requests == concurrent)
    state = wait_for("the reservations", lambda: (s := budget(gateway, run)) and reserved(s, case.tool) > 0 and s)
    assert state["used"]["llm_calls"] == state["used"]["tool_calls"] == 0  # nothing settled while they wait
    for c in clients:
        c.close()  # the clients leave; the upstream has not even sent its headers

    wait_for("the gateway closing its upstream connections", lambda: stalling.open == 0)
    state = wait_for("the settlement", lambda: (s := budget(gateway, run)) and reserved(s, case.tool) == 0 and s)
    calls = wait_for("every call recorded", lambda: finished(gateway, run, concurrent))
    assert stalling.requests == concurrent  # cancelled calls are never retried (t.read allows 2 retries)
    for call in calls:
        assert (call["outcome"], call["status"]) == ("cancelled", 499)
    if case.tool:
        assert (state["used"]["tool_calls"], state["used"]["llm_calls"]) == (concurrent, 0)  # it may have run
        for call in calls:
            assert call["detail"]["tool_outcome"] == "unknown"
        return
    prompt = prompt_tokens(Api.CHAT, {"messages": MESSAGES})
    assert state["used"]["llm_calls"] == concurrent
    assert (state["used"]["tokens_in"], state["used"]["tokens_out"]) == (prompt * concurrent, 0)
    for call in calls:
        assert (call["prompt_tokens"], call["completion_tokens"]) == (prompt, 0)
        assert call["detail"]["usage_estimated"]["delivered_chars"] == 0


SCHEMA = {"type": "object", "properties": {"temp_c": {"type": "number"}}, "required": ["temp_c"]}
INVALID = {"id": "c1", "object": "chat.completion", "model": "gpt-4o-mini", "choices": [
    {"index": 0, "message": {"role": "assistant", "content": '{"temp_c": "cold"}'}, "finish_reason": "stop"}],
    "usage": {"prompt_tokens": 40, "completion_tokens": 7, "total_tokens": 47}}


def test_a_client_leaving_during_a_structured_output_repair_is_charged_the_answer_and_the_repair_prompt(
        tmp_path: Path) -> None:
    up = StallingUpstream(headers=False, answers=(json.dumps(INVALID).encode(),))
    rules = tmp_path / "rules"
    rules.mkdir()
    models = models_rules(up.url)
    models["models"]["gpt-4o-mini"]["timeout_s"] = NEVER
    (rules / "models.yaml").write_text(yaml.safe_dump(models))
    agent = {"keys": [{"value": AGENT_KEY}], "models": {"allow": ["*"]}, "budget": {"tokens": 1_000_000}}
    (rules / "agents.yaml").write_text(yaml.safe_dump({"agents": {"tester": agent}}))
    gw = start_gateway(rules, tmp_path / "state")
    try:
        run = f"run-{uuid.uuid4().hex[:8]}"
        fmt = {"type": "json_schema", "json_schema": {"name": "w", "schema": SCHEMA, "strict": True}}
        c = send(gw, Case("repair", "/v1/chat/completions", {**CHAT, "response_format": fmt}, tool=False), run)
        wait_for("the repair reaching the upstream", lambda: up.requests == 2)
        c.close()
        wait_for("the gateway closing the repair's connection", lambda: up.open == 0)
        call = wait_for("the call recorded", lambda: finished(gw, run, 1))[0]
        state = wait_for("the settlement", lambda: (s := budget(gw, run)) and s["reserved"]["tokens_in"] == 0 and s)
    finally:
        gw.stop()
        up.stop()
    assert (call["outcome"], call["status"]) == ("cancelled", 499)
    assert "repair" in call["detail"]["cancelled"]
    # The answer's reported usage, plus the repair's prompt estimate (it repeats the conversation and the answer).
    assert call["completion_tokens"] == 7 and call["prompt_tokens"] > 40 + prompt_tokens(Api.CHAT, CHAT)
    assert call["detail"]["usage_estimated"]["prompt_tokens"] == call["prompt_tokens"]
    assert (state["used"]["tokens_in"], state["used"]["tokens_out"]) == (call["prompt_tokens"], 7)


@pytest.mark.parametrize(("tool", "again"), [
    # Not idempotent: it may have run, so the key keeps the call's unknown outcome and the retry does not run it.
    ("t.write", 409),
    # Idempotent: running it again is safe, so the key is released and the retry reaches the tool.
    ("t.read", None),
])
def test_the_idempotency_key_of_a_tool_call_whose_client_left(
        gateway: RunningGateway, stalling: StallingUpstream, tool: str, again: int | None) -> None:
    run, key = f"run-{uuid.uuid4().hex[:8]}", (("idempotency-key", f"k-{uuid.uuid4().hex}"),)
    case = Case(tool, f"/v1/tools/{tool}/invoke", {"arguments": {"q": "x"}}, tool=True)
    c = send(gateway, case, run, key)
    wait_for("the upstream receiving the call", lambda: stalling.requests == 1)
    c.close()
    wait_for("the call recorded", lambda: finished(gateway, run, 1))
    retry = send(gateway, case, run, key)
    if again is None:
        wait_for("the retry reaching the tool", lambda: stalling.requests == 2)
        retry.close()
        return
    status, body = answer_of(retry)
    assert status == again, body
    assert body["error"]["code"] == "idempotency-conflict" and "unknown" in body["error"]["message"]
    assert stalling.requests == 1
