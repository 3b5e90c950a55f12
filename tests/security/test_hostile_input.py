"""Hostile input is cheap to refuse: auth before the body, body and header caps, strict JSON, a depth cap.

Every attack runs black-box: a real HTTP client (or a raw socket) against a real gateway on loopback."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from gateway.settings import from_environ
from tests.support.gateway import ADMIN_TOKEN, AGENT_KEY, RunningGateway, start_gateway, write_rules
from tests.support.process import clean_env, spawn, wait_ready
from tests.support.upstream import FakeUpstream
from tests.tools.fixtures import run_tools_upstream
from tests.tools.support import RunningUpstream, write

CAP = 256 * 1024


@pytest.fixture
def tools_upstream() -> Iterator[RunningUpstream]:
    yield from run_tools_upstream()


@pytest.fixture
def gw(tmp_path: Path, upstream: FakeUpstream, tools_upstream: RunningUpstream) -> Iterator[RunningGateway]:
    rules, tools = write(tmp_path, upstream.url, tools_upstream.url, tools_upstream.state)
    running = start_gateway(rules, tmp_path / "state", tools_dir=tools, max_body_bytes=CAP,
                            admin_max_body_bytes=CAP)
    yield running
    running.stop()


def _raw(port: int, head: bytes, body: bytes = b"") -> bytes:
    """Send a request head (and maybe part of a body) on a raw socket; the gateway's answer, as bytes."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as s:
        s.sendall(head + body)
        chunks = []
        while True:
            try:
                data = s.recv(65536)
            except (TimeoutError, ConnectionResetError):
                break
            if not data:
                break
            chunks.append(data)
            if b"\r\n\r\n" in b"".join(chunks) and b"}" in data:
                break
    return b"".join(chunks)


def _port(url: str) -> int:
    return int(url.rsplit(":", 1)[1])


def test_unknown_key_is_refused_from_the_headers_before_the_body_arrives(gw: RunningGateway) -> None:
    # 50 MB declared, not one byte sent: the 401 must come without waiting for (or reading) the body.
    head = (b"POST /v1/chat/completions HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n"
            b"authorization: Bearer not-a-key\r\ncontent-length: 52428800\r\n\r\n")
    answer = _raw(_port(gw.url), head)
    assert answer.startswith(b"HTTP/1.1 401"), answer[:200]
    assert b'"unauthenticated"' in answer
    tool_head = head.replace(b"/v1/chat/completions", b"/v1/tools/weather.current/invoke")
    assert _raw(_port(gw.url), tool_head).startswith(b"HTTP/1.1 401")


@pytest.mark.parametrize(("path", "shape"), [
    ("/v1/chat/completions", "openai"), ("/v1/messages", "anthropic"), ("/v1/tools/weather.current/invoke", "tool"),
])
def test_a_body_past_the_cap_is_413_in_the_apis_own_shape(gw: RunningGateway, path: str, shape: str) -> None:
    big = b'{"model": "echo", "messages": [{"role": "user", "content": "' + b"a" * (CAP + 10) + b'"}]}'
    r = httpx.post(f"{gw.url}{path}", content=big, timeout=20,
                   headers={"authorization": f"Bearer {AGENT_KEY}", "content-type": "application/json"})
    assert r.status_code == 413, r.text
    body = r.json()
    err = body["error"]
    assert err["code"] == "request-too-large"
    if shape == "anthropic":
        assert body["type"] == "error" and err["type"] == "request_too_large"
    else:
        assert err["type"] == "invalid_request_error"
    if shape == "tool":
        assert body["status"] == "failure"


