"""A full agent loop with the real `openai` SDK: the model proposes a tool call, the agent runs it through
/v1/tools/{name}/invoke, the result goes back to the model. Plus proposed-call policy on the LLM path."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import openai
import pytest

from tests.support.gateway import AGENT_KEY, RunningGateway
from tests.support.upstream import FakeUpstream, chat_body
from tests.tools.fixtures import run_tool_gateway, run_tools_upstream
from tests.tools.support import LIMITED_KEY, RunningUpstream


@pytest.fixture
def tools_upstream() -> Iterator[RunningUpstream]:
    yield from run_tools_upstream()


@pytest.fixture
def tool_gateway(tmp_path: Path, upstream: FakeUpstream, tools_upstream: RunningUpstream) -> Iterator[RunningGateway]:
    yield from run_tool_gateway(tmp_path, upstream, tools_upstream)


def model(path: str, body: Any) -> Any:
    """A fake model: asks for the weather, then answers with what the tool said."""
    tool_msgs = [m for m in body["messages"] if m["role"] == "tool"]
    if not tool_msgs:
        return chat_body("", tool_calls=[{"id": "call_1", "type": "function", "function": {
            "name": "weather__current", "arguments": json.dumps({"city": "Oslo"})}}])
    result = json.loads(tool_msgs[-1]["content"])
    return chat_body(f"It is {result['result']['temperature_c']} °C in {result['result']['city']}.")


def test_openai_agent_loop_through_the_tool_gateway(tool_gateway: RunningGateway, upstream: FakeUpstream) -> None:
    upstream.behaviour.handler = model
    headers = {"x-wardgate-run-id": "run-agent"}
    llm = openai.OpenAI(base_url=f"{tool_gateway.url}/v1", api_key=AGENT_KEY, max_retries=0, default_headers=headers)
    tools = [{k: v for k, v in t.items() if k != "x-wardgate"} for t in httpx.get(
        f"{tool_gateway.url}/v1/tools", headers={"authorization": f"Bearer {AGENT_KEY}"}).json()["data"]]
    messages: list[Any] = [{"role": "user", "content": "Weather in Oslo?"}]
    for _ in range(3):
        reply = llm.chat.completions.create(model="gpt-4o-mini", messages=messages, tools=tools)  # type: ignore[arg-type]
        msg = reply.choices[0].message
        if not msg.tool_calls:
            break
        messages.append(msg.model_dump(exclude_none=True))
        for tc in msg.tool_calls:
            r = httpx.post(f"{tool_gateway.url}/v1/tools/{tc.function.name}/invoke",
                           json={"arguments": json.loads(tc.function.arguments)},
                           headers={"authorization": f"Bearer {AGENT_KEY}", **headers})
            messages.append({"role": "tool", "tool_call_id": tc.id, "content": r.text})
    assert msg.content == "It is 11.5 °C in Oslo."
    assert upstream.received[0].body["tools"][0]["function"]["name"] == "docs__search_docs"
    apis = [c["api"] for c in tool_gateway.run_trace("run-agent")["calls"]]
    assert apis.count("tool") == 1 and apis.count("chat.completions") == 2


def test_proposed_call_blocked_for_agent_with_block_policy(tool_gateway: RunningGateway, upstream: FakeUpstream) -> None:
    upstream.behaviour.handler = lambda p, b: chat_body("", tool_calls=[{"id": "c", "type": "function", "function": {
        "name": "tickets__create", "arguments": "{}"}}])
    llm = openai.OpenAI(base_url=f"{tool_gateway.url}/v1", api_key=LIMITED_KEY, max_retries=0)
    with pytest.raises(openai.PermissionDeniedError) as exc:
        llm.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "x"}])
    assert exc.value.body["code"] == "tool-not-allowed"  # type: ignore[index]
    # The allowed tool with bad arguments is refused too (schema of a registered tool).
    upstream.behaviour.handler = lambda p, b: chat_body("", tool_calls=[{"id": "c", "type": "function", "function": {
        "name": "weather__current", "arguments": '{"town": "Oslo"}'}}])
    with pytest.raises(openai.BadRequestError) as bad:
        llm.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "x"}])
    assert bad.value.body["code"] == "args-invalid"  # type: ignore[index]


def test_proposed_call_monitor_passes_and_is_traced(tool_gateway: RunningGateway, upstream: FakeUpstream) -> None:
    upstream.behaviour.handler = lambda p, b: chat_body("", tool_calls=[{"id": "c", "type": "function", "function": {
        "name": "docs__delete_docs", "arguments": '{"slug": "a"}'}}])
    llm = openai.OpenAI(base_url=f"{tool_gateway.url}/v1", api_key=AGENT_KEY, max_retries=0,
                        default_headers={"x-wardgate-run-id": "run-monitor"})
    r = llm.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "x"}])
    assert r.choices[0].message.tool_calls
    decisions = [d for c in tool_gateway.run_trace("run-monitor")["calls"] for d in c["decisions"]
                 if d["check"] == "proposed_calls"]
    assert decisions[0]["detail"]["action"] == "monitor"
    assert decisions[0]["detail"]["violations"][0]["reason"] == "tool-not-allowed"
