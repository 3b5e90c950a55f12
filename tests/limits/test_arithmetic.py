"""Pure tables: budget arithmetic, rate-limit keys and charges, breaker admission, retry decisions."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest

from gateway.errors import Reason
from gateway.limits import breaker_state, breakers, budget, ratelimit, retry
from gateway.limits.breaker_state import Admit
from gateway.limits.budget import Amounts, Caps
from gateway.limits.estimate import output_tokens, prompt_tokens
from gateway.limits.ledger import RunBook, RunState, apply_reserve, apply_settle, fresh
from gateway.limits.rules import BudgetRule, LimitRule
from gateway.model import Api, Call, Principal
from gateway.upstream.client import UpstreamFault

CAPS = Caps(tokens=100, cost_nusd=1000, llm_calls=3, wall_time_s=60)


@pytest.mark.parametrize(("used", "reserved", "want", "now", "admit", "exceeded"), [
    (Amounts(), Amounts(), Amounts(40, 10, 100, 1), 0, True, ()),
    (Amounts(40, 10), Amounts(30, 20), Amounts(0, 0, 0, 1), 0, True, ()),            # tokens exactly at cap: no tokens wanted
    (Amounts(40, 10), Amounts(30, 20), Amounts(1, 0, 0, 1), 0, False, ("tokens",)),  # one token over
    (Amounts(50, 49), Amounts(), Amounts(1, 0, 0, 1), 0, True, ()),                  # near miss: exactly 100
    (Amounts(llm_calls=2), Amounts(llm_calls=1), Amounts(1, 0, 0, 1), 0, False, ("llm_calls",)),
    (Amounts(cost_nusd=999), Amounts(), Amounts(0, 0, 2, 1), 0, False, ("cost_nusd",)),
    (Amounts(), Amounts(), Amounts(tool_calls=1), 0, True, ()),                     # tool_calls uncapped
    (Amounts(), Amounts(), Amounts(1, 0, 0, 1), 60.0, True, ()),                     # wall time: at the limit
    (Amounts(), Amounts(), Amounts(1, 0, 0, 1), 60.5, False, ("wall_time_s",)),
])
def test_decide_reserve(used: Amounts, reserved: Amounts, want: Amounts, now: float, admit: bool,
                        exceeded: tuple[str, ...]) -> None:
    d = budget.decide_reserve(CAPS, used, reserved, want, started_at=0.0, now=now)
    assert (d.admit, d.exceeded) == (admit, exceeded)


def test_remaining_is_never_negative_and_in_usd() -> None:
    left = budget.remaining(CAPS, Amounts(90, 20, 500, 1), Amounts(), 0.0, 10.0)
    assert left == {"tokens": 0, "cost_usd": 5e-7, "llm_calls": 2, "wall_time_s": 50.0}


@pytest.mark.parametrize(("used", "alerted", "fires"), [
    (Amounts(40, 39), False, False),   # 79%
    (Amounts(40, 40), False, True),    # 80%
    (Amounts(40, 40), True, False),    # once per run
    (Amounts(llm_calls=3), False, True),
])
def test_alert_once_at_threshold(used: Amounts, alerted: bool, fires: bool) -> None:
    assert budget.should_alert(CAPS, used, 0.0, 1.0, 0.8, alerted) is fires


def test_reserve_settle_release_round_trip() -> None:
    book = fresh(None, 0.0, 100)
    want = Amounts(30, 30, 400, 1)
    assert apply_reserve(book, "c1", want, CAPS, 1.0).decision.admit
    assert not apply_reserve(book, "c2", want, CAPS, 1.0).decision.admit  # 100 tokens would exceed with c1 held
    settled = apply_settle(book, "c1", Amounts(10, 5, 100, 1), CAPS, 0.8, 2.0)
    assert settled.state.reserved == Amounts() and settled.state.used == Amounts(10, 5, 100, 1)
    assert apply_settle(book, "c1", Amounts(10, 5, 100, 1), CAPS, 0.8, 3.0).state.used == Amounts(10, 5, 100, 1)
    assert apply_reserve(book, "c2", want, CAPS, 3.0).decision.admit


def test_idle_run_starts_over() -> None:
    book = RunBook(RunState(0.0, 10.0, Amounts(llm_calls=3)))
    assert fresh(book, 50.0, 100) is book
    assert fresh(book, 111.0, 100).state.used == Amounts()


def test_cost_in_nano_usd() -> None:
    assert budget.cost_nusd(1_000_000, 0, 0.15, 0.6) == 150_000_000
    assert budget.cost_nusd(1, 1, 0.15, 0.6, up=True) == 750
    assert Caps.of(BudgetRule(cost_usd=5)).cost_nusd == 5_000_000_000


@pytest.mark.parametrize(("payload", "out"), [
    ({"messages": [{"role": "user", "content": "x" * 30}]}, 1024),
    ({"messages": [], "max_tokens": 5}, 5),
    ({"input": "hi", "max_output_tokens": 7}, 7),
    ({"messages": [], "max_completion_tokens": 9}, 9),
])
def test_estimates(payload: dict[str, object], out: int) -> None:
    assert output_tokens(Api.CHAT, payload, 1024) == out
    assert prompt_tokens(Api.CHAT, payload) >= len(str(payload.get("messages", ""))) // 10


def _call(api: Api = Api.CHAT, target: str = "gpt-4o", user: str | None = None) -> Call:
    return Call("d1", "r1", api, target, {}, 0.0, principal=Principal("bot", user))


@pytest.mark.parametrize(("limit", "call", "applies"), [
    (LimitRule(requests=5), _call(), True),
    (LimitRule(requests=5), _call(Api.TOOL, "search"), True),
    (LimitRule(key=("agent", "model"), requests=5), _call(Api.TOOL, "search"), False),
    (LimitRule(key=("agent", "tool"), requests=5), _call(), False),
    (LimitRule(tokens=100), _call(Api.TOOL, "search"), False),
    (LimitRule(requests=5, match="gpt-4o*"), _call(target="gpt-4o-mini"), True),
    (LimitRule(requests=5, match="claude-*"), _call(target="gpt-4o-mini"), False),
    (LimitRule(requests=5), _call(Api.MODELS, ""), False),
])
def test_limit_applies(limit: LimitRule, call: Call, applies: bool) -> None:
    assert ratelimit.applies(limit, call) is applies


def test_limit_keys_and_charges() -> None:
    lim = LimitRule(key=("agent", "user", "model"), requests=5)
    ids = ratelimit.identifiers(lim, 0, _call(user="u1"))
    assert ids[1:] == ("agent=bot", "user=u1", "model=gpt-4o")
    assert ratelimit.identifiers(lim, 0, _call())[2] == "user=-"
    assert ratelimit.identifiers(LimitRule(requests=6, key=("agent", "user", "model")), 0, _call())[0] != ids[0]
    assert ratelimit.charge(LimitRule(tokens=10), 7, 0) == 7
    assert ratelimit.charge(LimitRule(cost_usd=1), 0, 2500) == 3  # micro-USD, rounded up
    assert ratelimit.capacity(LimitRule(cost_usd=5)) == 5_000_000
    assert ratelimit.retry_after(100.2, 99.0) == 2 and ratelimit.retry_after(99.0, 99.5) == 1
    h = ratelimit.headers(LimitRule(requests=60), 0, 12.3)
    assert h == {"x-ratelimit-limit-requests": "60", "x-ratelimit-remaining-requests": "0",
                 "x-ratelimit-reset-requests": "13s"}


@pytest.mark.parametrize("bad", [
    {"requests": 1, "tokens": 2}, {}, {"key": ["agent", "agent"], "requests": 1},
    {"key": ["model", "tool"], "requests": 1}, {"key": ["tool"], "tokens": 5}, {"requests": 0},
    {"requests": 1, "per": "fortnight"}, {"requests": 1, "burst": 2},
])
def test_limit_rule_rejects(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        LimitRule.model_validate(bad)


@pytest.mark.parametrize(("state", "opened_at", "now", "busy", "admit", "retry"), [
    ("closed", None, 0.0, False, Admit.PASS, None),
    ("closed", None, 0.0, True, Admit.PASS, None),
    ("open", 100.0, 105.0, False, Admit.REJECT, 5.0),      # fails fast, Retry-After = rest of reset
    ("open", 100.0, 110.0, False, Admit.PROBE, None),      # reset elapsed: one probe
    ("open", 100.0, 110.0, True, Admit.REJECT, 1.0),       # someone else is probing
    ("half-open", 100.0, 111.0, False, Admit.PROBE, None),
    ("half-open", 100.0, 111.0, True, Admit.REJECT, 1.0),
])
def test_breaker_admission(state: str, opened_at: float | None, now: float, busy: bool,
                           admit: Admit, retry: float | None) -> None:
    d = breaker_state.admit(state, opened_at, 10.0, now, busy)
    assert (d.admit, d.retry_after) == (admit, retry)


def test_breaker_transitions_with_injected_clock() -> None:
    from gateway.limits.rules import BreakerRule

    async def body() -> None:
        now = [1000.0]
        reg = breakers.Breakers(clock=lambda: now[0])
        b = reg.get("m", BreakerRule(failures=3, reset_s=10))
        state = lambda: b.snapshot()  # noqa: E731
        for _ in range(2):
            assert (await b.enter(5)).admit is Admit.PASS
            await b.record(Admit.PASS, failed=True)
        await b.record(Admit.PASS, failed=False)  # a success resets the consecutive count
        for _ in range(3):
            await b.record((await b.enter(5)).admit, failed=True)
        assert (await state()).state == "open"
        now[0] += 5
        assert await b.enter(5) == breaker_state.Admission(Admit.REJECT, 5.0)
        now[0] += 5
        probe = await b.enter(5)
        assert probe.admit is Admit.PROBE and (await state()).state == "half-open"
        assert (await b.enter(5)).admit is Admit.REJECT  # only one probe
        await b.abandon(probe.admit)  # a cancelled probe records nothing and frees the slot
        assert (await state()).state == "half-open"
        probe = await b.enter(5)
        await b.record(probe.admit, failed=True)  # the probe failed: open again for a full reset period
        assert (await state()).state == "open" and (await b.enter(5)).retry_after == 10.0
        now[0] += 10
        await b.record((await b.enter(5)).admit, failed=False)
        assert (await state()).state == "closed" and (await b.enter(5)).admit is Admit.PASS

    asyncio.run(body())


def _fault(cause: BaseException) -> UpstreamFault:
    try:
        raise UpstreamFault(Reason.UPSTREAM_ERROR, "x") from cause
    except UpstreamFault as f:
        return f


@pytest.mark.parametrize(("status", "fault", "idempotent", "retry_it"), [
    (429, None, True, True), (502, None, True, True), (503, None, True, True), (504, None, True, True),
    (500, None, True, False), (400, None, True, False), (200, None, True, False),
    (503, None, False, False),  # a non-idempotent call that may have run is never retried
    (None, _fault(aiohttp.ClientConnectorError.__new__(aiohttp.ClientConnectorError)), False, True),
    (None, _fault(aiohttp.ServerDisconnectedError()), True, True),
    (None, _fault(aiohttp.ServerDisconnectedError()), False, False),  # the request may have reached the tool
    (None, _fault(TimeoutError()), True, False),
])
def test_retryable(status: int | None, fault: UpstreamFault | None, idempotent: bool, retry_it: bool) -> None:
    assert retry.retryable(status, fault, idempotent) is retry_it


@pytest.mark.parametrize(("attempt", "rand", "after", "expected"), [
    (1, 1.0, None, 0.2), (2, 1.0, None, 0.4), (3, 0.5, None, 0.4), (10, 1.0, None, 5.0),
    (1, 0.0, None, 0.0), (1, 0.5, 3.0, 3.0),
])
def test_backoff(attempt: int, rand: float, after: float | None, expected: float) -> None:
    assert retry.backoff(attempt, 0.2, 5.0, lambda: rand, after) == pytest.approx(expected)


def test_parse_retry_after() -> None:
    assert retry.parse_retry_after({"Retry-After": "2"}, 0) == 2.0
    assert retry.parse_retry_after({"retry-after": "9999"}, 0) == retry.MAX_HONOURED_RETRY_AFTER_S
    assert retry.parse_retry_after({"retry-after": "soon"}, 0) is None
    assert retry.parse_retry_after({}, 0) is None
