"""/metrics after a scripted run: requests, verdicts, tokens, cost, context window, rules; token required."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import yaml

from tests.observability.support import sample, scrape, start
from tests.support.gateway import AGENT_KEY, RunningGateway, write_rules
from tests.support.upstream import FakeUpstream


@pytest.fixture
def gw(tmp_path: Path, upstream: FakeUpstream) -> Iterator[RunningGateway]:
    rules = write_rules(tmp_path / "rules", upstream.url)
    models = yaml.safe_load((rules / "models.yaml").read_text())
    models["models"]["gpt-4o-mini"]["context_window"] = 100
    (rules / "models.yaml").write_text(yaml.safe_dump(models, sort_keys=False))
    running = start(rules, tmp_path / "state")
    yield running
    running.stop()


def chat(gw: RunningGateway, model: str = "gpt-4o-mini", key: str = AGENT_KEY, **kw: object) -> httpx.Response:
    return httpx.post(f"{gw.url}/v1/chat/completions", headers={"authorization": f"Bearer {key}",
                      "x-wardgate-run-id": "run-m"}, json={"model": model, "messages": [
                          {"role": "user", "content": "hello"}], **kw}, timeout=10)


def test_metrics_after_a_scripted_run(gw: RunningGateway) -> None:
    assert chat(gw).status_code == 200
    assert chat(gw).status_code == 200
    assert chat(gw, stream=True).status_code == 200
    assert chat(gw, model="gpt-4o").status_code == 403          # denied by the agent's rules
    assert chat(gw, key="nope").status_code == 401
    assert httpx.post(f"{gw.admin_url}/admin/rules/reload", headers={"authorization": "Bearer admin-test-token"},
                      timeout=10).json()["reloaded"]
    m = scrape(gw)

    assert sample(m, "wardgate_requests_total", route="chat.completions", model="gpt-4o-mini", outcome="ok") == 3
    assert sample(m, "wardgate_requests_total", route="chat.completions", model="gpt-4o", outcome="refused") == 1
    assert sample(m, "wardgate_request_duration_seconds_count", route="chat.completions", outcome="ok") == 3
    assert sample(m, "wardgate_check_verdicts_total", check="authenticate", action="deny",
                  reason="unauthenticated", mode="enforce") == 1
    assert sample(m, "wardgate_check_verdicts_total", check="permission", action="deny",
                  reason="model-not-allowed") == 1
    assert sample(m, "wardgate_check_verdicts_total", check="permission", action="continue") == 3
    # 11 + 11 prompt tokens (whole), 10 (stream); 7 + 7 + 3 completion tokens
    assert sample(m, "wardgate_tokens_total", agent="tester", model="gpt-4o-mini", direction="input") == 32
    assert sample(m, "wardgate_tokens_total", agent="tester", model="gpt-4o-mini", direction="output") == 17
    assert sample(m, "wardgate_cost_usd_total", agent="tester", model="gpt-4o-mini") == pytest.approx(
        (32 * 1.0 + 17 * 2.0) / 1e6)
    # context_window 100: the stream (10 prompt tokens) is at 0.1, the whole calls (11) above it
    assert sample(m, "wardgate_context_window_utilisation_ratio_count", model="gpt-4o-mini") == 3
    assert sample(m, "wardgate_context_window_utilisation_ratio_bucket", model="gpt-4o-mini", le="0.1") == 1
    assert sample(m, "wardgate_rules_reloads_total", result="ok") == 1
    assert sample(m, "wardgate_rules_revision_info", revision=gw.gw.rules.current.revision) == 1
    assert sample(m, "wardgate_runs_open") == 1


def test_metrics_need_the_admin_token(gw: RunningGateway) -> None:
    assert httpx.get(f"{gw.admin_url}/metrics", timeout=10).status_code == 401
