"""End to end: `on_alert.require_approval` holds a run's further LLM calls for a human once its budget alert
fired (approve → answered; deny → 403 approval-denied; nobody → 403 approval-expired after the critical timeout;
the client leaving → recorded cancelled, charged nothing)."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from tests.approvals.harness import TOKENS, Approver, approvals_rules
from tests.support.gateway import ADMIN_TOKEN, AGENT_KEY, RunningGateway, models_rules, start_gateway
from tests.support.leaving import send, wait_for
from tests.support.upstream import FakeUpstream


@pytest.fixture
def gateway(tmp_path: Path, upstream: FakeUpstream) -> Iterator[RunningGateway]:
    rules = tmp_path / "rules"
    rules.mkdir()
    agent = {"keys": [{"value": AGENT_KEY}], "models": {"allow": ["*"]},
             "budget": {"llm_calls": 10, "alert_at": 0.2, "on_alert": {"require_approval": True}}}
    (rules / "models.yaml").write_text(yaml.safe_dump(models_rules(upstream.url)))
    (rules / "agents.yaml").write_text(yaml.safe_dump({"agents": {"tester": agent}}))
    tiers = {"high": {"handling": "async", "timeout_s": 600}, "critical": {"handling": "sync", "timeout_s": 2}}
    (rules / "approvals.yaml").write_text(yaml.safe_dump(approvals_rules(tiers=tiers)))
    gw = start_gateway(rules, tmp_path / "state")
    yield gw
    gw.stop()


def chat(gw: RunningGateway) -> httpx.Response:
    return httpx.post(f"{gw.url}/v1/chat/completions", timeout=30,
                      headers={"authorization": f"Bearer {AGENT_KEY}", "x-wardgate-run-id": "alerted"},
                      json={"model": "gpt-4o-mini", "max_tokens": 50, "messages": [{"role": "user", "content": "hi"}]})


def decided(gw: RunningGateway, approver: Approver, choice: str) -> tuple[httpx.Response, dict[str, Any]]:
    with ThreadPoolExecutor(1) as pool:
        held = pool.submit(chat, gw)
        pending = approver.wait_for_pending(tool="gpt-4o-mini")
        assert approver.decide(pending["id"], choice, f"{choice} in a test").status_code == 200
        return held.result(timeout=20), pending


def test_past_the_alert_each_llm_call_waits_for_a_human(gateway: RunningGateway, upstream: FakeUpstream) -> None:
    assert [chat(gateway).status_code for _ in range(2)] == [200, 200]  # 2 of 10 calls: the alert fires
    alice = Approver(gateway.admin_url, TOKENS["alice"])
    answered, pending = decided(gateway, alice, "approve")
    assert answered.status_code == 200, answered.text
    shown = alice.show(pending["id"]).json()
    assert shown["tier"] == "critical" and "budget" in str(shown).lower()
    refused, _ = decided(gateway, alice, "deny")
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "approval-denied"
    expired = chat(gateway)  # nobody decides within the critical tier's 2 s
    assert expired.status_code == 403 and expired.json()["error"]["code"] == "approval-expired"
    assert len([r for r in upstream.received if r.path.endswith("/chat/completions")]) == 3
    ledger = httpx.get(f"{gateway.admin_url}/admin/budgets/alerted",
                       headers={"authorization": f"Bearer {ADMIN_TOKEN}"}).json()
    assert ledger["used"]["llm_calls"] == 3 and ledger["reserved"]["llm_calls"] == 0  # refused calls released
    checks = [d["check"] for c in gateway.run_trace("alerted")["calls"] for d in c["decisions"]]
    assert "budget-alert" in checks


def test_a_client_leaving_an_llm_call_held_past_the_alert_ends_it_uncharged(
        gateway: RunningGateway, upstream: FakeUpstream) -> None:
    """The wait ends as the client leaves (before the critical tier's 2 s would expire it): recorded `cancelled`,
    499, nothing sent upstream, nothing charged; the approval is withdrawn and cannot be approved."""
    assert [chat(gateway).status_code for _ in range(2)] == [200, 200]  # the alert fires
    alice = Approver(gateway.admin_url, TOKENS["alice"])
    body = {"model": "gpt-4o-mini", "max_tokens": 50, "messages": [{"role": "user", "content": "hi"}]}
    client = send(gateway, "/v1/chat/completions", body, "alerted")
    pending = alice.wait_for_pending(tool="gpt-4o-mini")
    client.close()
    calls = wait_for("the held call recorded", lambda: [c for c in (gateway.run_trace("alerted") or {}).get(
        "calls", []) if c.get("status") in (403, 499)])
    assert [(c["outcome"], c["status"]) for c in calls] == [("cancelled", 499)]  # not approval-expired
    assert "held for approval" in calls[0]["detail"]["cancelled"]
    ledger = httpx.get(f"{gateway.admin_url}/admin/budgets/alerted",
                       headers={"authorization": f"Bearer {ADMIN_TOKEN}"}).json()
    assert ledger["used"]["llm_calls"] == 2 and ledger["reserved"]["llm_calls"] == 0  # nothing was sent
    assert len([r for r in upstream.received if r.path.endswith("/chat/completions")]) == 2
    assert alice.show(pending["id"]).json()["status"] == "withdrawn"
    assert alice.decide(pending["id"], "approve", "ok").status_code == 409
