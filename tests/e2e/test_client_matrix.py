"""The client matrix: each agent client, changed only in base URL, key and one run-id header, makes one tool
round trip through the gateway (model proposes `get_weather`, the client runs it, the model answers), with all
of its calls in one run; and a refusal reaches it as its own typed error carrying the gateway's message.

A client that is not installed is skipped, saying which package to install (they are in the `test` extra).
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.gateway import AGENT_KEY, RunningGateway
from tests.support.upstream import FakeUpstream, chat_body
from tests.tools.fixtures import run_tool_gateway, run_tools_upstream
from tests.tools.support import RunningUpstream

ANSWER = "Oslo: 11.5 C and light rain."
TOOL_OUTPUT = "11.5 C, light rain"
QUESTION = "What is the weather in Oslo?"
BAD_KEY = "not-an-agent-key"
# The gateway's message for an unknown key (the authenticate check's; the MCP endpoint's at its door).
GATEWAY_SAYS = ("Unknown agent key.", "unauthenticated: Send the agent key")


def get_weather(city: str) -> str:
    """Current weather for a city."""
    return TOOL_OUTPUT if city == "Oslo" else "unknown"


def scripted(path: str, body: Any) -> Any:
    """A model that asks for get_weather(Oslo) first, then answers once the tool's result is in the history."""
    messages = body.get("messages", [])
    if path.endswith("/v1/messages"):
        last = messages[-1]["content"] if messages else ""
        if isinstance(last, list) and any(p.get("type") == "tool_result" for p in last):
            content: list[dict[str, Any]] = [{"type": "text", "text": ANSWER}]
            stop = "end_turn"
        else:
            content, stop = [{"type": "tool_use", "id": "toolu_1", "name": "get_weather",
                              "input": {"city": "Oslo"}}], "tool_use"
        return {"id": "msg_1", "type": "message", "role": "assistant", "model": body.get("model"), "content": content,
                "stop_reason": stop, "stop_sequence": None, "usage": {"input_tokens": 12, "output_tokens": 6}}
    if messages and messages[-1].get("role") == "tool":
        return chat_body(ANSWER, body.get("model", "m"))
    return chat_body("", body.get("model", "m"), tool_calls=[{"id": "call_1", "type": "function", "function": {
        "name": "get_weather", "arguments": json.dumps({"city": "Oslo"})}}])


# --- one round trip per client: (gateway URL, key, run id) -> the final answer ---------------------------------

