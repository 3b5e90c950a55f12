"""A client that leaves while its call is held for a human's approval (sync handling): the gateway stops waiting
at once, records the call `cancelled` (499) and runs nothing; the approval is withdrawn, so no approver can approve it
and no re-sent call can redeem it: asking again is a new call with a new approval (REST and MCP). (An LLM call held past its run's
budget alert: tests/e2e/test_limits_approval.py.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.approvals.harness import TOKENS, Agent, Approver, approvals_rules, start, write_all
from tests.support.gateway import RunningGateway
from tests.support.leaving import send, wait_for
from tests.support.upstream import FakeUpstream

# The approval waits ten minutes: only the client's departure can end the call within the test.
SLOW = approvals_rules(tiers={"high": {"handling": "async", "timeout_s": 600},
                              "critical": {"handling": "sync", "timeout_s": 600}})
REST = ("/v1/tools/db.drop/invoke", {"arguments": {"table": "t"}}, ())
MCP = ("/mcp", {"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": "db.drop",
                                                                           "arguments": {"table": "t"}}},
       (("accept", "application/json, text/event-stream"),))


@pytest.fixture
def gw(tmp_path: Path, upstream: FakeUpstream) -> Iterator[RunningGateway]:
    upstream.behaviour.handler = lambda path, body: {"done": body}
    rules_dir, tools_dir = write_all(tmp_path, upstream.url, SLOW)
    running = start(rules_dir, tools_dir, tmp_path / "state")
    yield running
    running.stop()


def tool_calls(up: FakeUpstream) -> int:
    return sum(1 for r in up.received if r.path == "/tool")


@pytest.mark.parametrize("route", [REST, MCP], ids=["rest", "mcp"])
def test_a_client_leaving_a_call_held_for_approval_ends_it_and_withdraws_the_approval(
        gw: RunningGateway, upstream: FakeUpstream, route: tuple[str, dict[str, Any], tuple[tuple[str, str], ...]]
) -> None:
    path, body, headers = route
    run = f"run-held-{path.strip('/').replace('/', '-')}"
    approver = Approver(gw.admin_url, TOKENS["alice"])
    client = send(gw, path, body, run, headers)
    pending = approver.wait_for_pending(tool="db.drop")
    client.close()  # the agent gives up while a human has not decided yet

    calls = wait_for("the held call recorded", lambda: [c for c in (gw.run_trace(run) or {}).get("calls", [])
                                                        if c.get("outcome") != "in-flight"])
    assert [(c["outcome"], c["status"]) for c in calls] == [("cancelled", 499)]
    assert "held for approval" in calls[0]["detail"]["cancelled"]
    withdrawn = approver.show(pending["id"]).json()
    assert withdrawn["status"] == "withdrawn" and "client disconnected" in withdrawn["message"]

    refused = approver.decide(pending["id"], "approve", "ok")  # nobody waits for it: it cannot be approved
    assert refused.status_code == 409 and "withdrawn" in refused.text
    again = Agent(gw.url, run_id=run).invoke("db.drop", {"table": "t"}, approval=pending["id"])
    assert again.status_code == 409 and again.json()["error"]["code"] == "approval-invalid", again.text
    assert "withdrawn" in again.json()["error"]["message"]
    assert tool_calls(upstream) == 0  # nothing ran, before or after
    assert httpx.get(f"{gw.url}/healthz").status_code == 200
