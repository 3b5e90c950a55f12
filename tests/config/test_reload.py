"""Hot reload: file edits and the admin call swap rules whole; a broken edit keeps the old rules serving."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

import httpx
import openai

from tests.support.gateway import ADMIN_TOKEN, AGENT_KEY, RunningGateway


def admin(gw: RunningGateway) -> httpx.Client:
    return httpx.Client(base_url=gw.admin_url, headers={"authorization": f"Bearer {ADMIN_TOKEN}"})


def wait_for(pred, timeout: float = 5.0) -> bool:  # type: ignore[no-untyped-def]
    end = time.time() + timeout
    while time.time() < end:
        if pred():
            return True
        time.sleep(0.05)
    return False


def chat(gw: RunningGateway, model: str) -> int:
    c = openai.OpenAI(base_url=f"{gw.url}/v1", api_key=AGENT_KEY, max_retries=0)
    try:
        c.chat.completions.create(model=model, messages=[{"role": "user", "content": "x"}])
        return 200
    except openai.APIStatusError as e:
        return e.status_code


def test_broken_edit_keeps_serving_old_rules_and_reports(gateway: RunningGateway, rules_dir: Path) -> None:
    before = admin(gateway).get("/admin/rules").json()
    assert before["status"] == "ok"
    agents = rules_dir / "agents.yaml"
    good = agents.read_text()
    agents.write_text(good.replace("keys:", "keyz:", 1))
    assert wait_for(lambda: admin(gateway).get("/admin/rules").json()["status"] == "error")
    status = admin(gateway).get("/admin/rules").json()
    assert status["revision"] == before["revision"]
    assert any("rules/agents.yaml:" in e and "keyz" in e for e in status["last_error"]["errors"])
    assert chat(gateway, "echo") == 200  # still serving
    # a fixed edit that also changes permissions is picked up
    agents.write_text(good.replace("deny:\n      - gpt-4o", "deny:\n      - echo"))
    assert wait_for(lambda: admin(gateway).get("/admin/rules").json()["status"] == "ok")
    assert admin(gateway).get("/admin/rules").json()["revision"] != before["revision"]
    assert chat(gateway, "echo") == 403


def test_reload_endpoint_and_admin_token(gateway: RunningGateway) -> None:
    assert httpx.get(f"{gateway.admin_url}/admin/rules").status_code == 401
    assert httpx.get(f"{gateway.admin_url}/admin/rules", headers={"authorization": "Bearer wrong"}).status_code == 401
    r = admin(gateway).post("/admin/rules/reload")
    assert r.status_code == 200 and r.json()["reloaded"] is True


def test_run_trace_endpoint(gateway: RunningGateway) -> None:
    c = openai.OpenAI(base_url=f"{gateway.url}/v1", api_key=AGENT_KEY, max_retries=0,
                      default_headers={"x-wardgate-run-id": "run-admin"})
    c.chat.completions.create(model="echo", messages=[{"role": "user", "content": "one two"}])
    with contextlib.suppress(openai.PermissionDeniedError):
        c.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "x"}])
    trace = admin(gateway).get("/admin/runs/run-admin").json()
    assert [c["outcome"] for c in trace["calls"]] == ["ok", "refused"]
    assert trace["calls"][1]["reason"] == "model-not-allowed"
    assert trace["totals"]["calls"] == 2 and trace["totals"]["refused"] == 1
    assert admin(gateway).get("/admin/runs/nope").status_code == 404
