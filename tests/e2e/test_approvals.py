"""Approvals end to end over real HTTP: async, deny, expiry, sync, two-person rule, approver scope, context."""

from __future__ import annotations

import concurrent.futures
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.approvals.harness import ADMIN, TOKENS, Agent, Approver, Clock, approvals_rules, start, write_all
from tests.support.gateway import OTHER_KEY, RunningGateway
from tests.support.upstream import FakeUpstream


@pytest.fixture
def tool_upstream() -> Iterator[FakeUpstream]:
    up = FakeUpstream().start()
    up.behaviour.handler = lambda path, body: {"done": body}
    yield up
    up.stop()


@pytest.fixture
def clock() -> Clock:
    return Clock()


def _gateway(tmp_path: Path, up: FakeUpstream, clock: Clock, approvals: dict[str, Any] | None = None) -> RunningGateway:
    rules_dir, tools_dir = write_all(tmp_path, up.url, approvals)
    return start(rules_dir, tools_dir, tmp_path / "state", clock=clock)


@pytest.fixture
def gw(tmp_path: Path, tool_upstream: FakeUpstream, clock: Clock) -> Iterator[RunningGateway]:
    running = _gateway(tmp_path, tool_upstream, clock)
    yield running
    running.stop()


def tool_calls(up: FakeUpstream) -> list[Any]:
    return [r.body for r in up.received if r.path == "/tool"]


def test_async_approve_resend_executes_exactly_once(gw: RunningGateway, tool_upstream: FakeUpstream) -> None:
    agent, alice = Agent(gw.url), Approver(gw.admin_url, TOKENS["alice"])
    args = {"amount": 120, "order": "A-17"}
    r = agent.invoke("payments.refund", args)
    assert r.status_code == 202, r.text
    body = r.json()
    assert body["status"] == "needs_human"
    approval = body["approval"]
    assert approval["poll"] == f"/v1/approvals/{approval['id']}" and approval["expires_at"] > 0
    assert tool_calls(tool_upstream) == []
    assert agent.poll(approval["id"]).json()["status"] == "pending"
    assert Agent(gw.url, key=OTHER_KEY).poll(approval["id"]).status_code == 404  # only its own

    decided = alice.decide(approval["id"], "approve", "customer verified")
    assert decided.status_code == 200 and decided.json()["status"] == "approved"
    assert agent.poll(approval["id"]).json()["status"] == "approved"

    changed = agent.invoke("payments.refund", {**args, "amount": 121}, approval=approval["id"])
    assert changed.status_code == 409 and changed.json()["error"]["code"] == "approval-invalid"
    other_run = Agent(gw.url, run_id="another-run").invoke("payments.refund", args, approval=approval["id"])
    assert other_run.status_code == 409

    done = agent.invoke("payments.refund", args, approval=approval["id"])
    assert done.status_code == 200, done.text
    assert done.json() == {"status": "success", "result": {"done": args}}
    again = agent.invoke("payments.refund", args, approval=approval["id"])
    assert again.status_code == 409 and again.json()["error"]["code"] == "approval-invalid"
    assert tool_calls(tool_upstream) == [args]
    assert agent.poll(approval["id"]).json()["status"] == "used"


def test_deny_message_reaches_the_agent(gw: RunningGateway, tool_upstream: FakeUpstream) -> None:
    agent, alice = Agent(gw.url), Approver(gw.admin_url, TOKENS["alice"])
    approval = agent.invoke("payments.refund", {"amount": 50}).json()["approval"]
    assert alice.decide(approval["id"], "deny", "Refund via store credit instead.").status_code == 200
    polled = agent.poll(approval["id"]).json()
    assert polled["status"] == "denied" and polled["message"] == "Refund via store credit instead."
    r = agent.invoke("payments.refund", {"amount": 50}, approval=approval["id"])
    assert r.status_code == 403
    err = r.json()["error"]
    assert err["code"] == "approval-denied" and "Refund via store credit instead." in err["message"]
    assert tool_calls(tool_upstream) == []
    assert alice.decide(approval["id"], "approve", "changed my mind").status_code == 409


