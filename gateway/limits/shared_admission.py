"""Redis mode: the rate limits, budget reservation and breaker admission of one call in one round trip, and its
settlement in one more.

The rate-limit check runs first and sends one script (stores/redis_admission.py) with every window of the call,
the run's reservation when the budget check will run, and the admission of the call's upstream breaker; the budget
check then reads the reservation's answer, and the forwarder's first try the breaker's (`Breakers.claim`), instead
of asking Redis again. Each check still decides on its own: its mode, its `on_error` policy and its reason
codes are the ones it has in process. When the script fails, both checks see the same failure and each applies its
own policy (a reservation whose reply was lost is released in the background, as by the budget check itself).

The finish phase settles the budget, corrects the token/spend windows and records the breakers' successes in one
script (see `settle`)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from gateway.config.models_file import ProviderKind
from gateway.config.ruleset import RuleSet
from gateway.limits.breakers import Breakers
from gateway.limits.budget import Amounts, Caps
from gateway.limits.budgets import Budgets, Pending
from gateway.limits.estimate import worst_case
from gateway.limits.ledger import Reserved, Settled
from gateway.limits.ratelimit import (
    Admission,
    Charged,
    Refused,
    applies,
    capacity,
    charge,
    definition_digest,
    headers,
    identifiers,
    retry_after,
    tool_limit,
    window_item,
)
from gateway.limits.rules import LimitRule, Unit
from gateway.limits.shared_breaker import SharedBreaker
from gateway.limits.store_fault import StoreFault, classify
from gateway.limits.tool_resilience import TOOL_BREAKER, breaker_name
from gateway.model import Call, Mode, OnError
from gateway.stores.redis_admission import AdmitReply, Part, RedisAdmission
from gateway.stores.redis_budget import RedisBudgetLedger, reserved_of, settled_of
from gateway.stores.redis_windows import COUNTER, MOVING, Window, stats_of, window

log = logging.getLogger("wardgate.limits")

RATE, BUDGET = "rate-limit", "budget"


def rate_applies(call: Call, rules: RuleSet) -> bool:
    agent = rules.agents.get(call.agent_id or "")
    if agent is None or not (call.api.is_llm or call.api.is_tool):
        return False
    return bool(agent.limits) or tool_spec(call, rules) is not None


def budget_applies(call: Call, rules: RuleSet) -> bool:
    agent = rules.agents.get(call.agent_id or "")
    return (agent is not None and agent.budget is not None and agent.budget.capped
            and (call.api.is_llm or call.api.is_tool))


def tool_spec(call: Call, rules: RuleSet) -> str | None:
    if not call.api.is_tool:
        return None
    tool = rules.tools.get(call.target)
    return tool.ops.rate_limit if tool is not None else None


def budget_want(call: Call, rules: RuleSet) -> Amounts:
    """What the budget check reserves for the call (its worst case at the model's price)."""
    rule = rules.agents[call.agent_id or ""].budget
    assert rule is not None
    route = rules.resolve_model(call.target) if call.api.is_llm else None
    return worst_case(call, route.rule.price if route else None, rule.default_max_tokens)


@dataclass(frozen=True, slots=True)
class Planned:
    """One window of the call: which limit it is (None: the tool registry's limit of the tool)."""

    limit: LimitRule
    ids: tuple[str, ...]
    window: Window
    charged: Charged | None  # a token/spend window: what the finish phase corrects
    tool: str | None = None


@dataclass(slots=True)
class Outcome:
    """What the admission script answered for one call, for the two checks to read."""

    rate: Admission = field(default_factory=Admission)
    tool_refused: Refused | None = None
    reserved: Reserved | None = None
    error: Exception | None = None


class SharedAdmission:
    """The combined scripts, and the per-call answers between the rate-limit check and the budget check."""

    def __init__(self, store: RedisAdmission, ledger: RedisBudgetLedger, budgets: Budgets, breakers: Breakers,
                 prefix: str, clock: Callable[[], float] = time.time) -> None:
        self._store = store
        self._ledger = ledger
        self._budgets = budgets
        self._breakers = breakers
        self._prefix = prefix  # the `limits` storage's key prefix (`<redis prefix>rl`)
        self._clock = clock
        self._answers: dict[str, Outcome] = {}  # call id → the answer the budget check has yet to read

    def _plan(self, call: Call, rules: RuleSet, tokens: int, cost_nusd: int) -> list[Planned]:
        agent = rules.agents[call.agent_id or ""]
        out = []
        for index, limit in enumerate(agent.limits):
            if not applies(limit, call):
                continue
            item = window_item(capacity(limit), limit.window_s)
            ids = identifiers(limit, index, call)
            amount = min(charge(limit, tokens, cost_nusd), item.amount)
            kind = MOVING if limit.unit is Unit.REQUESTS else COUNTER
            w = window(kind, self._prefix, item, ids, amount)
            out.append(Planned(limit, ids, w, Charged(limit, item, ids, amount) if kind == COUNTER else None))
        spec = tool_spec(call, rules)
        tool = tool_limit(spec) if spec is not None else None
        if tool is not None:
            item = window_item(capacity(tool), tool.window_s)
            ids = (f"t.{definition_digest(tool)}", f"tool={call.target}")
            out.append(Planned(tool, ids, window(MOVING, self._prefix, item, ids, 1), None, call.target))
        return out

    async def admit(self, call: Call, rules: RuleSet, tokens: int, cost_nusd: int) -> Outcome:
        """The rate-limit check's turn: send the script (with the reservation when the budget check will run)."""
        plan = self._plan(call, rules, tokens, cost_nusd) if rate_applies(call, rules) else []
        budget = None
        budget_rule = None
        now = self._clock()
        spec = tool_spec(call, rules)
        unreadable = spec is not None and tool_limit(spec) is None  # the rate-limit check refuses the call
        if budget_applies(call, rules) and not unreadable:
            rule = rules.agents[call.agent_id or ""].budget
            assert rule is not None
            keys, args = self._ledger.reserve_part(call.run_key, call.id, budget_want(call, rules), Caps.of(rule),
                                                   now, rule.idle_ttl_s)
            budget, budget_rule = Part(tuple(keys), tuple(args)), rule
        upstream = self._upstream(call, rules)
        breaker = Part(*upstream[0].enter_part(upstream[1])) if upstream is not None else None
        out = Outcome()
        try:
            reply = await self._store.admit(now, [p.window for p in plan], rules.policy(RATE).mode is Mode.ENFORCE,
                                            budget, rules.policy(BUDGET).mode is Mode.ENFORCE, breaker)
        except Exception as exc:
            out.error = exc
            _failed(out, plan, exc)
            if budget_rule is not None:
                self._answers[call.id] = out
                ends = out.rate.refused is not None or out.tool_refused is not None
                if ends and rules.policy(RATE).mode is Mode.ENFORCE:
                    # The budget check will not run to release a reservation the script may have made.
                    self._budgets.release(call, budget_rule)
            return out
        except BaseException:  # cancelled (the client left) while the script may have reserved
            if budget_rule is not None:
                self._budgets.release(call, budget_rule)
            raise
        _read(out, plan, reply, self._clock())
        if upstream is not None and reply.breaker is not None:
            self._breakers.preadmit(call.id, upstream[0].name, upstream[0].admitted(reply.breaker))
        if budget_rule is not None:
            if reply.budget is not None:
                out.reserved = reserved_of(reply.budget, now)
            self._answers[call.id] = out
        return out

    def _upstream(self, call: Call, rules: RuleSet) -> tuple[SharedBreaker, float] | None:
        """The breaker the call's first try will ask (the model's, or the tool's), and the lease a probe of it holds
        (the model's or the tool's timeout)."""
        if call.api.is_tool:
            tool = rules.tools.get(call.target)
            if tool is None:
                return None
            b = self._breakers.get(breaker_name(tool.name), TOOL_BREAKER)
            return (b, tool.ops.timeout_s) if isinstance(b, SharedBreaker) else None
        route = rules.resolve_model(call.target) if call.api.is_llm else None
        if route is None or route.rule.provider is ProviderKind.ECHO or not route.rule.breaker.enabled:
            return None
        b = self._breakers.get(route.name, route.rule.breaker)
        return (b, route.rule.timeout_s) if isinstance(b, SharedBreaker) else None

    async def reserve(self, call: Call) -> Reserved:
        """The budget check's turn: the reservation the admission script made, or its failure (`answered`
        says whether there is one)."""
        out = self._answers.pop(call.id)
        if out.error is not None:
            raise out.error
        if out.reserved is None:
            raise LookupError("the admission script did not reserve for this call")
        return out.reserved

    def answered(self, call: Call) -> bool:
        """The admission script carried this call's reservation (made, refused or failed)."""
        out = self._answers.get(call.id)
        return out is not None and (out.error is not None or out.reserved is not None)

    def forget(self, call_id: str) -> None:
        self._answers.pop(call_id, None)

    async def settle(self, call_id: str, pending: Pending | None, actual: Amounts, charged: list[Charged],
                     tokens: int, cost_nusd: int) -> Settled | None:
        """One script: the token/spend corrections, the budget settlement and the breakers' successes. Raises
        when it failed (the caller retries the budget settlement alone; corrections and successes are dropped,
        as they were when their own scripts failed)."""
        corrections = []
        for c in charged:
            extra = charge(c.limit, tokens, cost_nusd) - c.amount
            if extra > 0:
                corrections.append((window(COUNTER, self._prefix, c.item, c.ids, extra), extra))
        successes = [Part(keys, (repr(at), 0)) for keys, at in self._breakers.successes()]
        if (lease := self._breakers.unclaimed(call_id)) is not None:
            successes.append(Part(lease, ("", 1)))
        budget = None
        now = self._clock()
        if pending is not None:
            keys, args = self._ledger.settle_part(pending.key, call_id, actual, pending.caps, pending.rule.alert_at,
                                                  now, pending.rule.idle_ttl_s)
            budget = Part(tuple(keys), tuple(args))
        if not (corrections or successes or budget):
            return None
        raw = await self._store.settle(corrections, budget, successes)
        return settled_of(raw, now) if budget is not None and raw else None


def _failed(out: Outcome, plan: list[Planned], exc: Exception) -> None:
    """The script failed: every window applies its own `on_error` (in order, as when each was its own call)."""
    fault = classify(exc)
    for p in plan:
        fail_open = fault is StoreFault.UNREACHABLE and (p.tool is not None or p.limit.on_error is OnError.ALLOW)
        log.warning("rate-limit store failed (%s, %s); limit %s is %s", type(exc).__name__, fault.value, p.ids[0],
                    "skipped (fail open)" if fail_open else "refusing")
        if fail_open:
            if p.tool is None:
                out.rate.skipped.append(p.ids[0])
            continue
        refused = Refused(p.limit, 1.0, {}, store_error=fault)
        if p.tool is not None:
            out.tool_refused = refused
        else:
            out.rate.refused = refused
        return


def _read(out: Outcome, plan: list[Planned], reply: AdmitReply, now: float) -> None:
    """The windows' answer: the windows before the refusing one are charged; the refusing one says when to retry."""
    for i, p in enumerate(plan, start=1):
        if reply.refused == i:
            stats = stats_of(p.window, reply.state, now)
            wait = retry_after(stats.reset_at, now)
            refused = Refused(p.limit, wait, headers(p.limit, stats.remaining, wait))
            if p.tool is not None:
                out.tool_refused = refused
            else:
                out.rate.refused = refused
            return
        if p.charged is not None:
            out.rate.charged.append(p.charged)
