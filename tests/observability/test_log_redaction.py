"""The redaction sweep: secrets and PII through every path at DEBUG; no log line (ours, uvicorn's,
libraries') may contain them, nor any prompt, completion, tool argument or tool result text."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from gateway.observability.logs import configure_logging
from tests.approvals.harness import TOKENS, write_all
from tests.observability.support import start
from tests.support.gateway import ADMIN_TOKEN, AGENT_KEY
from tests.support.upstream import FakeUpstream, _default, anthropic_stream_events, chat_body, chat_stream_events

PROVIDER_KEY = "sk-proj-LogSweepProviderKey0123456789abcd"
SECRETS = {
    "openai-key": "sk-proj-SweepSecretInPrompt0123456789abcdef",
    "anthropic-key": "sk-ant-api03-SweepSecretAnthropic0123456789",
    "aws-key": "AKIAIOSFODNN7SWEEPXY",
    "github": "ghp_SweepGithubToken0123456789abcdefghijkl",
    "jwt": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzd2VlcCJ9.c3dlZXBzaWduYXR1cmU",
    "email": "jane.sweep@example.org",
    "card": "4111 1111 1111 1111",
    "ssn": "078-05-1120",
    "phone": "+44 20 7946 0958",
}
# Content that is not a secret shape: only "never log content" keeps these out (redaction would not).
PROMPT = "plum-canary-prompt-4471"
COMPLETION = "fig-canary-completion-9913"
TOOL_ARG = "kiwi-canary-toolarg-5520"
APPROVAL_REASON = "quince-canary-reason-3318"
FORBIDDEN = [*SECRETS.values(), PROVIDER_KEY, PROMPT, COMPLETION, TOOL_ARG, APPROVAL_REASON, AGENT_KEY,
             ADMIN_TOKEN, TOKENS["alice"], "bad-agent-key-Sweep0001"]
LOADED = " ".join([PROMPT, *SECRETS.values()])


def _answer(path: str, body: Any) -> Any:
    text = f"{COMPLETION} {SECRETS['email']} {SECRETS['openai-key']}"
    if path.endswith("/chat/completions"):
        return chat_body(text)
    if path == "/tool":
        return {"done": body, "note": text}
    out = _default(path, body)
    if path.endswith("/v1/messages"):
        out["content"][0]["text"] = text
    elif path.endswith("/responses"):
        out["output"][0]["content"][0]["text"] = text
    return out


def _stream(path: str, body: Any) -> list[bytes]:
    words = [COMPLETION, " ", SECRETS["card"], " ", SECRETS["aws-key"]]
    return anthropic_stream_events(words) if path.endswith("/v1/messages") else chat_stream_events(words)


@pytest.fixture
def capture() -> Iterator[io.StringIO]:
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    out = io.StringIO()
    yield out
    for h in list(root.handlers):
        root.removeHandler(h)
    for h in saved[0]:
        root.addHandler(h)
    root.setLevel(saved[1])


def test_no_secret_pii_or_content_in_any_log_line(tmp_path: Path, capture: io.StringIO) -> None:
    up = FakeUpstream().start()
    up.behaviour.handler = _answer
    up.stream_events = _stream
    rules_dir, tools_dir = write_all(tmp_path, up.url)
    gw = start(rules_dir, tmp_path / "state", tools_dir, env={"OPENAI_API_KEY": PROVIDER_KEY}, log_level="debug")
    try:
        configure_logging("debug", "json", capture)  # after the servers started: uvicorn configured itself
        _every_path(gw.url, gw.admin_url, up)
        gw.servers.call(gw.gw.recorder.flush())
    finally:
        gw.stop()
        up.stop()
    text = capture.getvalue()
    lines = text.splitlines()
    leaked = {s for s in FORBIDDEN if s in text}
    assert not leaked, f"leaked into logs: {leaked}"
    records = [json.loads(line) for line in lines]  # every line is one JSON object
    calls = [r for r in records if r["logger"] == "wardgate.call"]
    assert len(calls) >= 15 and all(r.get("decision_id") and r.get("run_id") for r in calls)
    assert any(r["logger"] == "wardgate.access" and r["route"] == "admin" for r in records)
    assert any(r["logger"] == "wardgate.decision" and r.get("reason") for r in records)
    assert any(r["logger"].startswith("uvicorn") or r["logger"].startswith("aiohttp") or r["logger"] == "asyncio"
               or r["logger"].startswith("httpx") for r in records) or len({r["logger"] for r in records}) > 3


def _every_path(url: str, admin: str, up: FakeUpstream) -> None:
    c = httpx.Client(timeout=15)
    agent = {"authorization": f"Bearer {AGENT_KEY}", "x-wardgate-run-id": "run-sweep"}
    msgs = [{"role": "user", "content": LOADED}]

    def chat(**kw: Any) -> httpx.Response:
        return c.post(f"{url}/v1/chat/completions", headers=agent, json={"model": "gpt-4o-mini", "messages": msgs, **kw})

    assert chat().status_code == 200
    assert COMPLETION in chat(stream=True).text  # the content passes through; only the logs must stay clean
    assert chat(stream=True, stream_options={"include_usage": True}).status_code == 200
    r = c.post(f"{url}/v1/responses", headers=agent, json={"model": "gpt-4o-mini", "input": LOADED})
    assert r.status_code == 200
    ant = {"x-api-key": AGENT_KEY, "anthropic-version": "2023-06-01", "x-wardgate-run-id": "run-sweep"}
    for stream in (False, True):
        r = c.post(f"{url}/v1/messages", headers=ant, json={"model": "claude-x", "max_tokens": 50, "messages": msgs,
                                                              "stream": stream})
        assert r.status_code == 200
    assert c.post(f"{url}/v1/embeddings", headers=agent, json={"model": "text-embedding-3-small",
                                                              "input": LOADED}).status_code == 200
    # refusals: a bad key, a body that is not JSON, an unknown model named like a secret
    assert c.post(f"{url}/v1/chat/completions", headers={"authorization": "Bearer bad-agent-key-Sweep0001"},
                  json={"model": "gpt-4o-mini", "messages": msgs}).status_code == 401
    assert c.post(f"{url}/v1/chat/completions", headers=agent, content=f"{{oops {LOADED}").status_code == 400
    assert c.post(f"{url}/v1/chat/completions", headers=agent,
                  json={"model": SECRETS["openai-key"], "messages": msgs}).status_code == 403
    # upstream errors: 5xx, a provider 4xx quoting the secret, malformed JSON quoting it
    up.behaviour.status = 500
    assert chat().status_code == 502 and chat(stream=True).status_code == 502
    up.behaviour.status, up.behaviour.raw = 400, json.dumps({"error": {"message": LOADED}}).encode()
    assert chat().status_code == 400
    up.behaviour.status, up.behaviour.raw = 200, f"{{not json {LOADED}".encode()
    assert chat().status_code == 502
    up.behaviour.raw = None
    # tools: executed (arguments and result carry secrets), escalated, approved, re-sent; an upstream failure
    def invoke(tool: str, args: Any, **h: str) -> httpx.Response:
        return c.post(f"{url}/v1/tools/{tool}/invoke", headers={**agent, **h}, json={"arguments": args})

    loaded_args = {"title": TOOL_ARG, "customer": SECRETS["email"], "card": SECRETS["card"]}
    assert invoke("tickets.create", loaded_args).status_code == 200
    refund = {"amount": 120, "order": f"{TOOL_ARG} {SECRETS['ssn']}"}
    held = invoke("payments.refund", refund)
    assert held.status_code == 202, held.text
    approval_id = held.json()["approval"]["id"]
    assert c.get(f"{url}/v1/approvals/{approval_id}", headers=agent).status_code == 200
    alice = {"authorization": f"Bearer {TOKENS['alice']}"}
    assert c.get(f"{admin}/admin/approvals/{approval_id}", headers=alice).status_code == 200
    r = c.post(f"{admin}/admin/approvals/{approval_id}/approve", headers=alice,
               json={"reason": f"{APPROVAL_REASON} {SECRETS['phone']}"})
    assert r.status_code == 200, r.text
    assert invoke("payments.refund", refund, **{"x-wardgate-approval": approval_id}).status_code == 200
    up.behaviour.status = 500
    assert invoke("tickets.create", loaded_args).status_code >= 400
    up.behaviour.status = 200
    # admin plane
    adm = {"authorization": f"Bearer {ADMIN_TOKEN}"}
    assert c.post(f"{admin}/admin/rules/reload", headers=adm).status_code == 200
    assert c.get(f"{admin}/admin/runs/run-sweep", headers=adm).status_code == 200
    assert c.get(f"{admin}/metrics", headers=adm).status_code == 200
    assert c.get(f"{admin}/admin/rules", headers={"authorization": "Bearer wrong-admin-token"}).status_code == 401
    assert c.get(f"{url}/healthz").status_code == 200
