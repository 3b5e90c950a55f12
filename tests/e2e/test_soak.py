"""Soak (issue 13, "Done when"; bounded to about two minutes): three replicas on a redis-server this test starts
and restarts, and on the real PostgreSQL behind a TCP proxy this test cuts; bursts of 300 concurrent calls mixing
a rate-limited agent, one budgeted run and streams the client cancels. It ends with the limit and the budget
exact, nothing reserved, the parked approval intact and redeemed once, and every answered call traced.
`/healthz` on one replica answers throughout, probed from a process of its own (tests/support/prober.py), so that
the test's own 300-call client does not delay the prober's reads. Its latency (issue 13's target: p99 under
50 ms) is printed, not asserted: speed is measured by benchmarks, never by timed assertions in tests, and a
figure taken on a shared machine is reported with its load (docs/limits.md)."""

from __future__ import annotations

import asyncio
import os
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
import yaml

from tests.approvals.harness import TOKENS, Agent, Approver, approvals_rules, write_all
from tests.approvals.pg import needs_postgres, private_schema
from tests.support.cluster import budget, start
from tests.support.prober import Prober
from tests.support.process import Served
from tests.support.redis_server import RedisServer
from tests.support.tcp_proxy import TcpProxy
from tests.support.upstream import FakeUpstream

pytestmark = [pytest.mark.slow, pytest.mark.redis, pytest.mark.postgres, needs_postgres,
              pytest.mark.skipif(not RedisServer.available(), reason="redis-server is not installed")]

LIMITED, BUDGETED, STREAMER = "wg-soak-limited", "wg-soak-budgeted", "wg-soak-streamer"
LIMIT, RUN_CALLS, BURST = 30, 60, 300
# The fake upstream answers from this test process, beside the 300-call client: on a loaded 2-core machine its answers
# can take over the 2 s of the shared test rules, and 40 tries timing out at once opened the model's breaker (502,
# then 503, docs/limits.md). Its latency is the test machine's, not the gateway's.
UPSTREAM_TIMEOUT_S = 30
CHAT = {"model": "gpt-4o-mini", "max_tokens": 16, "messages": [{"role": "user", "content": "hello there"}]}


def write_rules(tmp: Path, upstream: str) -> tuple[Path, Path]:
    rules, tools = write_all(tmp, upstream, approvals_rules(tiers={"high": {"handling": "async", "timeout_s": 600}}))
    agents = yaml.safe_load((rules / "agents.yaml").read_text())
    allow = {"models": {"allow": ["*"]}}
    agents["agents"].update({
        "limited": {**allow, "keys": [{"value": LIMITED}],
                    "limits": [{"key": ["agent"], "requests": LIMIT, "per": "hour"}]},
        "budgeted": {**allow, "keys": [{"value": BUDGETED}], "budget": {"llm_calls": RUN_CALLS, "tokens_out": 10**6}},
        "streamer": {**allow, "keys": [{"value": STREAMER}], "budget": {"tokens_out": 10**6}},
    })
    (rules / "agents.yaml").write_text(yaml.safe_dump(agents))
    models = yaml.safe_load((rules / "models.yaml").read_text())
    models["models"]["gpt-4o-mini"]["timeout_s"] = UPSTREAM_TIMEOUT_S
    (rules / "models.yaml").write_text(yaml.safe_dump(models))
    return rules, tools


async def burst(replicas: list[Served], answered: list[str]) -> dict[str, list[int]]:
    """BURST concurrent calls round-robin over the replicas: a third rate-limited, a third on the budgeted run,
    a third streams the client drops after the first chunk. Statuses per kind; answered decision ids appended."""
    out: dict[str, list[int]] = {"limited": [], "budgeted": [], "streamed": []}
    async with httpx.AsyncClient(timeout=60, limits=httpx.Limits(max_connections=BURST)) as client:
        async def one(i: int) -> None:
            url = f"{replicas[i % len(replicas)].url}/v1/chat/completions"
            kind = ("limited", "budgeted", "streamed")[i % 3]
            key = {"limited": LIMITED, "budgeted": BUDGETED, "streamed": STREAMER}[kind]
            run = {"limited": f"soak-l-{uuid.uuid4().hex[:8]}", "budgeted": "soak-budget", "streamed": "soak-streams"}
            headers = {"authorization": f"Bearer {key}", "x-wardgate-run-id": run[kind]}
            if kind == "streamed":
                async with client.stream("POST", url, json={**CHAT, "stream": True}, headers=headers) as r:
                    async for _ in r.aiter_raw():
                        break  # the client leaves after the first chunk
            else:
                r = await client.post(url, json=CHAT, headers=headers)
            out[kind].append(r.status_code)
            if r.status_code == 200:
                answered.append(r.headers["x-wardgate-decision-id"])
        await asyncio.gather(*(one(i) for i in range(BURST)))
    return out


