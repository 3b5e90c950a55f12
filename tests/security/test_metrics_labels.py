"""`/metrics` labels come from the rules only: made-up tool and model names become `_unknown`, or nothing."""

from __future__ import annotations

import re

import httpx

from tests.security.support import EMAIL
from tests.support.gateway import ADMIN_TOKEN, AGENT_KEY, RunningGateway

SECRETISH = "sk-proj-" + "Q" * 40


def _label_values(text: str, label: str) -> set[str]:
    return set(re.findall(label + r'="([^"]*)"', text))


def test_names_a_caller_makes_up_never_become_labels(gw: RunningGateway) -> None:
    with httpx.Client(base_url=gw.url, timeout=20) as c:
        for i in range(40):
            made_up = f"{EMAIL}-{SECRETISH}-{i}-" + "x" * 4096
            for key in (None, "not-a-key", AGENT_KEY):
                headers = {"authorization": f"Bearer {key}"} if key else {}
                c.post(f"/v1/tools/{made_up}/invoke", json={"arguments": {}}, headers=headers)
                c.post("/v1/chat/completions", headers=headers,
                       json={"model": made_up, "messages": [{"role": "user", "content": "hi"}]})
        c.post("/v1/tools/notes.add/invoke", json={"arguments": {"note": "x"}},
               headers={"authorization": f"Bearer {AGENT_KEY}"})
        ok = c.post("/v1/chat/completions", headers={"authorization": f"Bearer {AGENT_KEY}"},
                    json={"model": "echo", "messages": [{"role": "user", "content": "hi"}]})
        assert ok.status_code == 200
        c.post("/v1/messages", headers={"x-api-key": AGENT_KEY}, json={
            "model": "claude-haiku-made-up-" + "y" * 200, "max_tokens": 5, "messages": [{"role": "user", "content": "hi"}]})
    text = httpx.get(f"{gw.admin_url}/metrics", headers={"authorization": f"Bearer {ADMIN_TOKEN}"}).text
    assert EMAIL not in text and SECRETISH not in text and "x" * 64 not in text and "y" * 64 not in text
    assert _label_values(text, "tool") <= {"", "_unknown", "notes.add"}
    assert {"notes.add", "_unknown"} <= _label_values(text, "tool")
    assert _label_values(text, "model") <= {"", "_unknown", "echo", "claude-*"}
    assert {"echo", "_unknown", "claude-*"} <= _label_values(text, "model")
    assert len(text) < 200_000