def test_expiry_denies(gw: RunningGateway, clock: Clock, tool_upstream: FakeUpstream) -> None:
    agent, alice = Agent(gw.url), Approver(gw.admin_url, TOKENS["alice"])
    first = agent.invoke("payments.refund", {"amount": 10}).json()["approval"]
    clock.offset += 601  # past the high tier's timeout_s
    assert agent.poll(first["id"]).json()["status"] == "expired"
    assert alice.decide(first["id"], "approve", "too late").status_code == 409
    r = agent.invoke("payments.refund", {"amount": 10}, approval=first["id"])
    assert r.status_code == 403 and r.json()["error"]["code"] == "approval-expired"
    # approved but not re-sent within use_within_s expires too
    second = agent.invoke("payments.refund", {"amount": 11}).json()["approval"]
    assert alice.decide(second["id"], "approve", "ok").status_code == 200
    clock.offset += 301
    r = agent.invoke("payments.refund", {"amount": 11}, approval=second["id"])
    assert r.status_code == 403 and r.json()["error"]["code"] == "approval-expired"
    assert [a["id"] for a in alice.list(status="expired")] == [second["id"], first["id"]]
    assert tool_calls(tool_upstream) == []


def test_sync_call_waits_and_is_released_by_an_approval(gw: RunningGateway, tool_upstream: FakeUpstream) -> None:
    agent, alice = Agent(gw.url), Approver(gw.admin_url, TOKENS["alice"])
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        waiting = pool.submit(agent.invoke, "db.drop", {"table": "sessions"})
        pending = alice.wait_for_pending(tool="db.drop")
        assert pending["tier"] == "critical" and pending["handling"] == "sync"
        assert not waiting.done()
        assert alice.decide(pending["id"], "approve", "scheduled maintenance").status_code == 200
        r = waiting.result(timeout=10)
    assert r.status_code == 200, r.text
    assert tool_calls(tool_upstream) == [{"table": "sessions"}]
    assert Agent(gw.url).poll(pending["id"]).json()["status"] == "used"


def test_sync_call_denied_and_timed_out(gw: RunningGateway, clock: Clock, tool_upstream: FakeUpstream) -> None:
    agent, alice = Agent(gw.url), Approver(gw.admin_url, TOKENS["alice"])
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        waiting = pool.submit(agent.invoke, "db.drop", {"table": "users"})
        pending = alice.wait_for_pending(tool="db.drop")
        alice.decide(pending["id"], "deny", "never drop users")
        r = waiting.result(timeout=10)
        assert r.status_code == 403 and r.json()["error"]["code"] == "approval-denied"
        assert "never drop users" in r.json()["error"]["message"]
        waiting = pool.submit(agent.invoke, "db.drop", {"table": "orders"})
        alice.wait_for_pending(tool="db.drop")
        clock.offset += 21  # past the critical tier's timeout_s
        r = waiting.result(timeout=10)
        assert r.status_code == 403 and r.json()["error"]["code"] == "approval-expired"
    assert tool_calls(tool_upstream) == []


def test_escalated_refund_context_for_the_approver(gw: RunningGateway, tool_upstream: FakeUpstream) -> None:
    agent, alice = Agent(gw.url, run_id="ctx-run"), Approver(gw.admin_url, TOKENS["alice"])
    assert agent.invoke("tickets.create", {"title": "x"}).status_code == 200  # low: straight through
    assert agent.invoke("notes.add", {"text": "y"}).status_code == 200       # medium: through, logged
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        waiting = pool.submit(agent.invoke, "payments.refund", {"amount": 900, "order": "B-2"})
        pending = alice.wait_for_pending(tool="payments.refund")
        ctx = alice.show(pending["id"]).json()
        assert ctx["tier"] == "critical" and ctx["why"]["base_tier"] == "high"
        assert ctx["why"]["raised_by"] == ["large-refund"]
        assert ctx["why"]["reasons"] == ["Refunds over $500 need a human first."]
        assert ctx["arguments"] == {"amount": 900, "order": "B-2"}
        assert ctx["impact"] == "Money leaves the company account and cannot be pulled back."
        assert "payments.refund" in ctx["what"] and "tester" in ctx["what"]
        assert [o["decision"] for o in ctx["options"]] == ["approve", "deny"]
        assert [c.get("target") for c in ctx["run"]["calls"]][:2] == ["tickets.create", "notes.add"]
        alice.decide(pending["id"], "deny", "too large")
        assert waiting.result(timeout=10).status_code == 403
    trace = gw.run_trace("ctx-run")
    approval_verdicts = [d for c in trace["calls"] for d in c["decisions"] if d["check"] == "approval"]
    assert [d["detail"]["tier"] for d in approval_verdicts] == ["low", "medium", "critical"]
    assert approval_verdicts[1]["detail"]["logged"] is True


