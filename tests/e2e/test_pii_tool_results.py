"""PII redaction keeps the identifiers an agent acts on: a version, a commit hash and an order number in a
tool result pass through the gateway unchanged, while an e-mail, a phone number and a client IP beside them
are redacted.

Real gateway, real HTTP tool upstream and fake LLM upstream on loopback; the shipped PII guard entry,
with tool results added to where it looks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import openai
import pytest
import yaml

from gateway.evaluation.cli import SHIPPED_RULES
from tests.support.gateway import AGENT_KEY, RunningGateway
from tests.support.upstream import FakeUpstream
from tests.tools.fixtures import run_tool_gateway, run_tools_upstream
from tests.tools.support import RunningUpstream

VERSION = "Agent 8.0.20.101"
COMMIT = "4f1d2c3b5a6e7d8f9012345678901234567890ab"
ORDER = "order 3660170548"
PRODUCT = "Zentrix 10.2.0.118"  # an unknown product and its four-part version
UPDATE = "Aktualisiert von 8.0.21.3 auf 8.0.22.7"  # the two ends of an update: versions
HIDDEN = "j.kowalski [małpa] firma [kropka] pl"  # an address spelled to hide it, in Polish
NOTES = (
    f"{VERSION} crashed after the update to build 10.2.0.1; fixed in commit {COMMIT}. The replacement for {ORDER} ships "
    "Monday, tracking 1Z999AA10123456784. Contact ana.silva@example.org or +44 20 7946 0958. "
    f"{PRODUCT} logged a login from 203.0.113.7; config build=10.4.1.22. {UPDATE}. Kontakt: {HIDDEN}."
)


def _pii_guard_everywhere() -> dict[str, Any]:
    shipped = yaml.safe_load((SHIPPED_RULES / "guards.yaml").read_text(encoding="utf-8"))
    pii = next(g for g in shipped["guards"] if g["detector"] == "pii")
    return {"version": 1, "guards": [{**pii, "where": ["input", "tool_result", "output"]}]}


@pytest.fixture
def tools_upstream() -> Iterator[RunningUpstream]:
    yield from run_tools_upstream()


@pytest.fixture
def pii_gateway(tmp_path: Path, upstream: FakeUpstream, tools_upstream: RunningUpstream) -> Iterator[RunningGateway]:
    (tmp_path / "rules").mkdir(parents=True)
    (tmp_path / "rules" / "guards.yaml").write_text(yaml.safe_dump(_pii_guard_everywhere()))
    yield from run_tool_gateway(tmp_path, upstream, tools_upstream)


def _assert_identifiers_kept_and_pii_redacted(text: str) -> None:
    assert VERSION in text and COMMIT in text and ORDER in text
    assert "build 10.2.0.1" in text and "1Z999AA10123456784" in text
    assert PRODUCT in text and "build=10.4.1.22" in text and UPDATE in text
    assert HIDDEN not in text and "<EMAIL_ADDRESS_2>" in text
    assert "ana.silva@example.org" not in text and "7946 0958" not in text and "203.0.113.7" not in text
    assert "<EMAIL_ADDRESS_1>" in text and "<PHONE_NUMBER_1>" in text and "<IP_ADDRESS_1>" in text


def test_tool_invocation_result(pii_gateway: RunningGateway, tools_upstream: RunningUpstream) -> None:
    ticket = {"id": "T-900", "status": "open", "notes": NOTES, "build": "10.4.1.22", "client_ip": "10.4.1.22"}
    tools_upstream.state.tickets["T-900"] = ticket
    r = httpx.post(
        f"{pii_gateway.url}/v1/tools/tickets.get/invoke",
        json={"arguments": {"id": "T-900"}},
        headers={"authorization": f"Bearer {AGENT_KEY}"},
        timeout=10,
    )
    assert r.status_code == 200, r.text
    result = r.json()["result"]
    _assert_identifiers_kept_and_pii_redacted(result["notes"])
    assert result["id"] == "T-900" and result["status"] == "open"
    # a bare JSON value is read under its key: the same dotted quad is a build here, an address there
    assert result["build"] == "10.4.1.22" and result["client_ip"] != "10.4.1.22"


def test_tool_message_sent_to_the_llm(pii_gateway: RunningGateway, upstream: FakeUpstream) -> None:
    client = openai.OpenAI(base_url=f"{pii_gateway.url}/v1", api_key=AGENT_KEY, max_retries=0)
    client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "user", "content": "What is the status of ticket T-900?"},
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {"id": "call_1", "type": "function", "function": {"name": "tickets__get", "arguments": "{}"}}
                ],
            },
            {"role": "tool", "tool_call_id": "call_1", "content": NOTES},
        ],
    )
    sent = upstream.received[-1].body["messages"][-1]["content"]
    _assert_identifiers_kept_and_pii_redacted(sent)
