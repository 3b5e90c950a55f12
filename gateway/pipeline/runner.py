"""Runs the ordered checks over a call: enforce or monitor, on_error deny or allow, every verdict traced."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from gateway.config.checks_file import CheckPolicy
from gateway.config.ruleset import RuleSet
from gateway.errors import Reason
from gateway.model import Action, Call, Mode, OnError, Verdict
from gateway.observability.tracing import NO_TRACING, Tracing
from gateway.pipeline.check import ResponseStep, Step
from gateway.trace.events import DecisionEvent, Phase

log = logging.getLogger("wardgate.pipeline")

_ALWAYS = CheckPolicy()


@dataclass(frozen=True, slots=True)
class Stop:
    """The verdict that ended the pipeline (deny or hold) and the check that gave it."""

    check: str
    verdict: Verdict


@dataclass(frozen=True, slots=True)
class RequestResult:
    call: Call
    stop: Stop | None = None


@dataclass(frozen=True, slots=True)
class ResponseResult:
    body: Mapping[str, Any]
    stop: Stop | None = None


def failure_verdict(check: str, exc: BaseException, policy: CheckPolicy) -> Verdict:
    """What a crashed check decides: deny (fail closed) unless its rule says on_error: allow."""
    detail = {"error": type(exc).__name__, "on_error": policy.on_error.value}
    if policy.on_error is OnError.ALLOW:
        return Verdict.proceed(detail=detail)
    return Verdict.deny(Reason.CHECK_FAILED, f"Check '{check}' failed and is configured to fail closed.", detail)


def effective(verdict: Verdict, mode: Mode) -> Verdict:
    """Monitor mode decides and records but never blocks, holds or rewrites."""
    if mode is Mode.MONITOR:
        return Verdict.proceed()
    return verdict


class Runner:
    def __init__(
        self,
        steps: Sequence[Step],
        response_steps: Sequence[ResponseStep],
        record: Callable[[DecisionEvent], None],
        clock: Callable[[], float] = time.time,
        tracing: Tracing = NO_TRACING,
    ) -> None:
        self.steps = tuple(steps)
        self.response_steps = tuple(response_steps)
        self._record = record
        self._clock = clock
        # A span per check with its verdict, when tracing is on.
        self.tracing = tracing

    def _policy(self, name: str, configurable: bool, rules: RuleSet) -> CheckPolicy:
        return rules.policy(name) if configurable else _ALWAYS

    def _trace(self, call: Call, phase: Phase, name: str, verdict: Verdict, mode: Mode, rules: RuleSet) -> None:
        self._record(
            DecisionEvent(
                decision_id=call.id, run_id=call.run_id, agent_id=call.agent_id, phase=phase, check=name,
                action=verdict.action, mode=mode, revision=rules.revision, at=self._clock(),
                reason=verdict.reason, message=verdict.message, detail=verdict.detail,
            )
        )

    async def _decide(
        self, call: Call, rules: RuleSet, phase: Phase, name: str, configurable: bool,
        decision: Awaitable[Verdict],
    ) -> Verdict:
        """Await one check's decision: a crash becomes its on_error verdict; trace it; return what is enforced."""
        policy = self._policy(name, configurable, rules)
        with self.tracing.check(name, phase) as span:
            try:
                verdict = await decision
            except Exception as exc:
                log.exception("%s check %s raised", phase.value, name)
                verdict = failure_verdict(name, exc, policy)
            span.verdict(verdict, policy.mode)
        self._trace(call, phase, name, verdict, policy.mode, rules)
        return effective(verdict, policy.mode)

    async def run_request(self, call: Call, rules: RuleSet) -> RequestResult:
        for step in self.steps:
            check = step.check
            if not check.applies(call, rules):
                continue
            verdict = await self._decide(call, rules, Phase.REQUEST, check.name, check.configurable,
                                         check.on_request(call, rules))
            if verdict.action is not Action.CONTINUE:
                return RequestResult(call, Stop(check.name, verdict))
            if verdict.call is not None:
                call = verdict.call
        return RequestResult(call)

    async def run_response(self, call: Call, rules: RuleSet, body: Mapping[str, Any]) -> ResponseResult:
        """Response checks run in the order of their list (`gateway.checks.call_order` writes it in execution
        order)."""
        for step in self.response_steps:
            check = step.check
            if not check.applies(call, rules):
                continue
            verdict = await self._decide(call, rules, Phase.RESPONSE, check.name, check.configurable,
                                         check.on_response(call, rules, body))
            if verdict.action is not Action.CONTINUE:
                return ResponseResult(body, Stop(check.name, verdict))
            if verdict.response is not None:
                body = verdict.response
        return ResponseResult(body)
