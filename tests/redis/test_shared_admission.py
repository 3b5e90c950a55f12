"""Redis mode, against a real Redis: a call's rate limits, budget reservation and breaker admission are one round
trip, its settlement one more; each check keeps its mode (a check that ends the call stops the script where the
pipeline would stop) and the breaker's state machine is unchanged (issue 14, item 3)."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from limits.aio.strategies import MovingWindowRateLimiter

from gateway.config.ruleset import RuleSet, load_rules
from gateway.limits.breaker_state import Admit
from gateway.limits.ratelimit import capacity, identifiers, window_item
from gateway.limits.service import Limits, build_limits
from gateway.model import Action, Api, Call, Principal
from gateway.settings import Settings
from gateway.trace.events import CallRecord, Outcome
from tests.redis.replicas import URL
from tests.support.redis_server import RedisServer

pytestmark = [pytest.mark.redis, pytest.mark.skipif(not URL, reason="WARDGATE_TEST_REDIS_URL is not set")]

MODEL, RESET_S, TOOL = "m", 30.0, "kb.lookup"


def write_rules(tmp: Path, requests: int | None, llm_calls: int | None,
                checks: dict[str, Any] | None = None) -> RuleSet:
    rules, tools = tmp / "rules", tmp / "tools"
    rules.mkdir(parents=True, exist_ok=True)
    tools.mkdir(exist_ok=True)
    model = {"provider": "openai", "api_key": "sk-x", "base_url": "http://127.0.0.1:9/v1", "timeout_s": 5,
             "price": {"input_per_mtok": 1.0, "output_per_mtok": 2.0}, "breaker": {"failures": 2, "reset_s": RESET_S}}
    agent: dict[str, Any] = {"keys": [{"value": "k"}], "models": {"allow": ["*"]}}
    if requests is not None:
        agent["limits"] = [{"key": ["agent"], "requests": requests, "per": "minute"},
                           {"key": ["agent"], "tokens": 100000, "per": "hour"}]
    if llm_calls is not None:
        agent["budget"] = {"llm_calls": llm_calls}
    agent["tools"] = {"allow": ["*"]}
    registry = {"tools": {TOOL: {"description": "Look something up.", "rate_limit": "2/minute",
                                 "upstream": {"http": {"url": "http://127.0.0.1:9/lookup"}}}}}
    (tools / "tools.yaml").write_text(yaml.safe_dump(registry))
    (rules / "models.yaml").write_text(yaml.safe_dump({"models": {MODEL: model}}))
    (rules / "agents.yaml").write_text(yaml.safe_dump({"agents": {"a": agent}}))
    if checks is not None:
        (rules / "checks.yaml").write_text(yaml.safe_dump({"checks": checks}))
    return load_rules(rules, tools, {})


def chat(n: int, run: str = "r1") -> Call:
    payload = {"model": MODEL, "max_tokens": 10, "messages": [{"role": "user", "content": "hello"}]}
    return Call(id=f"dec_{n}", run_id=run, api=Api.CHAT, target=MODEL, payload=payload, received_at=0.0,
                principal=Principal("a"))


def record(call: Call, outcome: Outcome = Outcome.OK, tokens: tuple[int, int] = (0, 0)) -> CallRecord:
    return CallRecord(call_id=call.id, run_id=call.run_id, agent_id="a", api="chat", target=MODEL, started_at=0.0,
                      duration_ms=1.0, status=200, outcome=outcome, revision="r", answered_by=MODEL,
                      prompt_tokens=tokens[0], completion_tokens=tokens[1])


class Counted:
    """How many round trips the limits' Redis pool served: one connection taken per command or script."""

    def __init__(self, limits: Limits) -> None:
        assert limits.redis is not None
        pool = limits.redis.connection_pool
        self.n = 0
        taken = pool.get_connection

        async def counting(*args: Any, **kwargs: Any) -> Any:
            self.n += 1
            return await taken(*args, **kwargs)

        pool.get_connection = counting  # type: ignore[method-assign]

    def since(self, before: int) -> int:
        return self.n - before


