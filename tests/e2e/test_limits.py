"""End to end, one process: rate limits, budgets (also under 200 concurrent calls), breakers and fallbacks."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import openai
import pytest
import yaml

from tests.support.gateway import ADMIN_TOKEN, AGENT_KEY, RunningGateway, start_gateway
from tests.support.upstream import FakeUpstream

ADMIN = {"authorization": f"Bearer {ADMIN_TOKEN}"}


def dead_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def write(rules: Path, upstream: str, agent: dict[str, Any]) -> Path:
    rules.mkdir(parents=True, exist_ok=True)
    fast = {"provider": "openai", "api_key": "sk-x", "timeout_s": 2, "retry": {"attempts": 1}}
    models = {"models": {
        "echo": {"provider": "echo"},
        "gpt-4o-mini": {**fast, "base_url": f"{upstream}/v1", "price": {"input_per_mtok": 1.0, "output_per_mtok": 2.0},
                        "breaker": {"failures": 3, "reset_s": 1}},
        "flaky": {**fast, "base_url": f"http://127.0.0.1:{dead_port()}/v1", "fallbacks": ["gpt-4o-mini"]},
    }}
    agents = {"agents": {"tester": {"keys": [{"value": AGENT_KEY}], "models": {"allow": ["*"]}, **agent}}}
    (rules / "models.yaml").write_text(yaml.safe_dump(models))
    (rules / "agents.yaml").write_text(yaml.safe_dump(agents))
    return rules


@pytest.fixture
def make(tmp_path: Path, upstream: FakeUpstream) -> Iterator[Any]:
    started: list[RunningGateway] = []

    def _make(**agent: Any) -> RunningGateway:
        gw = start_gateway(write(tmp_path / "rules", upstream.url, agent), tmp_path / "state")
        started.append(gw)
        return gw

    yield _make
    for gw in started:
        gw.stop()


def chat(gw: RunningGateway, run: str = "r1", model: str = "gpt-4o-mini", **kw: Any) -> httpx.Response:
    return httpx.post(f"{gw.url}/v1/chat/completions", timeout=10,
                      headers={"authorization": f"Bearer {AGENT_KEY}", "x-wardgate-run-id": run},
                      json={"model": model, "messages": [{"role": "user", "content": "hello there"}], **kw})


def test_rate_limit_429_with_retry_after(make: Any) -> None:
    gw = make(limits=[{"key": ["agent", "model"], "requests": 3, "per": "minute"}])
    client = openai.OpenAI(base_url=f"{gw.url}/v1", api_key=AGENT_KEY, max_retries=0)
    for _ in range(3):
        client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "x"}])
    t0 = time.time()
    with pytest.raises(openai.RateLimitError) as exc:
        client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "x"}])
    r = exc.value.response
    assert r.status_code == 429 and exc.value.body["code"] == "rate-limited"  # type: ignore[index]
    wait = int(r.headers["retry-after"])
    assert 55 <= wait + (time.time() - t0) <= 61  # the oldest of the 3 leaves the minute window then
    assert r.headers["x-ratelimit-limit-requests"] == "3" and r.headers["x-ratelimit-remaining-requests"] == "0"
    assert chat(gw, model="echo").status_code == 200  # keyed by model: another model is not limited


def test_budget_exhausted_is_403_with_remaining_headers(make: Any, upstream: FakeUpstream) -> None:
    gw = make(budget={"llm_calls": 2, "tokens": 100000})
    first = chat(gw, run="b1", max_tokens=10)
    assert first.status_code == 200 and first.headers["x-wardgate-budget-remaining-llm-calls"] == "1"
    assert chat(gw, run="b1", max_tokens=10).status_code == 200
    refused = chat(gw, run="b1", max_tokens=10)
    assert refused.status_code == 403
    err = refused.json()["error"]
    assert err["code"] == "budget-exhausted" and err["details"]["exceeded"] == ["llm_calls"]
    assert refused.headers["x-wardgate-budget-remaining-llm-calls"] == "0"
    assert chat(gw, run="b2", max_tokens=10).status_code == 200  # budgets are per run
    state = httpx.get(f"{gw.admin_url}/admin/budgets/b1", headers=ADMIN).json()
    assert state["used"]["tokens_in"] == 22 and state["used"]["llm_calls"] == 2 and state["reserved"]["llm_calls"] == 0


def test_streamed_call_settles_to_stream_usage(make: Any) -> None:
    gw = make(budget={"tokens": 100000})
    with httpx.stream("POST", f"{gw.url}/v1/chat/completions", timeout=10,
                      headers={"authorization": f"Bearer {AGENT_KEY}", "x-wardgate-run-id": "s1"},
                      json={"model": "gpt-4o-mini", "stream": True, "max_tokens": 50,
                            "messages": [{"role": "user", "content": "x"}]}) as r:
        assert r.status_code == 200 and "x-wardgate-budget-remaining-tokens" in r.headers
        r.read()
    deadline = time.time() + 5
    while time.time() < deadline:
        state = httpx.get(f"{gw.admin_url}/admin/budgets/s1", headers=ADMIN).json()
        if state["reserved"]["tokens_in"] == 0:
            break
        time.sleep(0.05)
    assert (state["used"]["tokens_in"], state["used"]["tokens_out"]) == (10, 3)  # the fake stream's usage


def test_concurrent_calls_never_overspend(make: Any, upstream: FakeUpstream) -> None:
    """200 concurrent calls on one run whose budget fits 50: at most 50 admitted, charged ≤ budget, none lost."""
    upstream.behaviour.delay_s = 0.1  # admitted calls overlap: their reservations are all held at once
    gw = make(budget={"llm_calls": 50, "tokens": 50 * 40})

    async def fire() -> list[httpx.Response]:
        limits = httpx.Limits(max_connections=200)
        async with httpx.AsyncClient(timeout=30, limits=limits) as c:
            return await asyncio.gather(*(c.post(
                f"{gw.url}/v1/chat/completions",
                headers={"authorization": f"Bearer {AGENT_KEY}", "x-wardgate-run-id": "c200"},
                json={"model": "gpt-4o-mini", "max_tokens": 20, "messages": [{"role": "user", "content": "hi"}]})
                for _ in range(200)))

    answers = asyncio.run(fire())
    ok = [r for r in answers if r.status_code == 200]
    refused = [r for r in answers if r.status_code == 403]
    # Under CPU contention (200 clients, the gateway and the upstream share one process) an admitted call
    # can time out upstream (504): it was admitted, so it counts against the 50, and it is not charged.
    timed_out = [r for r in answers if r.status_code == 504]
    assert len(ok) + len(refused) + len(timed_out) == 200
    assert len(ok) > 0 and len(ok) + len(timed_out) <= 50
    state = httpx.get(f"{gw.admin_url}/admin/budgets/c200", headers=ADMIN).json()
    assert state["reserved"] == {"tokens_in": 0, "tokens_out": 0, "cost_usd": 0.0, "llm_calls": 0, "tool_calls": 0}
    assert state["used"]["llm_calls"] == len(ok)  # none lost
    assert state["used"]["tokens_in"] + state["used"]["tokens_out"] == 18 * len(ok) <= 50 * 40
    trace = gw.run_trace("c200")
    assert sum(c["prompt_tokens"] + c["completion_tokens"] for c in trace["calls"]) == 18 * len(ok)


def test_flapping_upstream_opens_fails_fast_probes_once_and_closes(make: Any, upstream: FakeUpstream) -> None:
    gw = make()
    upstream.behaviour.status = 500
    assert [chat(gw).status_code for _ in range(3)] == [502, 502, 502]
    seen = len(upstream.received)
    t0 = time.perf_counter()
    fast = chat(gw)
    assert fast.status_code == 503 and fast.json()["error"]["code"] == "circuit-open"
    assert int(fast.headers["retry-after"]) == 1 and time.perf_counter() - t0 < 0.5
    assert len(upstream.received) == seen  # failed fast: the upstream never saw it
    snap = httpx.get(f"{gw.admin_url}/admin/breakers", headers=ADMIN).json()
    assert {b["name"]: b["state"] for b in snap["breakers"]}["gpt-4o-mini"] == "open"
    time.sleep(1.1)
    upstream.behaviour.status, upstream.behaviour.delay_s = 200, 0.5

    async def two() -> list[int]:
        async with httpx.AsyncClient(timeout=10) as c:
            async def one(delay: float) -> int:
                await asyncio.sleep(delay)
                r = await c.post(f"{gw.url}/v1/chat/completions", headers={"authorization": f"Bearer {AGENT_KEY}"},
                                 json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "x"}]})
                return r.status_code
            return list(await asyncio.gather(one(0), one(0.15)))

    assert sorted(asyncio.run(two())) == [200, 503]  # one probe; the other failed fast while it was in flight
    upstream.behaviour.delay_s = 0
    assert chat(gw).status_code == 200
    snap = httpx.get(f"{gw.admin_url}/admin/breakers", headers=ADMIN).json()
    assert {b["name"]: b["state"] for b in snap["breakers"]}["gpt-4o-mini"] == "closed"


def test_client_4xx_never_opens_the_breaker(make: Any, upstream: FakeUpstream) -> None:
    gw = make()
    upstream.behaviour.status = 400
    assert {chat(gw).status_code for _ in range(5)} == {400}
    upstream.behaviour.status = 200
    assert chat(gw).status_code == 200


def test_manual_breaker_reset(make: Any, upstream: FakeUpstream) -> None:
    gw = make()
    upstream.behaviour.status = 503
    for _ in range(4):
        chat(gw)
    assert chat(gw).status_code == 503
    upstream.behaviour.status = 200
    r = httpx.post(f"{gw.admin_url}/admin/breakers/gpt-4o-mini/reset", headers=ADMIN)
    assert r.status_code == 200 and r.json()["state"] == "closed"
    assert chat(gw).status_code == 200
    assert httpx.post(f"{gw.admin_url}/admin/breakers/nope/reset", headers=ADMIN).status_code == 404


def test_fallback_answers_when_primary_is_down(make: Any) -> None:
    gw = make()
    r = chat(gw, run="fb", model="flaky")
    assert r.status_code == 200 and r.json()["choices"][0]["message"]["content"] == "upstream says hi"
    call = gw.run_trace("fb")["calls"][0]
    assert call["answered_by"] == "gpt-4o-mini"
    assert [(a["model"], a["outcome"]) for a in call["detail"]["attempts"]] == [
        ("flaky", "upstream-error"), ("gpt-4o-mini", "ok")]
    text = httpx.get(f"{gw.admin_url}/metrics", headers=ADMIN).text
    assert 'wardgate_upstream_fallbacks_total{fallback="gpt-4o-mini",model="flaky"} 1.0' in text


def test_transient_503_is_retried_with_every_attempt_traced(make: Any, upstream: FakeUpstream, tmp_path: Path) -> None:
    gw = make()
    rules = tmp_path / "rules" / "models.yaml"
    doc = yaml.safe_load(rules.read_text())
    doc["models"]["gpt-4o-mini"]["retry"] = {"attempts": 3, "backoff_s": 0.01}
    rules.write_text(yaml.safe_dump(doc))
    assert httpx.post(f"{gw.admin_url}/admin/rules/reload", headers=ADMIN).json()["reloaded"]
    upstream.behaviour.status = 503
    assert chat(gw, run="rt").status_code == 502
    attempts = gw.run_trace("rt")["calls"][0]["detail"]["attempts"]
    assert [a["status"] for a in attempts] == [503, 503, 503]
    assert chat(gw, run="rt1").status_code == 503  # the 3 faults opened the breaker
    httpx.post(f"{gw.admin_url}/admin/breakers/gpt-4o-mini/reset", headers=ADMIN)
    upstream.behaviour.status = 500  # not transient: one try only
    assert chat(gw, run="rt2").status_code == 502
    assert [a["status"] for a in gw.run_trace("rt2")["calls"][0]["detail"]["attempts"]] == [500]


def test_forward_stage_order_breaker_then_retries_then_fallbacks(make: Any, tmp_path: Path) -> None:
    """The order `gateway.checks.FORWARD` describes: retries of the model's upstream come before its fallbacks,
    and once its breaker is open the upstream is not tried at all (the fallback answers straight away)."""
    from gateway.checks import FORWARD

    assert [s.name for s in FORWARD] == ["breaker", "retry", "fallback"]
    gw = make()
    rules = tmp_path / "rules" / "models.yaml"
    doc = yaml.safe_load(rules.read_text())
    doc["models"]["flaky"].update(retry={"attempts": 2, "backoff_s": 0.01}, breaker={"failures": 2, "reset_s": 60})
    rules.write_text(yaml.safe_dump(doc))
    assert httpx.post(f"{gw.admin_url}/admin/rules/reload", headers=ADMIN).json()["reloaded"]

    def attempts(run: str) -> list[tuple[str, str]]:
        assert chat(gw, run=run, model="flaky").status_code == 200
        return [(a["model"], a["outcome"]) for a in gw.run_trace(run)["calls"][0]["detail"]["attempts"]]

    assert attempts("f1") == [("flaky", "upstream-error"), ("flaky", "upstream-error"), ("gpt-4o-mini", "ok")]
    assert attempts("f2") == [("flaky", "circuit-open"), ("gpt-4o-mini", "ok")]  # its 2 failures opened it
