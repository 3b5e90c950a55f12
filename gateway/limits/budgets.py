"""Per-run budgets: reserve a call's worst case before forwarding, settle to real usage after, alert once."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Coroutine, Mapping
from dataclasses import dataclass
from typing import Any

from gateway.config.models_file import Price
from gateway.limits.budget import NANO, Amounts, Caps, cost_nusd, remaining, utilisation
from gateway.limits.ledger import BudgetLedger, Reserved, RunState, Settled
from gateway.limits.rules import BudgetRule
from gateway.model import Action, Call, Mode
from gateway.trace.events import CallRecord, DecisionEvent, Outcome, Phase

log = logging.getLogger("wardgate.budget")

# How long a failed settlement is retried before the reservation is left to expire with the run.
RETRY_FOR_S = 60.0
Poster = Callable[[str, Mapping[str, Any]], Awaitable[None]]
# Redis mode: a reservation made by the combined admission script, a settlement sent in the combined settlement
# script (limits/shared_admission.py); the settlement is given None when the call holds no reservation.
ReserveVia = Callable[[], Awaitable[Reserved]]
SettleVia = Callable[["Pending | None", Amounts], Awaitable["Settled | None"]]
_HEADER = {"tokens_in": "tokens-in", "tokens_out": "tokens-out", "tokens": "tokens", "cost_usd": "cost-usd",
           "llm_calls": "llm-calls", "tool_calls": "tool-calls", "wall_time_s": "wall-time-s"}


def budget_headers(left: Mapping[str, float]) -> dict[str, str]:
    """`x-wardgate-budget-remaining-*` for every capped counter."""
    return {f"x-wardgate-budget-remaining-{_HEADER[k]}": (f"{v:.6f}".rstrip("0").rstrip(".") if k in
            ("cost_usd", "wall_time_s") else str(int(v))) for k, v in left.items()}


def actual_of(record: CallRecord, price: Price | None) -> Amounts:
    """What a finished call really used. A call the upstream never answered is released (charged nothing), and so
    is a call whose client left before it was sent (`detail.sent` false: held for approval)."""
    if record.detail.get("sent") is False:
        return Amounts()
    if record.api in ("tool", "mcp"):
        return Amounts(tool_calls=1) if record.outcome in (Outcome.OK, Outcome.CANCELLED) else Amounts()
    answered = record.outcome in (Outcome.OK, Outcome.CANCELLED) or record.prompt_tokens or record.completion_tokens
    if not answered:
        return Amounts()
    cost = (cost_nusd(record.prompt_tokens, record.completion_tokens, price.input_per_mtok, price.output_per_mtok)
            if price else round(record.cost_usd * NANO))
    return Amounts(record.prompt_tokens, record.completion_tokens, cost, llm_calls=1)


@dataclass(frozen=True, slots=True)
class Pending:
    run_id: str
    agent_id: str | None
    key: str  # the ledger's key: the run, owned by its agent
    rule: BudgetRule
    caps: Caps


class Budgets:
    """The thin I/O around the budget arithmetic: the ledger, the alert event, metric hooks and webhook."""

    def __init__(self, ledger: BudgetLedger, clock: Callable[[], float] = time.time,
                 post: Poster | None = None, *, record: Callable[[DecisionEvent], None] | None = None,
                 usage: Callable[[str | None, Mapping[str, float]], None] | None = None) -> None:
        self.ledger = ledger
        self._clock = clock
        self._post = post
        self._pending: dict[str, Pending] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self.record: Callable[[DecisionEvent], None] = record or (lambda event: None)
        # Told each settled run's utilisation per capped counter (agent, {counter: used / cap}): a metric hook.
        self._usage = usage
        self.alerts_fired = 0

    async def reserve(self, call: Call, rule: BudgetRule, want: Amounts, via: ReserveVia | None = None) -> Reserved:
        """Reserve the call's worst case (through `via` when given). When the ledger fails, the reservation may
        still have been made (a reply lost after the script ran), so it is released in the background: never
        leaked."""
        caps = Caps.of(rule)
        pending = Pending(call.run_id, call.agent_id, call.run_key, rule, caps)
        try:
            result = await (via() if via is not None else
                            self.ledger.reserve(call.run_key, call.id, want, caps, self._clock(), rule.idle_ttl_s))
        except BaseException:  # a failure, or the caller cancelled while the ledger may have reserved
            self.release(call, rule)
            raise
        if result.decision.admit:
            self._pending[call.id] = pending
        return result

    def release(self, call: Call, rule: BudgetRule) -> None:
        """Release, in the background, a reservation a failed script may have made (its reply was lost)."""
        pending = Pending(call.run_id, call.agent_id, call.run_key, rule, Caps.of(rule))
        self._in_background(self._settle_until_done(pending, call.id, Amounts(), "release"))

    def left(self, rule: BudgetRule, state: RunState) -> dict[str, float]:
        return remaining(Caps.of(rule), state.used, state.reserved, state.started_at, self._clock())

    def in_flight(self) -> int:
        return len(self._pending)

    async def settle(self, record: CallRecord, price: Price | None, via: SettleVia | None = None) -> None:
        """Swap the call's reservation for its real usage (zero when it failed before an answer), through `via`
        when given (which is then called even without a reservation). A settlement the ledger did not take is
        retried in the background, alone (settling is idempotent per call id)."""
        p = self._pending.pop(record.call_id, None)
        if p is None:
            if via is not None:
                try:
                    await via(None, Amounts())
                except Exception as exc:
                    log.warning("the settlement script of call %s failed (%s)", record.call_id, exc)
            return
        actual = actual_of(record, price)
        try:
            await self._settle(p, record.call_id, actual, record, via)
        except Exception as exc:
            log.warning("settling call %s failed (%s); retrying in the background", record.call_id, exc)
            self._in_background(self._settle_until_done(p, record.call_id, actual, "settle", record))

    async def _settle(self, p: Pending, call_id: str, actual: Amounts, record: CallRecord | None,
                      via: SettleVia | None = None) -> None:
        now = self._clock()
        settled: Settled | None
        if via is not None:
            settled = await via(p, actual)
            assert settled is not None
        else:
            settled = await self.ledger.settle(p.key, call_id, actual, p.caps, p.rule.alert_at, now,
                                               p.rule.idle_ttl_s)
        if record is None:
            return
        if self._usage is not None:
            ratios = utilisation(p.caps, settled.state.used, settled.state.started_at, now)
            try:
                self._usage(p.agent_id, ratios)
            except Exception:
                log.exception("budget usage hook failed")
        if settled.alert:
            self._alert(p, record, settled.state, now)

    async def _settle_until_done(self, p: Pending, call_id: str, actual: Amounts, what: str,
                                 record: CallRecord | None = None) -> None:
        """Retry a settlement (or the release of a reservation whose reserve failed) with capped backoff for
        RETRY_FOR_S; past that the reservation stays charged until the run expires (conservative, logged)."""
        delay, waited = 0.1, 0.0
        while True:
            try:
                await self._settle(p, call_id, actual, record)
                return
            except Exception as exc:
                if waited >= RETRY_FOR_S:
                    log.error("%s of call %s in run %s failed for %.0fs (%s); its reservation stays charged until "
                              "the run expires", what, call_id, p.run_id, waited, exc)
                    return
            await asyncio.sleep(delay)
            waited += delay
            delay = min(delay * 2, 5.0)

    def _in_background(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def drain(self) -> None:
        """Wait for background settlements (shutdown, tests)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    def _alert(self, p: Pending, record: CallRecord, state: RunState, now: float) -> None:
        self.alerts_fired += 1
        left = remaining(p.caps, state.used, state.reserved, state.started_at, now)
        detail = {"alert_at": p.rule.alert_at, "remaining": left,
                  "used": {"tokens_in": state.used.tokens_in, "tokens_out": state.used.tokens_out,
                           "cost_usd": state.used.cost_nusd / NANO, "llm_calls": state.used.llm_calls,
                           "tool_calls": state.used.tool_calls}}
        self.record(DecisionEvent(
            decision_id=record.call_id, run_id=p.run_id, agent_id=p.agent_id, phase=Phase.RESPONSE,
            check="budget-alert", action=Action.CONTINUE, mode=Mode.ENFORCE, revision=record.revision, at=now,
            message=f"Run {p.run_id} reached {p.rule.alert_at:.0%} of its budget.", detail=detail))
        if p.rule.alert_webhook and self._post is not None:
            body = {"event": "budget.alert", "run_id": p.run_id, "agent_id": p.agent_id, "at": now, **detail}
            self._in_background(self._webhook(p.rule.alert_webhook, body))

    async def _webhook(self, url: str, body: Mapping[str, Any]) -> None:
        assert self._post is not None
        try:
            await self._post(url, body)
        except Exception as exc:
            log.warning("budget alert webhook %s failed: %s", url, exc)

    async def close(self) -> None:
        """Give pending settlements a moment to land, then stop them (what is left stays charged: conservative)."""
        if self._tasks:
            await asyncio.wait(list(self._tasks), timeout=2.0)
        for task in list(self._tasks):
            task.cancel()
        await self.ledger.close()