@asynccontextmanager
async def shared(tmp: Path, now: list[float]) -> AsyncIterator[Limits]:
    prefix = f"wgtest:{uuid.uuid4().hex}:"
    limits = build_limits(Settings(state_dir=tmp / "state", redis_url=URL, redis_prefix=prefix), lambda: now[0])
    try:
        yield limits
    finally:
        assert limits.redis is not None
        keys = [k async for k in limits.redis.scan_iter(match=prefix + "*")]
        if keys:
            await limits.redis.delete(*keys)
        await limits.close()


async def admit(limits: Limits, call: Call, rules: RuleSet) -> list[Action]:
    """The request phase's two checks, as the runner calls them (each when it applies; the budget check only when
    the rate-limit check did not end the call)."""
    rate, budget = limits.rate_check(), limits.budget_check()
    out = []
    if rate.applies(call, rules):
        out.append((await rate.on_request(call, rules)).action)
        if out[0] is not Action.CONTINUE and rules.policy("rate-limit").mode.value != "monitor":
            return out
    if budget.applies(call, rules):
        out.append((await budget.on_request(call, rules)).action)
    return out


def run(tmp: Path, body: Callable[[Limits, list[float]], Awaitable[None]]) -> None:
    async def go() -> None:
        now = [time.time()]  # the moving window's timestamps are the clock's (and `limits` reads them by time.time)
        async with shared(tmp, now) as limits:
            await body(limits, now)

    asyncio.run(go())


# The agent's rate limits (requests per minute, None: none) and budget (LLM calls, None: none) → the checks that run
AGENTS = [(10, 10, 2), (None, 10, 1), (10, None, 1)]


@pytest.mark.parametrize(("requests", "llm_calls", "checks"), AGENTS)
def test_a_call_is_one_round_trip_at_admission_and_one_at_settlement(tmp_path: Path, requests: int | None,
                                                                     llm_calls: int | None, checks: int) -> None:
    rules = write_rules(tmp_path, requests=requests, llm_calls=llm_calls)

    async def body(limits: Limits, now: list[float]) -> None:
        warm = chat(99, run="warm-up")  # the server may not hold the scripts yet (NOSCRIPT: loaded, then sent again)
        await admit(limits, warm, rules)
        await limits.finish(record(warm))
        counted = Counted(limits)
        breaker = limits.breakers.get(MODEL, rules.models[MODEL].breaker)
        await breaker.record(Admit.PASS, True)  # one failure on record: the call's success resets it
        for n in range(3):
            call = chat(n)
            t0 = counted.n
            assert await admit(limits, call, rules) == [Action.CONTINUE] * checks
            assert counted.since(t0) == 1
            admitted = await limits.breakers.claim(call.id, MODEL)  # the forward's first try
            assert admitted is not None and admitted.admit is Admit.PASS and counted.since(t0) == 1
            await breaker.record(Admit.PASS, False)
            assert counted.since(t0) == 1  # a success is recorded with the settlement
            await limits.finish(record(call, tokens=(40, 25)))
            assert counted.since(t0) == 2
        state = await limits.budgets.ledger.state(chat(0).run_key, now[0])
        assert (state is not None and state.used.llm_calls == 3 and state.reserved.llm_calls == 0
                ) if llm_calls else state is None
        assert (await breaker.snapshot()).failures == 0

    run(tmp_path, body)


# (rate-limit mode, budget mode, the call that refuses: "rate" | "budget")
#   → (what the two checks decide (a monitored check's deny is let through by the runner), reserved for the call,
#      breaker admission taken, rate-limit slots used)
MODES = [
    ("enforce", "enforce", "rate", [Action.DENY], 0, False, 1),
    ("monitor", "enforce", "rate", [Action.DENY, Action.CONTINUE], 1, True, 1),
    ("enforce", "enforce", "budget", [Action.CONTINUE, Action.DENY], 0, False, 2),  # the slot is kept (as before)
    ("enforce", "monitor", "budget", [Action.CONTINUE, Action.DENY], 0, True, 2),
    ("monitor", "monitor", "budget", [Action.CONTINUE, Action.DENY], 0, True, 2),
]


