"""Both planes take JSON whatever the content type says, and answer every error in the gateway's shape.

Requests here are sent as plain `curl -d` sends them: `content-type: application/x-www-form-urlencoded`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.approvals.harness import ADMIN, TOKENS, Agent, start, write_all
from tests.support.gateway import AGENT_KEY, RunningGateway
from tests.support.upstream import FakeUpstream

FORM = {"content-type": "application/x-www-form-urlencoded"}


@pytest.fixture
def gw(tmp_path: Path, upstream: FakeUpstream) -> Iterator[RunningGateway]:
    upstream.behaviour.handler = lambda path, body: {"done": body}
    rules_dir, tools_dir = write_all(tmp_path, upstream.url)
    running = start(rules_dir, tools_dir, tmp_path / "state")
    yield running
    running.stop()


def test_an_approver_decides_with_plain_curl_d(gw: RunningGateway) -> None:
    agent = Agent(gw.url)
    held = agent.invoke("payments.refund", {"amount": 20})
    assert held.status_code == 202
    approval = held.json()["approval"]["id"]
    r = httpx.post(f"{gw.admin_url}/admin/approvals/{approval}/approve", content=b'{"reason": "checked"}',
                   headers={**FORM, "authorization": f"Bearer {TOKENS['alice']}"})
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "approved"
    assert agent.invoke("payments.refund", {"amount": 20}, approval).json()["status"] == "success"


def _error(r: httpx.Response) -> dict[str, Any]:
    body = r.json()
    assert "detail" not in body, body
    return dict(body["error"])


# (plane, method, path, body, status, code, words in the message)
CASES = [
    ("data", "POST", "/v1/messages/count_tokens", b'{"model": "claude-x", "messages": []}', 404, "not-found",
     "does not serve POST /v1/messages/count_tokens"),
    ("data", "GET", "/v1/no-such-route", None, 404, "not-found", "does not serve GET /v1/no-such-route"),
    ("data", "DELETE", "/v1/chat/completions", None, 405, "method-not-allowed", "DELETE is not allowed"),
    ("data", "GET", "/v1/tools/weather/invoke", None, 405, "method-not-allowed", "GET is not allowed"),
    ("admin", "GET", "/admin/nothing-here", None, 404, "not-found", "does not serve"),
    ("admin", "GET", "/admin/approvals?limit=many", None, 400, "request-invalid", "limit"),
    ("admin", "POST", "/admin/approvals/apr_x/approve", b"reason=checked", 400, "request-invalid", "JSON"),
    ("admin", "POST", "/admin/approvals/apr_x/approve", b'{"reason": ""}', 400, "request-invalid", "reason"),
    ("admin", "POST", "/admin/approvals/apr_missing/approve", b'{"reason": "ok"}', 404, "not-found", "apr_missing"),
    ("admin", "GET", "/admin/runs/no-such-run", None, 404, "not-found", "no-such-run"),
]


@pytest.mark.parametrize(("plane", "method", "path", "body", "status", "code", "words"), CASES)
def test_errors_come_in_the_gateway_shape(gw: RunningGateway, plane: str, method: str, path: str,
                                          body: bytes | None, status: int, code: str, words: str) -> None:
    base = gw.url if plane == "data" else gw.admin_url
    token = AGENT_KEY if plane == "data" else TOKENS["alice"] if method == "POST" else ADMIN
    r = httpx.request(method, base + path, content=body, headers={**FORM, "authorization": f"Bearer {token}"})
    assert r.status_code == status, r.text
    err = _error(r)
    assert err["code"] == code and words in err["message"], err


def test_unknown_messages_routes_answer_in_anthropic_shape(gw: RunningGateway) -> None:
    r = httpx.post(f"{gw.url}/v1/messages/count_tokens", json={}, headers={"x-api-key": AGENT_KEY})
    assert r.json()["type"] == "error" and r.json()["error"]["type"] == "not_found_error"


def test_an_admin_token_alone_may_not_decide(gw: RunningGateway) -> None:
    r = httpx.post(f"{gw.admin_url}/admin/approvals/apr_x/approve", content=b'{"reason": "x"}',
                   headers={**FORM, "authorization": f"Bearer {ADMIN}"})
    assert r.status_code == 403 and _error(r)["code"] == "forbidden"
