"""A shared store that is down never becomes a bare 500, and never closes the client's connection: each
Redis-backed check applies its own policy with a reason code (issue 13, item 6), and an admin route whose
PostgreSQL is cut answers 503 with the gateway's error body on a connection that stays usable (item 8)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

import gateway.routes.health as health
from tests.approvals.pg import needs_postgres, private_schema
from tests.support.gateway import ADMIN_TOKEN, RunningGateway, agents_rules, start_gateway, write_rules
from tests.support.http1 import KeepAlive
from tests.support.process import free_port
from tests.support.silent import SilentServer
from tests.support.tcp_proxy import TcpProxy
from tests.support.upstream import FakeUpstream

CHAT = {"model": "gpt-4o-mini", "max_tokens": 8, "messages": [{"role": "user", "content": "hello"}]}


def _agents() -> dict[str, Any]:
    agents = agents_rules()["agents"]
    base = {"models": {"allow": ["*"]}}
    agents.update({
        "open-limit": {**base, "keys": [{"value": "k-open"}], "limits": [{"key": ["agent"], "requests": 5,
                                                                         "per": "minute"}]},
        "closed-limit": {**base, "keys": [{"value": "k-closed"}],
                         "limits": [{"key": ["agent"], "requests": 5, "per": "minute", "on_error": "deny"}]},
        "budget-deny": {**base, "keys": [{"value": "k-bdeny"}], "budget": {"llm_calls": 5}},
        "budget-allow": {**base, "keys": [{"value": "k-ballow"}], "budget": {"llm_calls": 5, "on_error": "allow"}},
    })
    return {"agents": agents}


# agent key → (status, error code or None, what the trace of the call says about the check)
POLICIES = [
    ("k-open", 200, None, ("rate-limit", "skipped_store_down")),      # rate limits fail open (documented)
    ("k-closed", 429, "rate-limited", ("rate-limit", "store_error")),   # on_error: deny → 429, Retry-After 1
    ("k-bdeny", 503, "store-unavailable", ("budget", "store_error")),   # budgets fail closed by default
    ("k-ballow", 200, None, ("budget", "on_error")),                    # budget.on_error: allow
]


@pytest.fixture
def redis_down_gateway(tmp_path: Path, upstream: FakeUpstream) -> Iterator[Any]:
    rules = write_rules(tmp_path / "rules", upstream.url, agents=_agents())
    running = start_gateway(rules, tmp_path / "state", redis_url=f"redis://127.0.0.1:{free_port()}/0")
    yield running
    running.stop()


def test_with_redis_unreachable_each_check_applies_its_own_policy_on_one_keep_alive_connection(
        redis_down_gateway: Any, upstream: FakeUpstream) -> None:
    conn = KeepAlive(redis_down_gateway.servers.ports[0])
    try:
        for key, status, code, (check, said) in POLICIES:
            got, headers, body = conn.request("POST", "/v1/chat/completions", CHAT, {
                "authorization": f"Bearer {key}", "x-wardgate-run-id": f"run-{key}"})
            assert got == status, body
            assert headers.get("connection") != "close"
            if code is not None:
                assert body["error"]["code"] == code and "retry-after" in headers, body
            trace = redis_down_gateway.run_trace(f"run-{key}")
            verdicts = [v for c in trace["calls"] for v in c["decisions"] if v["check"] == check]
            assert verdicts and said in (verdicts[0].get("detail") or {}), trace
            if status == 200:  # the breaker's store is down too: the call passed, and the try says why
                assert trace["calls"][0]["detail"]["attempts"][0]["breaker_store_error"] == "store-unreachable"
        status, _, ready = conn.request("GET", "/readyz")
        assert status == 503 and ready["failing"] == ["redis"]
    finally:
        conn.close()


def test_readyz_names_a_redis_that_takes_connections_and_never_answers(tmp_path: Path,
                                                                      upstream: FakeUpstream) -> None:
    """Item 4: readiness is bounded by its own timeout, not the dependency's: a Redis that hangs (it accepts the
    connection and never replies) makes /readyz answer 503 naming it; the liveness answer is unaffected."""
    silent = SilentServer()
    running = start_gateway(write_rules(tmp_path / "rules", upstream.url), tmp_path / "state",
                            redis_url=f"redis://127.0.0.1:{silent.port}/0",
                            redis_timeout_s=600)  # the client's own timeout does not end the wait: /readyz's does
    try:
        ready = httpx.get(f"{running.url}/readyz", timeout=30)
        assert silent.accepted >= 1  # the probe reached the hanging server …
        assert ready.status_code == 503 and ready.json()["failing"] == ["redis"]  # … and did not wait on it
        assert httpx.get(f"{running.url}/healthz", timeout=30).status_code == 200
    finally:
        running.stop()
        silent.close()


@needs_postgres
def test_an_admin_route_whose_postgresql_is_cut_answers_503_and_keeps_the_connection(
        tmp_path: Path, upstream: FakeUpstream) -> None:
    with private_schema() as url:
        proxy = TcpProxy("127.0.0.1", 5432)
        running = start_gateway(write_rules(tmp_path / "rules", upstream.url), tmp_path / "state",
                                database_url=proxy.url_for(url))
        conn = KeepAlive(running.servers.ports[1])
        auth = {"authorization": f"Bearer {ADMIN_TOKEN}"}
        try:
            assert conn.request("GET", "/admin/approvals", headers=auth)[0] == 200
            with proxy.outage():
                status, headers, body = conn.request("GET", "/admin/approvals", headers=auth)
                assert status == 503 and body["error"]["code"] == "store-unavailable", body
                assert headers["retry-after"] == "1"
                ready = httpx.get(f"{running.url}/readyz", timeout=5)
                assert ready.status_code == 503 and ready.json()["failing"] == ["postgresql"]
            status, _, body = conn.request("GET", "/admin/approvals", headers=auth)  # the same connection
            assert status == 200, body
        finally:
            conn.close()
            running.stop()
            proxy.close()


# an exception no route handles → (status, code, Retry-After)
UNHANDLED = [
    (RuntimeError("a bug"), 500, "internal-error", None),
    (ConnectionResetError("a store's socket"), 503, "store-unavailable", "1"),
]


@pytest.mark.parametrize(("exc", "status", "code", "retry_after"), UNHANDLED, ids=["bug", "store"])
def test_an_unhandled_exception_answers_the_error_body_and_keeps_the_connection(
        gateway: RunningGateway, monkeypatch: pytest.MonkeyPatch, exc: Exception, status: int, code: str,
        retry_after: str | None) -> None:
    """Item 8: Starlette's own last resort re-raises after its 500, and uvicorn then closes the connection."""
    raised: list[Exception] = []

    def failing(*args: Any, **kwargs: Any) -> Any:
        raised.append(exc)
        raise exc

    conn = KeepAlive(gateway.servers.ports[0])
    try:
        assert conn.request("GET", "/healthz")[0] == 200
        monkeypatch.setattr(health, "json_response", failing)
        got, headers, body = conn.request("GET", "/healthz")
        assert raised == [exc] and got == status and isinstance(body, dict), body
        assert body["error"]["code"] == code
        assert headers.get("retry-after") == retry_after and headers.get("connection") != "close"
        monkeypatch.undo()
        assert conn.request("GET", "/healthz")[:3:2] == (200, {"status": "ok"})  # the same connection
    finally:
        conn.close()