def openai_sdk(url: str, key: str, run: str) -> str:
    import openai

    client = openai.OpenAI(base_url=f"{url}/v1", api_key=key, max_retries=0,
                           default_headers={"x-wardgate-run-id": run})
    tools: Any = [{"type": "function", "function": {"name": "get_weather", "description": "Weather.", "parameters": {
        "type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}]
    messages: list[Any] = [{"role": "user", "content": QUESTION}]
    first = client.chat.completions.create(model="gpt-4o-mini", messages=messages, tools=tools).choices[0].message
    call: Any = (first.tool_calls or [])[0]
    messages += [first.model_dump(exclude_none=True),
                 {"role": "tool", "tool_call_id": call.id, "content": get_weather(**json.loads(call.function.arguments))}]
    return str(client.chat.completions.create(model="gpt-4o-mini", messages=messages, tools=tools)
               .choices[0].message.content)


def anthropic_sdk(url: str, key: str, run: str) -> str:
    import anthropic

    client = anthropic.Anthropic(base_url=url, api_key=key, max_retries=0, default_headers={"x-wardgate-run-id": run})
    tools: Any = [{"name": "get_weather", "description": "Weather.", "input_schema": {
        "type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}]
    messages: list[Any] = [{"role": "user", "content": QUESTION}]
    first = client.messages.create(model="claude-sonnet-4-5", max_tokens=100, messages=messages, tools=tools)
    use: Any = next(b for b in first.content if b.type == "tool_use")
    messages += [{"role": "assistant", "content": [b.model_dump() for b in first.content]},
                 {"role": "user", "content": [{"type": "tool_result", "tool_use_id": use.id,
                                               "content": get_weather(**use.input)}]}]
    final = client.messages.create(model="claude-sonnet-4-5", max_tokens=100, messages=messages, tools=tools)
    return "".join(b.text for b in final.content if b.type == "text")


def openai_agents(url: str, key: str, run: str) -> str:
    import agents
    import openai

    agents.set_tracing_disabled(True)  # the SDK's own tracing exports to OpenAI: not from a test
    client = openai.AsyncOpenAI(base_url=f"{url}/v1", api_key=key, max_retries=0,
                                default_headers={"x-wardgate-run-id": run})
    agent = agents.Agent(name="weather", instructions="Answer with the tool.", tools=[agents.function_tool(get_weather)],
                         model=agents.OpenAIChatCompletionsModel(model="gpt-4o-mini", openai_client=client))
    return str(agents.Runner.run_sync(agent, QUESTION).final_output)


def langchain_openai(url: str, key: str, run: str) -> str:
    from langchain_openai import ChatOpenAI

    llm = ChatOpenAI(model="gpt-4o-mini", base_url=f"{url}/v1", api_key=key, max_retries=0,  # type: ignore[arg-type]
                     default_headers={"x-wardgate-run-id": run})
    return _langchain_loop(llm)


def langchain_anthropic(url: str, key: str, run: str) -> str:
    from langchain_anthropic import ChatAnthropic

    llm = ChatAnthropic(model="claude-sonnet-4-5", base_url=url, api_key=key, max_retries=0,  # type: ignore[arg-type]
                        default_headers={"x-wardgate-run-id": run})
    return _langchain_loop(llm)


def _langchain_loop(llm: Any) -> str:
    from langchain_core.messages import HumanMessage, ToolMessage
    from langchain_core.tools import tool

    weather = tool(get_weather)
    bound = llm.bind_tools([weather])
    messages: list[Any] = [HumanMessage(QUESTION)]
    first = bound.invoke(messages)
    call = first.tool_calls[0]
    messages += [first, ToolMessage(weather.invoke(call["args"]), tool_call_id=call["id"])]
    return str(bound.invoke(messages).text)


def pydantic_ai(url: str, key: str, run: str) -> str:
    import openai
    from pydantic_ai import Agent
    from pydantic_ai.models.openai import OpenAIChatModel
    from pydantic_ai.providers.openai import OpenAIProvider

    client = openai.AsyncOpenAI(base_url=f"{url}/v1", api_key=key, max_retries=0,
                                default_headers={"x-wardgate-run-id": run})
    agent = Agent(OpenAIChatModel("gpt-4o-mini", provider=OpenAIProvider(openai_client=client)), tools=[get_weather])
    return str(agent.run_sync(QUESTION).output)


def litellm_client(url: str, key: str, run: str) -> str:
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")  # no fetch of the price list at import
    import litellm

    tools = [{"type": "function", "function": {"name": "get_weather", "description": "Weather.", "parameters": {
        "type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}]
    common: dict[str, Any] = {"model": "openai/gpt-4o-mini", "api_base": f"{url}/v1", "api_key": key, "tools": tools,
                              "extra_headers": {"x-wardgate-run-id": run}, "num_retries": 0}
    messages: list[Any] = [{"role": "user", "content": QUESTION}]
    first: Any = litellm.completion(messages=messages, **common).choices[0].message
    call = first.tool_calls[0]
    messages += [first.model_dump(exclude_none=True),
                 {"role": "tool", "tool_call_id": call.id, "content": get_weather(**json.loads(call.function.arguments))}]
    return str(litellm.completion(messages=messages, **common).choices[0].message.content)


def mcp_client(url: str, key: str, run: str) -> str:
    import httpx2
    from mcp.client.client import Client
    from mcp.client.streamable_http import streamable_http_client

    async def go() -> str:
        headers = {"authorization": f"Bearer {key}", "x-wardgate-run-id": run}
        async with (httpx2.AsyncClient(headers=headers, timeout=10) as http,
                    Client(streamable_http_client(f"{url}/mcp", http_client=http), cache=None) as client):
            result = await client.call_tool("weather.current", {"city": "Oslo"})
            content: Any = result.structured_content
            return f"Oslo: {content['result']['temperature_c']} C and {content['result']['conditions']}."
    return asyncio.run(go())


# (id, module to import, package to install, round trip, LLM calls it makes through the gateway)
CLIENTS: list[tuple[str, str, str, Callable[[str, str, str], str], int]] = [
    ("openai", "openai", "openai", openai_sdk, 2),
    ("anthropic", "anthropic", "anthropic", anthropic_sdk, 2),
    ("openai-agents", "agents", "openai-agents", openai_agents, 2),
    ("langchain-openai", "langchain_openai", "langchain-openai", langchain_openai, 2),
    ("langchain-anthropic", "langchain_anthropic", "langchain-anthropic", langchain_anthropic, 2),
    ("pydantic-ai", "pydantic_ai", "pydantic-ai-slim[openai]", pydantic_ai, 2),
    ("litellm", "litellm", "litellm", litellm_client, 2),
    ("mcp", "mcp", "mcp", mcp_client, 0),
]


@pytest.fixture
def tools_upstream() -> Iterator[RunningUpstream]:
    yield from run_tools_upstream()


@pytest.fixture
def gw(tmp_path: Path, upstream: FakeUpstream, tools_upstream: RunningUpstream) -> Iterator[RunningGateway]:
    upstream.behaviour.handler = scripted
    yield from run_tool_gateway(tmp_path, upstream, tools_upstream)


def _need(module: str, package: str) -> None:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{package} is not installed (pip install '{package}', or the project's `test` extra)")


@pytest.mark.parametrize(("module", "package", "round_trip", "llm_calls"),
                         [pytest.param(*c[1:], id=c[0]) for c in CLIENTS])
def test_one_tool_round_trip_in_one_run(gw: RunningGateway, upstream: FakeUpstream, module: str, package: str,
                                        round_trip: Callable[[str, str, str], str], llm_calls: int) -> None:
    _need(module, package)
    run = f"matrix-{module}"
    assert round_trip(gw.url, AGENT_KEY, run) == ANSWER
    calls = gw.run_trace(run)["calls"]
    llm = [c for c in calls if c.get("api") in {"chat.completions", "messages"}]
    assert [(c["outcome"], c["status"]) for c in llm] == [("ok", 200)] * llm_calls
    assert all(c["outcome"] != "in-flight" for c in calls)
    if llm_calls:  # the tool's output went back to the model through the gateway
        assert TOOL_OUTPUT in json.dumps(upstream.received[-1].body)
    else:
        assert [c["target"] for c in calls if c.get("api") == "tool"] == ["weather.current"]


@pytest.mark.parametrize(("module", "package", "round_trip"), [pytest.param(*c[1:4], id=c[0]) for c in CLIENTS])
def test_a_refusal_is_the_clients_own_error_with_the_gateways_message(
        gw: RunningGateway, module: str, package: str, round_trip: Callable[[str, str, str], str]) -> None:
    _need(module, package)
    with pytest.raises(Exception) as exc:  # each client has its own type; the message is the point
        round_trip(gw.url, BAD_KEY, "matrix-refused")
    errors: list[BaseException] = [exc.value]
    while isinstance(errors[-1], BaseExceptionGroup) and len(errors[-1].exceptions) == 1:
        errors.append(errors[-1].exceptions[0])
    assert any(said in str(errors[-1]) for said in GATEWAY_SAYS), repr(errors[-1])
    assert type(errors[-1]).__module__.split(".")[0] != "builtins"
