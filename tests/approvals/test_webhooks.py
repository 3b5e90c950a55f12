"""Webhook notifications: Slack-readable JSON, HMAC over timestamp + body, retried, never blocking the call."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from gateway.approvals.notify import SIGNATURE_HEADER, TIMESTAMP_HEADER, sign, verify
from tests.approvals.harness import Agent, approvals_rules, start, write_all
from tests.support.threaded import ThreadedServers
from tests.support.upstream import FakeUpstream

SECRET = "webhook-secret"


@dataclass
class Receiver:
    fail_first: int = 1
    got: list[tuple[dict[str, str], bytes]] = field(default_factory=list)
    servers: ThreadedServers | None = None

    def app(self) -> Starlette:
        async def hook(request: Request) -> JSONResponse:
            self.got.append((dict(request.headers), await request.body()))
            return JSONResponse({}, status_code=500 if len(self.got) <= self.fail_first else 200)
        return Starlette(routes=[Route("/hook", hook, methods=["POST"])])

    @property
    def url(self) -> str:
        assert self.servers is not None
        return f"http://127.0.0.1:{self.servers.ports[0]}/hook"


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    r.servers = ThreadedServers([r.app()]).start()
    yield r
    r.servers.stop()


def test_sign_and_verify() -> None:
    body = b'{"text":"x"}'
    sig = sign(SECRET, "1700000000", body)
    assert sig.startswith("v1=")
    assert verify(SECRET, "1700000000", body, sig, now=1700000100)
    assert not verify(SECRET, "1700000000", body + b" ", sig, now=1700000100)      # body changed
    assert not verify(SECRET, "1700000001", body, sig, now=1700000100)             # timestamp changed
    assert not verify("other", "1700000000", body, sig, now=1700000100)            # wrong secret
    assert not verify(SECRET, "1700000000", body, sig, now=1700000000 + 301)       # too old


def test_pending_approval_is_notified_signed_and_retried(tmp_path: Path, receiver: Receiver) -> None:
    up = FakeUpstream().start()
    up.behaviour.handler = lambda path, body: {"done": body}
    rules = approvals_rules(webhooks=[
        {"url": receiver.url, "secret": SECRET, "tiers": ["high"], "console_url": "http://admin.invalid/console"},
        {"url": "http://127.0.0.1:9/unreachable", "secret": SECRET, "tiers": ["high"], "timeout_s": 0.5},
    ])
    rules_dir, tools_dir = write_all(tmp_path, up.url, rules)
    gw = start(rules_dir, tools_dir, tmp_path / "state")
    try:
        t0 = time.monotonic()
        r = Agent(gw.url).invoke("payments.refund", {"amount": 42})
        assert r.status_code == 202 and time.monotonic() - t0 < 2  # a failing webhook never blocks the call
        approval_id = r.json()["approval"]["id"]
        deadline = time.monotonic() + 10
        while len(receiver.got) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(receiver.got) == 2  # the first attempt got a 500 and was retried
        headers, raw = receiver.got[-1]
        assert verify(SECRET, headers[TIMESTAMP_HEADER], raw, headers[SIGNATURE_HEADER], now=time.time())
        body = json.loads(raw)
        assert body["event"] == "approval.pending" and body["approval"]["id"] == approval_id
        assert "payments.refund" in body["text"] and "Money leaves" in body["text"]
        assert f"http://admin.invalid/console#{approval_id}" in body["text"]
        # critical is not subscribed: nothing sent for it
        assert all(json.loads(b)["approval"]["tier"] == "high" for _, b in receiver.got)
    finally:
        gw.stop()
        up.stop()
