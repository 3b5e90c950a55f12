"""The rate-limit and budget checks of the request phase (their place in the order: gateway/checks)."""

from __future__ import annotations

import functools
import logging
from dataclasses import replace
from typing import Any

from gateway.approvals.service import ApprovalService
from gateway.config.ruleset import RuleSet
from gateway.errors import Reason
from gateway.limits.alert_approval import hold_for_approval
from gateway.limits.budget import NANO, cost_nusd
from gateway.limits.budgets import Budgets, ReserveVia, budget_headers
from gateway.limits.estimate import prompt_tokens
from gateway.limits.ratelimit import RateLimiter, Refused, tool_limit
from gateway.limits.rules import BudgetRule
from gateway.limits.shared_admission import SharedAdmission, budget_applies, budget_want, rate_applies, tool_spec
from gateway.limits.store_fault import StoreFault, classify
from gateway.model import Call, OnError, Verdict

log = logging.getLogger("wardgate.limits")


class RateLimitCheck:
    name = "rate-limit"
    configurable = True

    def __init__(self, limiter: RateLimiter, pending: dict[str, Any], shared: SharedAdmission | None = None) -> None:
        self._limiter = limiter
        self._pending = pending  # call id → token/spend charges to correct when the call finishes
        self._shared = shared  # Redis mode: every window (and the budget's reservation) in one script

    def applies(self, call: Call, rules: RuleSet) -> bool:
        return rate_applies(call, rules)

    async def on_request(self, call: Call, rules: RuleSet) -> Verdict:
        agent = rules.agents[call.agent_id or ""]
        spec = tool_spec(call, rules)
        tokens, cost = 0, 0
        if call.api.is_llm:
            tokens = prompt_tokens(call.api, call.payload)
            route = rules.resolve_model(call.target)
            if route is not None:
                cost = cost_nusd(tokens, 0, route.rule.price.input_per_mtok, 0.0, up=True)
        tool_refused: Refused | None = None
        if self._shared is not None:
            answer = await self._shared.admit(call, rules, tokens, cost)
            admission, tool_refused = answer.rate, answer.tool_refused
        else:
            admission = await self._limiter.admit(call, agent.limits, tokens, cost)
        if admission.charged:
            self._pending[call.id] = admission.charged
        refused = admission.refused
        if refused is None and spec is not None:
            limit = tool_limit(spec)
            if limit is None:
                return Verdict.deny(Reason.CHECK_FAILED, f"The registry's rate_limit of tool '{call.target}' "
                                    f"({spec!r}) cannot be read; the tool is refused until it is fixed.")
            refused = tool_refused if self._shared is not None else await self._limiter.admit_tool(call.target, limit)
            if refused is not None and refused.store_error is None:
                return Verdict.deny(
                    Reason.RATE_LIMITED, f"Tool '{call.target}' is rate limited to {spec} (for all agents). "
                    f"Retry after {refused.retry_after:g}s.", detail={"limit": spec, "by": "tool registry"},
                    retry_after=refused.retry_after, headers=refused.headers)
        if refused is None:
            detail = {"skipped_store_down": admission.skipped} if admission.skipped else None
            return Verdict.proceed(detail=detail)
        lim = refused.limit
        what = f"{lim.unit.value} per {lim.every if lim.every > 1 else ''}{' ' if lim.every > 1 else ''}{lim.per.value}"
        if refused.store_error is StoreFault.UNREACHABLE:
            message = "The rate-limit store is unreachable and this limit is configured to fail closed."
        elif refused.store_error is StoreFault.BUSY:
            message = "The rate-limit store did not answer in time; the call is not admitted unchecked. Retry shortly."
        else:
            message = (f"Rate limit reached ({what}, keyed by {', '.join(p.value for p in lim.key)}). "
                       f"Retry after {refused.retry_after:g}s.")
        refusal: dict[str, Any] = {"limit": lim.model_dump(mode="json")}
        if refused.store_error is not None:
            refusal["store_error"] = refused.store_error.value
        return Verdict.deny(Reason.RATE_LIMITED, message, detail=refusal, retry_after=refused.retry_after,
                            headers=refused.headers)


class BudgetCheck:
    name = "budget"
    configurable = True

    def __init__(self, budgets: Budgets, approvals: ApprovalService | None = None,
                 shared: SharedAdmission | None = None) -> None:
        self._budgets = budgets
        self._approvals = approvals
        self._shared = shared  # Redis mode: the reservation may have gone with the rate-limit check's script

    def applies(self, call: Call, rules: RuleSet) -> bool:
        return budget_applies(call, rules)

    async def on_request(self, call: Call, rules: RuleSet) -> Verdict:
        rule = rules.agents[call.agent_id or ""].budget
        assert rule is not None
        want = budget_want(call, rules)
        via: ReserveVia | None = None
        if self._shared is not None:
            if not rate_applies(call, rules):  # no rate-limit check went first: the script goes from here
                await self._shared.admit(call, rules, 0, 0)
            if self._shared.answered(call):
                via = functools.partial(self._shared.reserve, call)
        try:
            reserved = await self._budgets.reserve(call, rule, want, via)
        except Exception as exc:
            fault = classify(exc)
            log.warning("budget ledger failed (%s, %s): %s", type(exc).__name__, fault.value, exc)
            failed = {"ledger_error": type(exc).__name__, "store_error": fault.value}
            if fault is StoreFault.UNREACHABLE and rule.on_error is OnError.ALLOW:
                return Verdict.proceed(detail={**failed, "on_error": "allow"})
            message = ("The budget ledger is unreachable; budgets fail closed." if fault is StoreFault.UNREACHABLE
                       else "The budget ledger did not answer in time; the call is not admitted unchecked.")
            return Verdict.deny(Reason.STORE_UNAVAILABLE, f"{message} Retry shortly.", detail=failed,
                                retry_after=1.0)
        left = self._budgets.left(rule, reserved.state)
        headers = budget_headers(left)
        if not reserved.decision.admit:
            exceeded = list(reserved.decision.exceeded)
            return Verdict.deny(
                Reason.BUDGET_EXHAUSTED,
                f"Run '{call.run_id}' has exhausted its budget ({', '.join(exceeded)}). "
                "Start a new run or ask for a larger budget.",
                detail={"exceeded": exceeded, "remaining": left, "wanted": want.as_tuple()},
                headers=headers, public={"exceeded": exceeded, "remaining": left})
        call = replace(call, reply_headers={**call.reply_headers, **headers})
        detail: dict[str, Any] = {"reserved": {"tokens_in": want.tokens_in, "tokens_out": want.tokens_out,
                                               "cost_usd": want.cost_nusd / NANO}, "remaining": left}
        if reserved.state.alerted and call.api.is_llm:
            return await self._past_alert(call, rules, rule, detail)
        return Verdict.proceed(call=call, detail=detail)

    async def _past_alert(self, call: Call, rules: RuleSet, rule: BudgetRule, detail: dict[str, Any]) -> Verdict:
        detail["past_alert"] = True
        fallback = rule.on_alert.fallback_model
        if rule.on_alert.require_approval:
            service = self._approvals
            if service is None:
                detail["require_approval"] = "not enforced: no approval service"
            else:
                refused = await hold_for_approval(service, call, rules, rule.default_max_tokens, rule.alert_at,
                                                  detail)
                if refused is not None:
                    return refused
        if fallback and fallback != call.target and rules.resolve_model(fallback) is not None:
            detail["rerouted"] = {"from": call.target, "to": fallback}
            payload = {**call.payload, "model": fallback}
            call = replace(call, target=fallback, payload=payload)
        return Verdict.proceed(call=call, detail=detail)