def traced(url: str) -> set[str]:
    with psycopg.connect(url, autocommit=True) as conn:
        return {r[0] for r in conn.execute("SELECT call_id FROM wardgate_calls")}


def test_soak_three_replicas_bursts_a_redis_restart_and_a_postgresql_outage(tmp_path: Path) -> None:
    upstream = FakeUpstream().start()
    upstream.behaviour.handler = lambda path, body: {"done": body} if path == "/tool" else _chat(body)
    upstream.behaviour.stream_delay_s = 0.02
    rules, tools = write_rules(tmp_path, upstream.url)
    redis_server = RedisServer(tmp_path / "redis").start()
    proxy = TcpProxy("127.0.0.1", 5432)
    replicas: list[Served] = []
    answered: list[str] = []
    prober: Prober | None = None
    try:
        with private_schema() as db:
            env = {"WARDGATE_REDIS_URL": redis_server.url, "WARDGATE_DATABASE_URL": proxy.url_for(db)}
            replicas = start(tmp_path, rules, 3, "soak:", env=env, tools=tools)
            prober = Prober.start(f"{replicas[0].url}/healthz", tmp_path / "healthz.txt")
            agent = Agent(replicas[0].url, run_id="soak-approval")
            parked = agent.invoke("payments.refund", {"amount": 70})
            assert parked.status_code == 202, parked.text
            approval_id = parked.json()["approval"]["id"]

            first = asyncio.run(burst(replicas, answered))
            redis_server.stop()  # Redis restarts: budgets fail closed meanwhile, nothing is admitted unchecked
            gap = asyncio.run(_budgeted_calls(replicas, 30))
            assert set(gap) == {503}, gap
            redis_server.start()
            second = asyncio.run(burst(replicas, answered))
            with proxy.outage():  # PostgreSQL down: calls are answered; their trace waits
                third = asyncio.run(burst(replicas, answered))
            statuses = {k: first[k] + second[k] + third[k] for k in first}
            for kind, got in statuses.items():
                assert 500 not in got, (kind, sorted(set(got)))
            assert statuses["limited"].count(200) == LIMIT
            assert set(statuses["limited"]) == {200, 429}
            assert statuses["budgeted"].count(200) == RUN_CALLS
            assert set(statuses["budgeted"]) <= {200, 403, 503}
            assert set(statuses["streamed"]) == {200}
            for r in replicas:
                run = budget(r, "soak-budget")
                assert run["used"]["llm_calls"] == RUN_CALLS and run["reserved"]["llm_calls"] == 0, run
                streams = budget(r, "soak-streams")
                assert streams["reserved"]["tokens_out"] == 0, streams

            deadline = time.monotonic() + 60
            while not set(answered) <= traced(db) and time.monotonic() < deadline:
                time.sleep(0.2)
            assert set(answered) <= traced(db), len(set(answered) - traced(db))

            approver = Approver(replicas[1].admin_url, TOKENS["alice"])
            shown = approver.show(approval_id)
            assert shown.status_code == 200 and shown.json()["status"] == "pending", shown.text  # not lost
            assert approver.decide(approval_id, "approve", "soak").status_code == 200
            agent.url = replicas[2].url
            assert agent.invoke("payments.refund", {"amount": 70}, approval=approval_id).status_code == 200
            assert agent.invoke("payments.refund", {"amount": 70}, approval=approval_id).status_code != 200
            assert [r.body for r in upstream.received if r.path == "/tool"] == [{"amount": 70}]
            health = prober.finish()
            print(f"\nsoak /healthz on one replica throughout (load {os.getloadavg()}): {health}")
            assert health["samples"] >= 200 and health["errors"] == 0, health
    finally:
        if prober is not None:
            prober.finish()
        for r in replicas:
            r.kill()
        proxy.close()
        redis_server.stop()
        upstream.stop()


def _chat(body: Any) -> dict[str, Any]:
    from tests.support.upstream import chat_body
    return chat_body("upstream says hi", (body or {}).get("model", "m"))


async def _budgeted_calls(replicas: list[Served], n: int) -> list[int]:
    async with httpx.AsyncClient(timeout=30) as client:
        async def one(i: int) -> int:
            r = await client.post(f"{replicas[i % len(replicas)].url}/v1/chat/completions", json=CHAT,
                                  headers={"authorization": f"Bearer {BUDGETED}", "x-wardgate-run-id": "soak-budget"})
            return r.status_code
        return list(await asyncio.gather(*(one(i) for i in range(n))))
