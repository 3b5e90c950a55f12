"""Several `wardgate serve` processes on one real Redis behave as one gateway for rate limits, budgets,
breakers and loop protection; a SIGKILL mid-run loses no budget charge (embedded ledger, and Redis)."""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from tests.support.cluster import ADMIN, REDIS_URL, body, budget, drop_keys, load, start
from tests.support.gateway import AGENT_KEY
from tests.support.process import Served, free_port
from tests.support.upstream import FakeUpstream

needs_redis = pytest.mark.skipif(not REDIS_URL, reason="WARDGATE_TEST_REDIS_URL is not set")
pytestmark = pytest.mark.slow


LIMITED_KEY, BUDGETED_KEY, LOOPER_KEY = "wg-replica-limited", "wg-replica-budgeted", "wg-replica-looper"
LOOP_LIMIT = 3


def write_rules(tmp: Path, upstream: str, agent: dict[str, Any]) -> Path:
    """`tester` with the given settings, plus `limited` (a rate limit), `budgeted` (a run budget) and `looper`
    (may call the tool `kb.lookup`, whose upstream is the fake one, with a loop limit of 3)."""
    rules, tools = tmp / "rules", tmp / "tools"
    rules.mkdir(parents=True, exist_ok=True)
    tools.mkdir(parents=True, exist_ok=True)
    registry = {"tools": {"kb.lookup": {"description": "Look something up.", "idempotent": True, "timeout_s": 5,
                                        "loop_limit": LOOP_LIMIT, "upstream": {"http": {"url": f"{upstream}/lookup"}}}}}
    (tools / "tools.yaml").write_text(yaml.safe_dump(registry))
    fast = {"provider": "openai", "api_key": "sk-x", "timeout_s": 5, "retry": {"attempts": 1}}
    models = {"models": {
        "gpt-4o-mini": {**fast, "base_url": f"{upstream}/v1", "price": {"input_per_mtok": 1.0, "output_per_mtok": 2.0}},
        "down": {**fast, "base_url": f"http://127.0.0.1:{free_port()}/v1", "breaker": {"failures": 3, "reset_s": 60}},
    }}
    agents = {"agents": {
        "tester": {"keys": [{"value": AGENT_KEY}], "models": {"allow": ["*"]}, **agent},
        "limited": {"keys": [{"value": LIMITED_KEY}], "models": {"allow": ["*"]},
                    "limits": [{"key": ["agent"], "requests": 25, "per": "minute"}]},
        "budgeted": {"keys": [{"value": BUDGETED_KEY}], "models": {"allow": ["*"]},
                     "budget": {"llm_calls": 12, "tokens_out": 1000}},
        "looper": {"keys": [{"value": LOOPER_KEY}], "tools": {"allow": ["kb.*"]}},
    }}
    (rules / "models.yaml").write_text(yaml.safe_dump(models))
    (rules / "agents.yaml").write_text(yaml.safe_dump(agents))
    return rules


@pytest.fixture
def prefix() -> Iterator[str]:
    """A Redis key prefix of this test's own; its keys are deleted afterwards."""
    p = f"wgtest:{uuid.uuid4().hex[:12]}:"
    yield p
    drop_keys(p)


@pytest.fixture(scope="module")
def shared_upstream() -> Iterator[FakeUpstream]:
    up = FakeUpstream().start()
    yield up
    up.stop()


@pytest.fixture(scope="module")
def replicas(tmp_path_factory: pytest.TempPathFactory, shared_upstream: FakeUpstream) -> Iterator[list[Served]]:
    """Three replicas on one Redis (their own key prefix), started once for the tests below: each test uses its
    own agent (rate limit, budget) or model (breaker), so they do not see each other's counters."""
    if not REDIS_URL:
        pytest.skip("WARDGATE_TEST_REDIS_URL is not set")
    tmp = tmp_path_factory.mktemp("replicas")
    p = f"wgtest:{uuid.uuid4().hex[:12]}:"
    started = start(tmp, write_rules(tmp, shared_upstream.url, {}), 3, p)
    yield started
    for r in started:
        r.kill()
    drop_keys(p)


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[list[Served]]:
    started: list[Served] = []
    yield started
    for r in started:
        r.kill()


def test_admitted_requests_never_exceed_the_rate_limit(replicas: list[Served], shared_upstream: FakeUpstream) -> None:
    before = len(shared_upstream.received)
    statuses = asyncio.run(load(replicas, 120, LIMITED_KEY))
    assert statuses.count(200) == 25 and statuses.count(429) == 95  # an exact moving window, shared
    assert len(shared_upstream.received) - before == 25


def test_a_runs_budget_is_never_overspent_across_replicas(replicas: list[Served]) -> None:
    statuses = asyncio.run(load(replicas, 90, BUDGETED_KEY, run="shared-run"))
    admitted = statuses.count(200)
    assert admitted == 12 and statuses.count(403) == 78
    for r in replicas:  # every replica reads the same ledger: all settled, nothing left reserved
        state = budget(r, "shared-run")
        assert state["used"]["llm_calls"] == admitted and state["reserved"]["llm_calls"] == 0
        assert state["used"]["tokens_out"] == 7 * admitted  # the fake upstream's reported usage


