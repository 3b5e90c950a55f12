"""Runs the ordered checks over a call: enforce or monitor, on_error deny or allow, every verdict traced."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping, Sequence
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
    # A span per check with its verdict, when tracing is on (set by the app factory).
    tracing: Tracing = NO_TRACING

    def __init__(
        self,
        steps: Sequence[Step],
        response_steps: Sequence[ResponseStep],
        record: Callable[[DecisionEvent], None],
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.steps = tuple(steps)
        self.response_steps = tuple(response_steps)
        self._record = record
        self._clock = clock

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

    async def run_request(self, call: Call, rules: RuleSet) -> RequestResult:
        for step in self.steps:
            check = step.check
            if not check.applies(call, rules):
                continue
            policy = self._policy(check.name, check.configurable, rules)
            with self.tracing.check(check.name, Phase.REQUEST) as span:
                try:
                    verdict = await check.on_request(call, rules)
                except Exception as exc:
                    log.exception("check %s raised", check.name)
                    verdict = failure_verdict(check.name, exc, policy)
                span.verdict(verdict, policy.mode)
            self._trace(call, Phase.REQUEST, check.name, verdict, policy.mode, rules)
            verdict = effective(verdict, policy.mode)
            if verdict.action is not Action.CONTINUE:
                return RequestResult(call, Stop(check.name, verdict))
            if verdict.call is not None:
                call = verdict.call
        return RequestResult(call)

    async def run_response(self, call: Call, rules: RuleSet, body: Mapping[str, Any]) -> ResponseResult:
        """Response checks run in reverse order of the list, like unwinding the request phase."""
        for step in reversed(self.response_steps):
            check = step.check
            if not check.applies(call, rules):
                continue
            policy = self._policy(check.name, check.configurable, rules)
            with self.tracing.check(check.name, Phase.RESPONSE) as span:
                try:
                    verdict = await check.on_response(call, rules, body)
                except Exception as exc:
                    log.exception("response check %s raised", check.name)
                    verdict = failure_verdict(check.name, exc, policy)
                span.verdict(verdict, policy.mode)
            self._trace(call, Phase.RESPONSE, check.name, verdict, policy.mode, rules)
            verdict = effective(verdict, policy.mode)
            if verdict.action is not Action.CONTINUE:
                return ResponseResult(body, Stop(check.name, verdict))
            if verdict.response is not None:
                body = verdict.response
        return ResponseResult(body)
