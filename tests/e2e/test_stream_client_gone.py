"""A client that leaves while a streamed call waits on an upstream that sent its headers and then stalls (keeping
the connection alive with SSE comments): the gateway aborts the upstream, settles the prompt estimate, and records
the call as cancelled, on the embedded (SQLite) and the Redis ledger. Before the fix the upstream connection, the
reservation and the in-flight call all stayed until the upstream ended, which this one never does."""

from __future__ import annotations

import os
import socket
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import redis
import yaml

from gateway.limits.estimate import prompt_tokens
from gateway.model import Api
from tests.support.gateway import ADMIN_TOKEN, AGENT_KEY, RunningGateway, start_gateway, write_rules
from tests.support.stalling import StallingUpstream

REDIS_URL = os.environ.get("WARDGATE_TEST_REDIS_URL")
MESSAGES = [{"role": "user", "content": "Tell me a story that never starts."}]


@pytest.fixture
def stalling() -> Iterator[StallingUpstream]:
    up = StallingUpstream(headers=True)
    yield up
    up.stop()


@pytest.fixture(params=["sqlite", pytest.param("redis", marks=pytest.mark.skipif(
    not REDIS_URL, reason="WARDGATE_TEST_REDIS_URL is not set"))])
def budgeted(request: pytest.FixtureRequest, tmp_path: Path, stalling: StallingUpstream) -> Iterator[RunningGateway]:
    rules = write_rules(tmp_path / "rules", f"http://127.0.0.1:{stalling.port}")
    agents = yaml.safe_load((rules / "agents.yaml").read_text())
    agents["agents"]["tester"]["budget"] = {"tokens": 1_000_000}
    (rules / "agents.yaml").write_text(yaml.safe_dump(agents))
    prefix = f"wgtest:{uuid.uuid4().hex}:"
    url = REDIS_URL if request.param == "redis" else None
    gw = start_gateway(rules, tmp_path / "state", redis_url=url, redis_prefix=prefix)
    yield gw
    gw.stop()
    if url:
        client = redis.Redis.from_url(url)
        keys = list(client.scan_iter(match=prefix + "*"))
        if keys:
            client.delete(*keys)
        client.close()


def wait_for(what: str, probe: Any, seconds: float = 15) -> Any:
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = probe()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"{what} did not happen within {seconds:g}s")


def budget(gw: RunningGateway, run: str) -> Any:
    state = httpx.get(f"{gw.admin_url}/admin/budgets/{run}", headers={"authorization": f"Bearer {ADMIN_TOKEN}"})
    return state.json() if state.status_code == 200 else None


@pytest.mark.parametrize("concurrent", [1, 5])
def test_a_client_leaving_before_the_first_event_aborts_the_upstream_and_settles(
        budgeted: RunningGateway, stalling: StallingUpstream, concurrent: int) -> None:
    body = httpx.Request("POST", "/", json={"model": "gpt-4o-mini", "stream": True, "max_tokens": 500,
                                            "messages": MESSAGES}).content
    host = budgeted.url.removeprefix("http://").split(":")
    clients = []
    for _ in range(concurrent):
        c = socket.create_connection((host[0], int(host[1])))
        c.sendall(b"POST /v1/chat/completions HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n"
                  b"authorization: Bearer " + AGENT_KEY.encode() + b"\r\nx-wardgate-run-id: run-gone\r\n"
                  b"content-length: %d\r\n\r\n%s" % (len(body), body))
        clients.append(c)
    wait_for("the upstream receiving every call", lambda: stalling.requests == concurrent)
    state = wait_for("the reservations", lambda: (s := budget(budgeted, "run-gone")) and
                     s["reserved"]["tokens_in"] > 0 and s)
    assert state["used"]["llm_calls"] == 0  # nothing settled while the clients wait
    for c in clients:
        c.close()  # the clients leave; the gateway has sent nothing yet

    wait_for("the gateway closing its upstream connections", lambda: stalling.open == 0)
    state = wait_for("the settlement", lambda: (s := budget(budgeted, "run-gone")) and
                     s["reserved"]["tokens_in"] == 0 and s)
    prompt = prompt_tokens(Api.CHAT, {"messages": MESSAGES})
    assert state["used"]["llm_calls"] == concurrent
    assert (state["used"]["tokens_in"], state["used"]["tokens_out"]) == (prompt * concurrent, 0)
    calls = wait_for("every call recorded", lambda: (t := budgeted.run_trace("run-gone")) and
                     len([c for c in t["calls"] if c.get("outcome") != "in-flight"]) == concurrent and t)["calls"]
    for call in calls:
        assert (call["outcome"], call["status"]) == ("cancelled", 499)
        assert (call["prompt_tokens"], call["completion_tokens"]) == (prompt, 0)
        assert call["detail"]["usage_estimated"]["delivered_chars"] == 0
