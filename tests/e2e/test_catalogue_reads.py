"""Listings (GET /v1/models[/{id}], GET /v1/tools, MCP tools/list) are complete calls in the run's trace,
a model a glob answers can be read by name, and the MCP client shows a bad key's message."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import httpx2
import openai
import pytest
from mcp.client.client import Client
from mcp.client.streamable_http import streamable_http_client
from mcp.shared.exceptions import MCPError

from tests.support.gateway import AGENT_KEY, OTHER_KEY, RunningGateway
from tests.support.upstream import FakeUpstream
from tests.tools.fixtures import run_tool_gateway, run_tools_upstream
from tests.tools.support import RunningUpstream


@pytest.fixture
def tools_upstream() -> Iterator[RunningUpstream]:
    yield from run_tools_upstream()


@pytest.fixture
def gw(tmp_path: Path, upstream: FakeUpstream, tools_upstream: RunningUpstream) -> Iterator[RunningGateway]:
    yield from run_tool_gateway(tmp_path, upstream, tools_upstream)


async def _mcp(gw: RunningGateway, key: str, run_id: str) -> Any:
    async with (
        httpx2.AsyncClient(headers={"authorization": f"Bearer {key}", "x-wardgate-run-id": run_id}, timeout=10) as http,
        Client(streamable_http_client(f"{gw.url}/mcp", http_client=http), cache=None) as client,
    ):
        await client.list_tools()
        return await client.call_tool("weather.current", {"city": "Oslo"})


def test_listings_are_complete_calls_in_the_trace(gw: RunningGateway) -> None:
    h = {"authorization": f"Bearer {AGENT_KEY}", "x-wardgate-run-id": "run-lists"}
    assert httpx.get(f"{gw.url}/v1/models", headers=h).status_code == 200
    assert httpx.get(f"{gw.url}/v1/models/no-such-model", headers=h).status_code == 404
    assert httpx.get(f"{gw.url}/v1/tools", headers=h).status_code == 200
    assert httpx.get(f"{gw.url}/v1/tools", headers={**h, "authorization": "Bearer wrong"}).status_code == 401
    asyncio.run(_mcp(gw, AGENT_KEY, "run-lists"))
    calls = gw.run_trace("run-lists")["calls"]
    assert [c["outcome"] for c in calls if c["outcome"] == "in-flight"] == []
    listed = [(c["api"], c["target"], c["status"], c["outcome"], c["reason"], c["detail"]["via"])
              for c in calls if c["api"] == "models"]
    mcp = [row for row in listed if row[-1] == "mcp"]
    assert [row for row in listed if row[-1] == "rest"] == [
        ("models", "models", 200, "ok", None, "rest"),
        ("models", "models/no-such-model", 404, "refused", "not-found", "rest"),
        ("models", "tools", 200, "ok", None, "rest"),
        ("models", "tools", 401, "refused", "unauthenticated", "rest"),
    ]
    # the mcp client lists the tools itself too (before a call): each listing is one finished call
    assert set(mcp) == {("models", "tools/list", 200, "ok", None, "mcp")} and len(mcp) >= 1
    assert [c["target"] for c in calls if c["api"] == "tool"] == ["weather.current"]
    # every listing's decisions are under its call, not left over as a call of their own
    assert all(c["decisions"] for c in calls if c["api"] == "models")


# (key, model, found): exact names, names a glob answers, and names the agent may not use
MODEL_CASES = [
    (AGENT_KEY, "gpt-4o-mini", True),
    (AGENT_KEY, "claude-sonnet-4-5", True),   # answered by the `claude-*` rule
    (AGENT_KEY, "claude-", True),
    (AGENT_KEY, "mistral-large", False),      # no rule answers it
    (OTHER_KEY, "claude-sonnet-4-5", False),  # a rule answers it, but this agent may only use echo
    (OTHER_KEY, "echo", True),
]


@pytest.mark.parametrize(("key", "model", "found"), MODEL_CASES)
def test_a_model_the_agent_may_use_can_be_read_by_name(gw: RunningGateway, key: str, model: str, found: bool) -> None:
    client = openai.OpenAI(base_url=f"{gw.url}/v1", api_key=key, max_retries=0)
    if found:
        assert client.models.retrieve(model).id == model
    else:
        with pytest.raises(openai.NotFoundError) as exc:
            client.models.retrieve(model)
        assert exc.value.body["code"] == "not-found"  # type: ignore[index]


def test_the_mcp_client_shows_a_bad_key_with_the_gateways_message(gw: RunningGateway) -> None:
    with pytest.raises(BaseException) as exc:
        asyncio.run(_mcp(gw, "not-a-key", "run-bad-key"))
    errors: list[BaseException] = [exc.value]
    while isinstance(errors[-1], BaseExceptionGroup) and len(errors[-1].exceptions) == 1:
        errors.append(errors[-1].exceptions[0])
    assert isinstance(errors[-1], MCPError), repr(exc.value)
    assert str(errors[-1]).startswith("unauthenticated: Send the agent key")