def test_two_person_rule(tmp_path: Path, tool_upstream: FakeUpstream, clock: Clock) -> None:
    rules = approvals_rules(tiers={"critical": {"handling": "sync", "timeout_s": 20, "two_person": True}})
    running = _gateway(tmp_path, tool_upstream, clock, rules)
    try:
        agent = Agent(running.url)
        alice, bob = Approver(running.admin_url, TOKENS["alice"]), Approver(running.admin_url, TOKENS["bob"])
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            waiting = pool.submit(agent.invoke, "db.drop", {"table": "tmp"})
            pending = alice.wait_for_pending()
            first = alice.decide(pending["id"], "approve", "ok by me")
            assert first.json()["status"] == "pending" and first.json()["approvals"] == 1
            assert alice.decide(pending["id"], "approve", "really ok").status_code == 409
            assert not waiting.done()
            assert bob.decide(pending["id"], "approve", "second pair of eyes").json()["status"] == "approved"
            assert waiting.result(timeout=10).status_code == 200
        votes = alice.show(pending["id"]).json()["votes"]
        assert [v["approver"] for v in votes] == ["alice", "bob"]
    finally:
        running.stop()


def test_approver_scope_and_tokens(gw: RunningGateway, tool_upstream: FakeUpstream) -> None:
    agent = Agent(gw.url)
    carol, alice = Approver(gw.admin_url, TOKENS["carol"]), Approver(gw.admin_url, TOKENS["alice"])
    admin, stranger = Approver(gw.admin_url, ADMIN), Approver(gw.admin_url, "not-a-token")
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        waiting = pool.submit(agent.invoke, "db.drop", {"table": "t"})
        pending = alice.wait_for_pending()
        refused = carol.decide(pending["id"], "approve", "looks fine")  # carol may decide high only
        assert refused.status_code == 403 and "critical" in refused.json()["error"]["message"]
        assert admin.decide(pending["id"], "approve", "admin").status_code == 403  # reads, never decides
        assert stranger.decide(pending["id"], "approve", "x").status_code == 401
        assert [a["id"] for a in admin.list()] == [pending["id"]]
        alice.decide(pending["id"], "deny", "no")
        waiting.result(timeout=10)
    high = agent.invoke("payments.refund", {"amount": 5}).json()["approval"]
    assert carol.decide(high["id"], "approve", "small").status_code == 200


def test_approval_rate_and_wait_reach_metrics(gw: RunningGateway, clock: Clock, tool_upstream: FakeUpstream) -> None:
    import httpx

    agent, alice = Agent(gw.url), Approver(gw.admin_url, TOKENS["alice"])
    approval = agent.invoke("payments.refund", {"amount": 120, "order": "M-1"}).json()["approval"]
    clock.offset += 7.0
    alice.decide(approval["id"], "deny", "not today")
    metrics = httpx.get(f"{gw.admin_url}/metrics", headers={"authorization": f"Bearer {ADMIN}"}).text
    assert 'wardgate_approvals_requested_total{tier="high",tool="payments.refund"} 1.0' in metrics
    assert 'wardgate_approvals_decided_total{decision="denied",tier="high",tool="payments.refund"} 1.0' in metrics
    wait = [line for line in metrics.splitlines()
            if line.startswith('wardgate_approval_wait_seconds_sum{decision="denied",tier="high"}')]
    assert len(wait) == 1 and 7.0 <= float(wait[0].split()[-1]) < 9.0
