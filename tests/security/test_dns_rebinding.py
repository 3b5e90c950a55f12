"""DNS rebinding: a request naming another host, or sent from a foreign browser origin, is refused on both planes.

The decision is a pure function (table below); the black-box tests send real requests to a real gateway."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from gateway.routes.host_guard import AllowedHosts, decide
from tests.support.gateway import ADMIN_TOKEN, AGENT_KEY, RunningGateway, start_gateway, write_rules
from tests.support.upstream import FakeUpstream

ALLOWED = AllowedHosts.of(("gateway.internal", ".corp.example"), "127.0.0.1")

DECISIONS = [
    # host, origin, admin plane?, refused because
    ("127.0.0.1:8080", None, False, None),
    ("localhost:8080", None, False, None),
    ("[::1]:8080", None, False, None),
    ("10.0.3.7:8080", None, False, None),  # an IP literal cannot come from a rebinding page
    ("gateway.internal", None, False, None),
    ("GATEWAY.internal.:8080", None, False, None),
    ("wg.corp.example", None, False, None),
    ("corp.example", None, False, None),
    ("evil.example", None, False, "host"),
    ("evil.example:8080", None, False, "host"),
    ("gateway.internal.evil.example", None, False, "host"),
    ("localhost.evil.example", None, False, "host"),
    ("evilcorp.example", None, False, "host"),
    (None, None, False, "host"),
    ("127.0.0.1:notaport", None, False, "host"),
    ("127.0.0.1:8080", "http://127.0.0.1:8080", False, None),
    ("127.0.0.1:8080", "http://localhost:3000", False, None),
    ("127.0.0.1:8080", "https://evil.example", False, "origin"),
    ("127.0.0.1:8080", "null", False, "origin"),
    ("127.0.0.1:8081", "http://127.0.0.1:8081", True, None),  # the console's own origin
    ("127.0.0.1:8081", "http://localhost:3000", True, "origin"),
    ("127.0.0.1:8081", "https://evil.example", True, "origin"),
]


@pytest.mark.parametrize(("host", "origin", "admin", "why"), DECISIONS)
def test_decide(host: str | None, origin: str | None, admin: bool, why: str | None) -> None:
    assert decide(host, origin, ALLOWED, same_origin_only=admin) == why


def test_a_star_turns_the_check_off() -> None:
    assert decide("anything.example", None, AllowedHosts.of(("*",)), same_origin_only=False) is None


@pytest.fixture
def gw(tmp_path: Path, upstream: FakeUpstream) -> Iterator[RunningGateway]:
    running = start_gateway(write_rules(tmp_path / "rules", upstream.url), tmp_path / "state",
                            allowed_hosts=("gateway.internal",))
    yield running
    running.stop()


CHAT = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}


def test_a_foreign_host_is_refused_on_both_planes(gw: RunningGateway, upstream: FakeUpstream) -> None:
    auth = {"authorization": f"Bearer {AGENT_KEY}"}
    evil = {"host": "evil.example"}
    r = httpx.post(f"{gw.url}/v1/chat/completions", json=CHAT, headers={**auth, **evil})
    assert r.status_code == 421
    assert r.json()["error"]["code"] == "host-not-allowed"
    r = httpx.post(f"{gw.url}/v1/messages", json={**CHAT, "max_tokens": 5}, headers={**auth, **evil})
    assert r.status_code == 421 and r.json()["type"] == "error"  # Anthropic's envelope
    r = httpx.get(f"{gw.admin_url}/admin/approvals", headers={"authorization": f"Bearer {ADMIN_TOKEN}", **evil})
    assert r.status_code == 421 and r.json()["error"]["code"] == "host-not-allowed"
    assert upstream.received == []


def test_configured_and_local_names_pass(gw: RunningGateway) -> None:
    auth = {"authorization": f"Bearer {AGENT_KEY}"}
    for host in ("gateway.internal", f"localhost:{gw.servers.ports[0]}"):
        r = httpx.post(f"{gw.url}/v1/chat/completions", json=CHAT, headers={**auth, "host": host})
        assert r.status_code == 200, (host, r.text)


def test_a_foreign_browser_origin_is_refused(gw: RunningGateway) -> None:
    auth = {"authorization": f"Bearer {AGENT_KEY}"}
    r = httpx.post(f"{gw.url}/v1/chat/completions", json=CHAT, headers={**auth, "origin": "https://evil.example"})
    assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"
    # The admin plane accepts only its own origin (the console): a plain form-like POST from a page is refused.
    admin = {"authorization": f"Bearer {ADMIN_TOKEN}"}
    r = httpx.get(f"{gw.admin_url}/admin/approvals", headers={**admin, "origin": "http://localhost:3000"})
    assert r.status_code == 403
    r = httpx.get(f"{gw.admin_url}/admin/approvals", headers={**admin, "origin": gw.admin_url})
    assert r.status_code == 200