@pytest.mark.parametrize(("rate_mode", "budget_mode", "full", "actions", "reserved", "breaker", "slots"), MODES)
def test_a_check_that_ends_the_call_stops_the_script_where_the_pipeline_stops(
        tmp_path: Path, rate_mode: str, budget_mode: str, full: str, actions: list[Action], reserved: int,
        breaker: bool, slots: int) -> None:
    rules = write_rules(tmp_path, requests=1 if full == "rate" else 5, llm_calls=1 if full == "budget" else 5,
                        checks={"rate-limit": {"mode": rate_mode}, "budget": {"mode": budget_mode}})

    async def body(limits: Limits, now: list[float]) -> None:
        first = chat(1)
        assert await admit(limits, first, rules) == [Action.CONTINUE, Action.CONTINUE]
        second = chat(2, run="r1")
        assert await admit(limits, second, rules) == actions
        state = await limits.budgets.ledger.state(second.run_key, now[0])
        assert state is not None and state.reserved.llm_calls == 1 + reserved
        assert (await limits.breakers.claim(second.id, MODEL) is not None) is breaker
        limit = rules.agents["a"].limits[0]
        stats = await MovingWindowRateLimiter(limits.limiter.storage).get_window_stats(
            window_item(capacity(limit), limit.window_s), *identifiers(limit, 0, second))
        assert capacity(limit) - stats.remaining == slots  # `limits` reads the window the script wrote

    run(tmp_path, body)


def _open(limits: Limits, rules: RuleSet, now: list[float]) -> Awaitable[None]:
    async def go() -> None:
        b = limits.breakers.get(MODEL, rules.models[MODEL].breaker)
        for _ in range(2):
            await b.record(Admit.PASS, True)
        now[0] += RESET_S
    return go()


def test_a_probe_taken_for_a_call_that_never_reaches_the_upstream_is_released(tmp_path: Path) -> None:
    rules = write_rules(tmp_path, requests=10, llm_calls=10)

    async def body(limits: Limits, now: list[float]) -> None:
        await _open(limits, rules, now)
        refused = chat(1)  # admitted as the probe, then refused by a later check (a guard): never forwarded
        assert await admit(limits, refused, rules) == [Action.CONTINUE, Action.CONTINUE]
        b = limits.breakers.get(MODEL, rules.models[MODEL].breaker)
        assert (await b.snapshot()).probe_in_flight
        await limits.finish(record(refused, Outcome.REFUSED))
        assert not (await b.snapshot()).probe_in_flight
        assert (await b.enter(5)).admit is Admit.PROBE

    run(tmp_path, body)


# (seconds between the admission and the first try, the model the first try asks) → the probe goes to the try
CLAIMS = [(0.5, MODEL, True), (5.0, MODEL, False), (0.5, "another-model", False)]


@pytest.mark.parametrize(("later", "model", "used"), CLAIMS)
def test_a_probe_is_used_only_by_the_first_try_of_its_model_soon_after(tmp_path: Path, later: float, model: str,
                                                                       used: bool) -> None:
    rules = write_rules(tmp_path, requests=10, llm_calls=10)

    async def body(limits: Limits, now: list[float]) -> None:
        await _open(limits, rules, now)
        call = chat(1)
        await admit(limits, call, rules)
        now[0] += later
        claimed = await limits.breakers.claim(call.id, model)
        assert (claimed is not None and claimed.admit is Admit.PROBE) is used
        b = limits.breakers.get(MODEL, rules.models[MODEL].breaker)
        assert (await b.snapshot()).probe_in_flight is used  # not used: released, so a try may take it again

    run(tmp_path, body)


