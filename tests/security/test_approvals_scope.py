"""Approvals: a scoped approver sees only what it may decide; MCP agents redeem approvals through `_meta`."""

from __future__ import annotations

from typing import Any

import httpx

from tests.security.support import APPROVER_ALL, APPROVER_TICKETS, Hostile, mcp_call
from tests.support.gateway import ADMIN_TOKEN, AGENT_KEY, RunningGateway


def _held(gw: RunningGateway, tool: str, args: dict[str, Any], run: str) -> str:
    r = httpx.post(f"{gw.url}/v1/tools/{tool}/invoke", json={"arguments": args}, timeout=20,
                   headers={"authorization": f"Bearer {AGENT_KEY}", "x-wardgate-run-id": run})
    assert r.status_code == 202, r.text
    return str(r.json()["approval"]["id"])


def _admin(gw: RunningGateway, token: str, path: str = "") -> httpx.Response:
    return httpx.get(f"{gw.admin_url}/admin/approvals{path}", headers={"authorization": f"Bearer {token}"})


def test_a_scoped_approver_lists_and_reads_only_what_it_may_decide(gw: RunningGateway) -> None:
    money = _held(gw, "payments.refund", {"amount": 5}, "run-scope")
    ticket = _held(gw, "tickets.close", {"note": "done"}, "run-scope")
    scoped = _admin(gw, APPROVER_TICKETS)
    assert [a["id"] for a in scoped.json()["approvals"]] == [ticket]
    assert _admin(gw, APPROVER_TICKETS, f"/{money}").status_code == 404  # arguments and run trace stay hidden
    assert _admin(gw, APPROVER_TICKETS, f"/{ticket}").json()["tool"] == "tickets.close"
    assert _admin(gw, APPROVER_TICKETS, "?tool=payments.refund").json()["approvals"] == []
    for token in (APPROVER_ALL, ADMIN_TOKEN):  # unscoped approvers and the admin token read everything
        assert {a["id"] for a in _admin(gw, token).json()["approvals"]} == {money, ticket}
        assert _admin(gw, token, f"/{money}").json()["arguments"] == {"amount": 5}


def test_mcp_meta_redeems_an_approval_with_the_headers_binding(gw: RunningGateway, hostile: Hostile) -> None:
    run = {"x-wardgate-run-id": "run-mcp-approval"}
    first = mcp_call(gw, "payments.refund", {"amount": 7}, **run)
    assert first.structured_content["status"] == "needs_human"
    approval = first.structured_content["approval"]["id"]
    ok = httpx.post(f"{gw.admin_url}/admin/approvals/{approval}/approve", json={"reason": "fine"},
                    headers={"authorization": f"Bearer {APPROVER_ALL}"})
    assert ok.status_code == 200, ok.text
    meta = {"wardgate/approval": approval}
    other_args = mcp_call(gw, "payments.refund", {"amount": 700}, meta=meta, **run)  # bound to the arguments
    assert other_args.is_error and other_args.structured_content["error"]["code"] == "approval-invalid"
    other_run = mcp_call(gw, "payments.refund", {"amount": 7}, meta=meta, **{"x-wardgate-run-id": "run-else"})
    assert other_run.is_error and other_run.structured_content["error"]["code"] == "approval-invalid"
    assert hostile.calls == []
    used = mcp_call(gw, "payments.refund", {"amount": 7}, meta=meta, **run)
    assert not used.is_error and used.structured_content == {"status": "success", "result": {"ok": True}}
    again = mcp_call(gw, "payments.refund", {"amount": 7}, meta=meta, **run)  # single use
    assert again.is_error and again.structured_content["error"]["code"] == "approval-invalid"
    assert hostile.calls == ["/tool/ok"]
    pending = _admin(gw, ADMIN_TOKEN, "?status=pending").json()["approvals"]
    assert pending == []  # no re-send opened a new approval
