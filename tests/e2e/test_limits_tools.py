"""End to end, one process: the tool path's retries (never for a non-idempotent tool), per-tool breakers,
the registry's rate_limit, and tool-call budgets that settle."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.support.gateway import ADMIN_TOKEN, AGENT_KEY, RunningGateway, models_rules, start_gateway
from tests.support.threaded import ThreadedServers
from tests.support.upstream import FakeUpstream

ADMIN = {"authorization": f"Bearer {ADMIN_TOKEN}"}


@dataclass
class ToolUpstream:
    """Answers each path with the statuses queued for it (then 200); counts what reached it."""

    script: dict[str, list[int]] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)
    servers: ThreadedServers | None = None

    def start(self) -> ToolUpstream:
        async def any_call(request: Request) -> Response:
            path = request.url.path
            self.hits[path] = self.hits.get(path, 0) + 1
            queue = self.script.get(path, [])
            status = queue.pop(0) if queue else 200
            return JSONResponse({"ok": status < 400, "path": path}, status_code=status)

        self.servers = ThreadedServers([Starlette(routes=[Route("/{p:path}", any_call, methods=["POST"])])]).start()
        return self

    @property
    def url(self) -> str:
        assert self.servers is not None
        return f"http://127.0.0.1:{self.servers.ports[0]}"


@pytest.fixture
def tool_up() -> Iterator[ToolUpstream]:
    up = ToolUpstream().start()
    yield up
    assert up.servers is not None
    up.servers.stop()


def tool(url: str, **ops: Any) -> dict[str, Any]:
    return {"description": "A test tool.", "timeout_s": 2, "upstream": {"http": {"url": url}}, **ops}


@pytest.fixture
def gateway(tmp_path: Path, upstream: FakeUpstream, tool_up: ToolUpstream) -> Iterator[RunningGateway]:
    rules, tools = tmp_path / "rules", tmp_path / "tools"
    rules.mkdir()
    tools.mkdir()
    (rules / "models.yaml").write_text(yaml.safe_dump(models_rules(upstream.url)))
    agent = {"keys": [{"value": AGENT_KEY}], "models": {"allow": ["*"]}, "tools": {"allow": ["t.*"]},
             "budget": {"tool_calls": 3}}
    (rules / "agents.yaml").write_text(yaml.safe_dump({"agents": {"tester": agent}}))
    registry = {"tools": {
        "t.write": tool(f"{tool_up.url}/write", retries=3),                     # not idempotent
        "t.read": tool(f"{tool_up.url}/read", retries=2, idempotent=True),
        "t.flap": tool(f"{tool_up.url}/flap"),
        "t.slow": tool(f"{tool_up.url}/slow", rate_limit="2/minute", idempotent=True),
    }}
    (tools / "tools.yaml").write_text(yaml.safe_dump(registry))
    gw = start_gateway(rules, tmp_path / "state", tools_dir=tools)
    yield gw
    gw.stop()


def invoke(gw: RunningGateway, name: str, run: str) -> httpx.Response:
    return httpx.post(f"{gw.url}/v1/tools/{name}/invoke", json={"arguments": {}}, timeout=10,
                      headers={"authorization": f"Bearer {AGENT_KEY}", "x-wardgate-run-id": run})


def ledger(gw: RunningGateway, run: str) -> Any:
    return httpx.get(f"{gw.admin_url}/admin/budgets/{run}", headers=ADMIN).json()


def metrics(gw: RunningGateway) -> str:
    return httpx.get(f"{gw.admin_url}/metrics", headers=ADMIN).text


def attempts(gw: RunningGateway, run: str) -> list[Any]:
    return [c["detail"].get("attempts") for c in gw.run_trace(run)["calls"]]


def test_a_non_idempotent_tool_is_not_retried(gateway: RunningGateway, tool_up: ToolUpstream) -> None:
    tool_up.script["/write"] = [503, 503]
    r = invoke(gateway, "t.write", "w1")
    assert r.status_code == 502 and r.json()["error"]["code"] == "upstream-error"
    assert tool_up.hits["/write"] == 1  # retries: 3 in the registry, but the tool may have run
    assert [a["status"] for a in attempts(gateway, "w1")[0]] == [503]
    # A failed call releases its budget reservation: nothing used, nothing left reserved.
    state = ledger(gateway, "w1")
    assert state["used"]["tool_calls"] == 0 and state["reserved"]["tool_calls"] == 0


def test_an_idempotent_tool_is_retried_then_answers(gateway: RunningGateway, tool_up: ToolUpstream) -> None:
    tool_up.script["/read"] = [503, 502]
    r = invoke(gateway, "t.read", "r1")
    assert r.status_code == 200, r.text
    assert tool_up.hits["/read"] == 3
    assert [a["status"] for a in attempts(gateway, "r1")[0]] == [503, 502, 200]
    tool_up.script["/read"] = [503, 503, 503, 503]
    r = invoke(gateway, "t.read", "r1")
    assert r.status_code == 502 and tool_up.hits["/read"] == 6  # 1 + retries: 2, then it gives up
    text = metrics(gateway)
    assert 'wardgate_upstream_retries_total{reason="http-503",upstream="tool:t.read"} 3.0' in text
    assert 'wardgate_upstream_retries_total{reason="http-502",upstream="tool:t.read"} 1.0' in text


def test_tool_calls_settle_against_the_run_budget(gateway: RunningGateway, tool_up: ToolUpstream) -> None:
    for _ in range(3):
        assert invoke(gateway, "t.read", "b1").status_code == 200
    state = ledger(gateway, "b1")
    assert state["used"]["tool_calls"] == 3 and state["reserved"]["tool_calls"] == 0
    r = invoke(gateway, "t.read", "b1")
    assert r.status_code == 403 and r.json()["error"]["code"] == "budget-exhausted"
    assert tool_up.hits["/read"] == 3
    assert 'wardgate_budget_utilisation_ratio_count{agent="tester",dimension="tool_calls"} 3.0' in metrics(gateway)


def test_the_registry_rate_limit_is_enforced_per_tool(gateway: RunningGateway, tool_up: ToolUpstream) -> None:
    assert [invoke(gateway, "t.slow", f"s{i}").status_code for i in range(2)] == [200, 200]
    r = invoke(gateway, "t.slow", "s3")
    assert r.status_code == 429 and r.json()["error"]["code"] == "rate-limited"
    assert 1 <= int(r.headers["retry-after"]) <= 60
    assert r.headers["x-ratelimit-limit-requests"] == "2"
    assert tool_up.hits["/slow"] == 2


def test_a_flapping_tool_opens_its_breaker(gateway: RunningGateway, tool_up: ToolUpstream) -> None:
    tool_up.script["/flap"] = [503] * 5
    codes = [invoke(gateway, "t.flap", f"f{i}").status_code for i in range(6)]
    assert codes == [502] * 5 + [503]  # five consecutive faults (the default) open it; the sixth fails fast
    assert tool_up.hits["/flap"] == 5
    r = invoke(gateway, "t.flap", "f7")
    assert r.status_code == 503 and r.json()["error"]["code"] == "circuit-open"
    assert int(r.headers["retry-after"]) >= 1
    listed = httpx.get(f"{gateway.admin_url}/admin/breakers", headers=ADMIN).json()["breakers"]
    snap = next(b for b in listed if b["name"] == "tool:t.flap")
    assert snap["state"] == "open"
    assert 'wardgate_breaker_state{upstream="tool:t.flap"} 2.0' in metrics(gateway)
    reset = httpx.post(f"{gateway.admin_url}/admin/breakers/tool:t.flap/reset", headers=ADMIN)
    assert reset.status_code == 200 and reset.json()["state"] == "closed"
    assert invoke(gateway, "t.flap", "f8").status_code == 200  # the script ran out of faults