def test_a_streamed_body_without_length_is_cut_at_the_cap(gw: RunningGateway) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"model": "echo", "messages": [{"role": "user", "content": "'
        for _ in range(64):  # 4 MB in all, sixteen times the cap, sent chunked
            yield b"a" * 65536
        yield b'"}]}'

    r = httpx.post(f"{gw.url}/v1/chat/completions", content=chunks(), timeout=20,
                   headers={"authorization": f"Bearer {AGENT_KEY}", "content-type": "application/json"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "request-too-large"


def test_mcp_and_admin_bodies_are_capped(gw: RunningGateway) -> None:
    big = b'{"jsonrpc": "2.0", "id": 1, "method": "tools/list", "params": {"x": "' + b"a" * (CAP + 10) + b'"}}'
    mcp = httpx.post(f"{gw.url}/mcp", content=big, timeout=20, headers={
        "authorization": f"Bearer {AGENT_KEY}", "content-type": "application/json",
        "accept": "application/json, text/event-stream"})
    assert mcp.status_code == 413 and mcp.json()["error"]["code"] == "request-too-large"
    admin = httpx.post(f"{gw.admin_url}/admin/approvals/apr_x/approve", content=b'{"reason": "' + b"a" * CAP + b'"}',
                       headers={"authorization": f"Bearer {ADMIN_TOKEN}", "content-type": "application/json"})
    assert admin.status_code == 413 and admin.json()["error"]["code"] == "request-too-large"


def test_a_body_under_the_cap_still_works(gw: RunningGateway) -> None:
    r = httpx.post(f"{gw.url}/v1/chat/completions", timeout=20, headers={"authorization": f"Bearer {AGENT_KEY}"},
                   json={"model": "echo", "messages": [{"role": "user", "content": "a" * (CAP // 2)}]})
    assert r.status_code == 200, r.text


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_non_finite_numbers_are_not_json(gw: RunningGateway, upstream: FakeUpstream, literal: str) -> None:
    hdrs = {"authorization": f"Bearer {AGENT_KEY}", "content-type": "application/json"}
    chat = httpx.post(f"{gw.url}/v1/chat/completions", headers=hdrs, content=(
        '{"model": "gpt-4o-mini", "max_tokens": ' + literal + ', "messages": [{"role": "user", "content": "hi"}]}'))
    assert chat.status_code == 400 and chat.json()["error"]["code"] == "request-invalid"
    assert upstream.received == []  # nothing forwarded
    tool = httpx.post(f"{gw.url}/v1/tools/payments.refund/invoke", headers=hdrs,
                      content='{"arguments": {"amount": ' + literal + "}}")
    assert tool.status_code == 400 and tool.json()["error"]["code"] == "request-invalid"


@pytest.mark.parametrize("depth", [100_000, 200])
def test_deep_nesting_is_400_not_500(gw: RunningGateway, depth: int) -> None:
    hdrs = {"authorization": f"Bearer {AGENT_KEY}", "content-type": "application/json"}
    nested = "[" * depth + "]" * depth
    chat = httpx.post(f"{gw.url}/v1/chat/completions", headers=hdrs, content=(
        '{"model": "echo", "messages": [{"role": "user", "content": "hi"}], "metadata": ' + nested + "}"))
    assert chat.status_code == 400 and chat.json()["error"]["code"] == "request-invalid"
    tool = httpx.post(f"{gw.url}/v1/tools/weather.current/invoke", headers=hdrs,
                      content='{"arguments": {"city": ' + nested + "}}")
    assert tool.status_code == 400 and tool.json()["error"]["code"] == "request-invalid"


def test_admin_plane_serves_no_api_description(gw: RunningGateway) -> None:
    for path in ("/docs", "/redoc", "/openapi.json", "/docs/oauth2-redirect"):
        for headers in ({}, {"authorization": f"Bearer {ADMIN_TOKEN}"}):
            assert httpx.get(f"{gw.admin_url}{path}", headers=headers).status_code == 404


def test_caps_default_to_10_mb_and_are_set_per_plane() -> None:
    default = from_environ({})
    assert default.max_body_bytes == default.admin_max_body_bytes == 10 * 1024 * 1024
    s = from_environ({"WARDGATE_MAX_BODY_BYTES": "2048", "WARDGATE_ADMIN_MAX_BODY_BYTES": "1024",
                      "WARDGATE_MAX_HEADER_BYTES": "4096"})
    assert (s.max_body_bytes, s.admin_max_body_bytes, s.max_header_bytes) == (2048, 1024, 4096)


def test_wardgate_serve_refuses_megabyte_headers(tmp_path: Path, upstream: FakeUpstream) -> None:
    rules = write_rules(tmp_path / "rules", upstream.url)
    (tmp_path / "tools").mkdir()
    served = wait_ready(spawn(rules, tmp_path / "tools", tmp_path / "state", tmp_path / "log",
                              clean_env(WARDGATE_MAX_HEADER_BYTES="16384")))
    try:
        r = httpx.get(f"{served.url}/v1/models", headers={"authorization": f"Bearer {AGENT_KEY}",
                                                        "x-pad": "a" * (2 * 1024 * 1024)}, timeout=20)
        assert r.status_code == 413 and r.json()["error"]["code"] == "request-too-large"
        ok = httpx.get(f"{served.url}/v1/models", headers={"authorization": f"Bearer {AGENT_KEY}",
                                                         "x-pad": "a" * 4096}, timeout=20)
        assert ok.status_code == 200
    finally:
        served.kill()



@pytest.mark.parametrize(("arguments", "code"), [
    ('{"city": NaN}', "request-invalid"), ('{"city": ' + "[" * 100 + "]" * 100 + "}", "request-invalid"),
])
def test_mcp_arguments_are_strict_json(gw: RunningGateway, tools_upstream: RunningUpstream, arguments: str,
                                       code: str) -> None:
    body = '{"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": "weather.current", ' \
           '"arguments": ' + arguments + "}}"
    r = httpx.post(f"{gw.url}/mcp", content=body, timeout=20, headers={
        "authorization": f"Bearer {AGENT_KEY}", "content-type": "application/json",
        "accept": "application/json, text/event-stream"})
    result = r.json()["result"]
    assert result["isError"] and result["structuredContent"]["error"]["code"] == code
    assert tools_upstream.state.calls == []
    deep = body.replace(arguments, '{"city": ' + "[" * 100_000 + "]" * 100_000 + "}")
    refused = httpx.post(f"{gw.url}/mcp", content=deep, timeout=20, headers={
        "authorization": f"Bearer {AGENT_KEY}", "content-type": "application/json",
        "accept": "application/json, text/event-stream"})
    assert refused.status_code == 400 and refused.json()["error"]["code"] == -32700  # the SDK's parse error
