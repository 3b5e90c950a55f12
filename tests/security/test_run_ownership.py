"""A run belongs to the agent that sends it: another agent using the same run id gets a run of its own.

Budget, loop counts, run-state escalations and the trace, on the embedded stores (SQLite) and, when the
test servers are configured, on Redis (budgets, loop counts) with PostgreSQL (approvals, decision log)."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.approvals.pg import URL as PG_URL
from tests.approvals.pg import private_schema
from tests.redis.replicas import URL as REDIS_URL
from tests.security.support import APPROVER_ALL, Hostile, start
from tests.support.gateway import ADMIN_TOKEN, AGENT_KEY, OTHER_KEY, RunningGateway
from tests.support.upstream import FakeUpstream

A, B = AGENT_KEY, OTHER_KEY  # agents "alpha" and "beta"
BACKENDS = ["embedded", pytest.param("redis+postgres", marks=pytest.mark.skipif(
    not (REDIS_URL and PG_URL), reason="WARDGATE_TEST_REDIS_URL / WARDGATE_TEST_DATABASE_URL not set"))]


@pytest.fixture(params=BACKENDS)
def gw(request: pytest.FixtureRequest, tmp_path: Path, upstream: FakeUpstream, hostile: Hostile
       ) -> Iterator[RunningGateway]:
    with contextlib.ExitStack() as stack:
        shared: dict[str, Any] = {}
        if request.param != "embedded":
            shared = {"redis_url": REDIS_URL, "redis_prefix": f"wgtest:{uuid.uuid4().hex}:",
                      "database_url": stack.enter_context(private_schema())}
        running = start(tmp_path, upstream.url, hostile, budget={"llm_calls": 3, "tool_calls": 20}, **shared)
        yield running
        running.stop()


def _chat(gw: RunningGateway, key: str, run: str) -> httpx.Response:
    return httpx.post(f"{gw.url}/v1/chat/completions", timeout=20, json={
        "model": "echo", "messages": [{"role": "user", "content": "hi"}]},
        headers={"authorization": f"Bearer {key}", "x-wardgate-run-id": run})


def _tool(gw: RunningGateway, key: str, run: str, tool: str, args: dict[str, Any]) -> httpx.Response:
    return httpx.post(f"{gw.url}/v1/tools/{tool}/invoke", json={"arguments": args}, timeout=20,
                      headers={"authorization": f"Bearer {key}", "x-wardgate-run-id": run})


def test_another_agent_cannot_spend_or_read_a_runs_budget(gw: RunningGateway) -> None:
    first = _chat(gw, A, "run-a")
    assert first.status_code == 200 and first.headers["x-wardgate-budget-remaining-llm-calls"] == "2"
    beta = [_chat(gw, B, "run-a") for _ in range(5)]
    assert [r.status_code for r in beta] == [200, 200, 200, 403, 403]  # beta exhausts its own run
    assert beta[0].headers["x-wardgate-budget-remaining-llm-calls"] == "2"  # not alpha's numbers
    assert beta[-1].json()["error"]["code"] == "budget-exhausted"
    again = _chat(gw, A, "run-a")
    assert again.status_code == 200, again.text
    assert again.headers["x-wardgate-budget-remaining-llm-calls"] == "1"
    ledger = httpx.get(f"{gw.admin_url}/admin/budgets/run-a?agent=alpha",
                       headers={"authorization": f"Bearer {ADMIN_TOKEN}"}).json()
    assert ledger["agent_id"] == "alpha" and ledger["used"]["llm_calls"] == 2


def test_another_agent_cannot_trip_a_runs_loop_protection(gw: RunningGateway) -> None:
    beta = [_tool(gw, B, "run-loop", "notes.add", {"note": "same"}).status_code for _ in range(4)]
    assert beta == [200, 200, 200, 403]
    assert _tool(gw, A, "run-loop", "notes.add", {"note": "same"}).status_code == 200


def test_another_agents_denial_does_not_escalate_or_show_in_a_run(gw: RunningGateway) -> None:
    held = _tool(gw, B, "run-esc", "payments.refund", {"amount": 1})
    assert held.status_code == 202
    denied = httpx.post(f"{gw.admin_url}/admin/approvals/{held.json()['approval']['id']}/deny",
                        json={"reason": "no"}, headers={"authorization": f"Bearer {APPROVER_ALL}"})
    assert denied.status_code == 200
    assert _tool(gw, B, "run-esc", "notes.add", {"note": "b"}).status_code == 202  # beta's run escalates
    assert _tool(gw, A, "run-esc", "notes.add", {"note": "a"}).status_code == 200  # alpha's does not
    mine = _tool(gw, A, "run-esc", "payments.refund", {"amount": 2})
    assert mine.status_code == 202
    ctx = httpx.get(f"{gw.admin_url}/admin/approvals/{mine.json()['approval']['id']}",
                    headers={"authorization": f"Bearer {APPROVER_ALL}"}).json()
    assert {c.get("agent_id") for c in ctx["run"]["calls"]} == {"alpha"}  # the approver sees alpha's run only
    trace = httpx.get(f"{gw.admin_url}/admin/runs/run-esc?agent=alpha",
                      headers={"authorization": f"Bearer {ADMIN_TOKEN}"}).json()
    assert [c["target"] for c in trace["calls"] if "target" in c] == ["notes.add", "payments.refund"]