def test_a_breaker_opened_by_one_replica_fails_fast_on_the_others(replicas: list[Served]) -> None:
    first, *others = replicas
    hdrs = {"authorization": f"Bearer {AGENT_KEY}"}
    for _ in range(3):
        r = httpx.post(f"{first.url}/v1/chat/completions", json=body("down"), headers=hdrs, timeout=10)
        assert r.status_code == 502, r.text
    for other in others:
        t0 = time.perf_counter()
        r = httpx.post(f"{other.url}/v1/chat/completions", json=body("down"), headers=hdrs, timeout=10)
        assert r.status_code == 503 and r.json()["error"]["code"] == "circuit-open", r.text
        assert 1 <= int(r.headers["retry-after"]) <= 60 and time.perf_counter() - t0 < 1.0
        listed = httpx.get(f"{other.admin_url}/admin/breakers", headers=ADMIN, timeout=5).json()
        assert listed["shared"] and next(b for b in listed["breakers"] if b["name"] == "down")["state"] == "open"
    reset = httpx.post(f"{others[0].admin_url}/admin/breakers/down/reset", headers=ADMIN, timeout=5)
    assert reset.status_code == 200 and reset.json()["state"] == "closed"
    r = httpx.post(f"{first.url}/v1/chat/completions", json=body("down"), headers=hdrs, timeout=10)
    assert r.status_code == 502  # closed everywhere: the call reaches the (dead) upstream again


def test_a_loop_is_refused_whichever_replica_gets_the_call(replicas: list[Served]) -> None:
    def invoke(r: Served, args: dict[str, Any], run: str = "looping-run") -> httpx.Response:
        return httpx.post(f"{r.url}/v1/tools/kb.lookup/invoke", json={"arguments": args}, timeout=10,
                          headers={"authorization": f"Bearer {LOOPER_KEY}", "x-wardgate-run-id": run})

    # The same call, round-robin: no replica sees it more than twice, yet the 4th and later are refused.
    answers = [invoke(replicas[i % len(replicas)], {"q": "same"}) for i in range(2 * len(replicas))]
    assert [a.status_code for a in answers] == [200] * LOOP_LIMIT + [403] * (2 * len(replicas) - LOOP_LIMIT)
    for n, refused in enumerate(answers[LOOP_LIMIT:], start=LOOP_LIMIT + 1):
        err = refused.json()["error"]
        assert err["code"] == "loop-detected" and err["details"] == {"tool": "kb.lookup", "count": n,
                                                                     "limit": LOOP_LIMIT}, refused.text
    # Other arguments, or another run, are not the loop.
    assert invoke(replicas[1], {"q": "other"}).status_code == 200
    assert invoke(replicas[2], {"q": "same"}, run="another-run").status_code == 200


def _kill_mid_run(tmp_path: Path, upstream: FakeUpstream, prefix: str | None, cluster: list[Served]) -> None:
    rules = write_rules(tmp_path, upstream.url, {"budget": {"llm_calls": 6}})
    cluster += start(tmp_path, rules, 1, prefix, tag="a")
    first = cluster[0]
    hdrs = {"authorization": f"Bearer {AGENT_KEY}", "x-wardgate-run-id": "killed-run"}
    for _ in range(3):
        assert httpx.post(f"{first.url}/v1/chat/completions", json=body(), headers=hdrs, timeout=10).status_code == 200
    upstream.behaviour.delay_s = 5  # the next call is in flight when the process dies

    def in_flight() -> None:
        with contextlib.suppress(httpx.HTTPError):
            httpx.post(f"{first.url}/v1/chat/completions", json=body(), headers=hdrs, timeout=30)

    with ThreadPoolExecutor(1) as pool:
        pending = pool.submit(in_flight)
        deadline = time.monotonic() + 10
        while len(upstream.received) < 4 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert len(upstream.received) == 4
        first.kill()
        pending.result(10)
    upstream.behaviour.delay_s = 0
    second = start(tmp_path, rules, 1, prefix, tag="a" if prefix is None else "b")[0]
    cluster.append(second)
    state = budget(second, "killed-run")
    # The three settled calls are all there; the one in flight stays charged at its worst case (never lost).
    assert state["used"]["llm_calls"] == 3 and state["reserved"]["llm_calls"] == 1
    statuses = [httpx.post(f"{second.url}/v1/chat/completions", json=body(), headers=hdrs, timeout=10).status_code
                for _ in range(3)]
    assert statuses == [200, 200, 403]  # 3 used + 1 reserved + 2 more = the cap of 6


def test_sigkill_mid_run_loses_no_budget_charge_embedded(tmp_path: Path, upstream: FakeUpstream,
                                                       cluster: list[Served]) -> None:
    _kill_mid_run(tmp_path, upstream, None, cluster)


@needs_redis
def test_sigkill_mid_run_loses_no_budget_charge_redis(tmp_path: Path, upstream: FakeUpstream, prefix: str,
                                                      cluster: list[Served]) -> None:
    _kill_mid_run(tmp_path, upstream, prefix, cluster)