# A success is recorded with its call's settlement: it resets the consecutive failures only when no failure was
# recorded after it. (seconds of the success, seconds of a failure of another call) → failures after settlement
LATE = [(10.0, 11.0, 1), (10.0, 9.0, 0)]


@pytest.mark.parametrize(("ok_at", "failed_at", "failures"), LATE)
def test_a_success_recorded_late_keeps_the_order_of_outcomes(tmp_path: Path, ok_at: float, failed_at: float,
                                                             failures: int) -> None:
    rules = write_rules(tmp_path, requests=10, llm_calls=10)

    async def body(limits: Limits, now: list[float]) -> None:
        b = limits.breakers.get(MODEL, rules.models[MODEL].breaker)
        call = chat(1)
        await admit(limits, call, rules)
        start = now[0]
        for at, failed in sorted([(ok_at, False), (failed_at, True)]):
            now[0] = start + at
            await b.record(Admit.PASS, failed)
        await limits.finish(record(call))
        assert (await b.snapshot()).failures == failures

    run(tmp_path, body)


@pytest.mark.skipif(not RedisServer.available(), reason="redis-server is not installed")
def test_scripts_the_server_lost_are_loaded_again(tmp_path: Path) -> None:
    """EVALSHA, and on NOSCRIPT (a restarted or flushed server) the script is loaded and sent again."""
    rules = write_rules(tmp_path, requests=10, llm_calls=10)
    server = RedisServer(tmp_path / "redis").start()

    async def body() -> None:
        limits = build_limits(Settings(state_dir=tmp_path / "state", redis_url=server.url, redis_prefix="wg:"))
        assert limits.redis is not None
        try:
            for n in range(2):
                await limits.redis.script_flush()
                counted = Counted(limits)
                call = chat(n)
                assert await admit(limits, call, rules) == [Action.CONTINUE, Action.CONTINUE]
                assert counted.n == 3  # EVALSHA (NOSCRIPT), SCRIPT LOAD, EVALSHA
                await limits.finish(record(call))
                assert counted.n == 6
            state = await limits.budgets.ledger.state(chat(0).run_key, time.time())
            assert state is not None and state.used.llm_calls == 2 and state.reserved.llm_calls == 0
        finally:
            await limits.close()

    try:
        asyncio.run(body())
    finally:
        server.stop()


def test_a_tool_call_takes_its_limits_its_budget_and_its_breaker_in_one_round_trip(tmp_path: Path) -> None:
    """The agent's request limit, the registry's limit of the tool (2/minute, for every agent), the run's tool
    calls and the tool's breaker: the third call is refused by the tool's limit, and reserves nothing."""
    rules = write_rules(tmp_path, requests=10, llm_calls=10)

    async def body(limits: Limits, now: list[float]) -> None:
        warm = chat(99, run="warm-up")
        await admit(limits, warm, rules)
        counted = Counted(limits)
        for n in range(3):
            call = Call(id=f"dec_t{n}", run_id="r1", api=Api.TOOL, target=TOOL, payload={"arguments": {"q": n}},
                        received_at=0.0, principal=Principal("a"))
            t0 = counted.n
            verdict = await limits.rate_check().on_request(call, rules)
            if n < 2:
                assert verdict.action is Action.CONTINUE
                assert (await limits.budget_check().on_request(call, rules)).action is Action.CONTINUE
                assert (await limits.breakers.claim(call.id, f"tool:{TOOL}")) is not None
            else:
                assert verdict.action is Action.DENY and (verdict.detail or {}).get("by") == "tool registry"
                assert await limits.breakers.claim(call.id, f"tool:{TOOL}") is None
            assert counted.since(t0) == 1
        state = await limits.budgets.ledger.state("a/r1", now[0])
        assert state is not None and state.reserved.tool_calls == 2

    run(tmp_path, body)
