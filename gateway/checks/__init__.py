"""The order of a call, in one place and in execution order: the request checks, the forward stage, the
transforms a streamed answer goes through, and the response checks. Cheap and certain first, expensive and
fuzzy later, humans last.

Each later issue adds its step here, and nowhere else. The runner runs `request` then (after the forward
stage) `response`, each in the order written; the relay runs `stream` per streamed answer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gateway.approvals.check import ApprovalCheck
from gateway.checks.authenticate import Authenticate
from gateway.checks.loop import LoopProtection
from gateway.checks.permission import ModelPermission
from gateway.checks.proposed_calls import ProposedCalls
from gateway.checks.services import CheckServices
from gateway.checks.tool_permission import ToolPermission
from gateway.checks.tool_result import ResultSchema
from gateway.checks.tool_schema import ToolSchema
from gateway.checks.user_token import UserToken
from gateway.config.ruleset import RuleSet
from gateway.flow.proposed_stream import proposed_transforms
from gateway.flow.stream import StreamTransform
from gateway.guards.checks import InputGuards, OutputGuards, ToolResultGuards
from gateway.guards.stream import guard_transforms
from gateway.model import Call
from gateway.pipeline.check import ResponseStep, Step
from gateway.trace.events import DecisionEvent


@dataclass(frozen=True, slots=True)
class Stage:
    """One step of the forward stage: what it does and why it sits where it does."""

    name: str
    why: str


# The forward stage, between the request and the response checks. Executed, in this order, by
# `gateway.limits.resilient.ResilientForwarder` (LLM calls) and `gateway.limits.tool_resilience.
# ResilientToolForwarder` (tool calls); tests/pipeline/test_call_order.py holds them to it.
FORWARD = (
    Stage("breaker", "an upstream whose breaker is open is not called: no waiting on what is known to be down"),
    Stage("retry", "a transient fault (timeout, 5xx, 429 with a short Retry-After) is retried within the "
                   "call's deadline, idempotent tool calls only"),
    Stage("fallback", "when the model's upstream stays down, the route's fallback models are tried in order "
                      "(LLM calls only)"),
)


class StreamStages:
    """The transforms one streamed answer goes through, in execution order: proposed tool calls are held and
    judged first (on the model's own arguments, as for whole answers), then every text, arguments included,
    passes the output guards."""

    def __init__(self, services: CheckServices) -> None:
        self._placeholders = services.guards.placeholders

    def __call__(self, call: Call, rules: RuleSet, record: Callable[[DecisionEvent], None]
                 ) -> list[StreamTransform]:
        return [*proposed_transforms(call, rules, record),
                *guard_transforms(call, rules, self._placeholders, record)]


@dataclass(frozen=True, slots=True)
class CallOrder:
    request: tuple[Step, ...]
    forward: tuple[Stage, ...]
    stream: StreamStages
    response: tuple[ResponseStep, ...]


def request_steps(services: CheckServices) -> list[Step]:
    """Request phase, in order."""
    return [
        Step(Authenticate(), "who is calling decides everything after it"),
        Step(UserToken(), "acting for a user narrows what the agent may do, so the user is known before permission"),
        Step(ModelPermission(), "least privilege: a model the agent may not use is refused before any work"),
        Step(ToolPermission(), "deny by default: unknown tool, tool or arguments not granted to agent and user"),
        Step(ToolSchema(), "arguments must match the tool's schema before anything counts or executes them"),
        Step(LoopProtection(services.loops), "an agent stuck repeating the same call is stopped before it spends more"),
        Step(services.limits.rate_check(), "rate limits are one counter hit: refuse a flood before costlier checks"),
        Step(services.limits.budget_check(),
             "reserve the call's worst case against its run before any work is spent on it"),
        Step(InputGuards(services.guards),
             "content checks cost the most: only for calls that passed the cheap checks"),
        Step(ApprovalCheck(services.approvals),
             "humans last: only a call every automatic check passed is worth their time"),
    ]


def response_steps(services: CheckServices) -> list[ResponseStep]:
    """Response phase, in execution order."""
    return [
        ResponseStep(ResultSchema(),
                     "a tool result that breaks its output schema is withheld before anything reads it"),
        ResponseStep(ProposedCalls(), "tool calls a model proposes are checked before the agent acts on them"),
        ResponseStep(ToolResultGuards(services.guards), "a tool's result is untrusted input for the next LLM call"),
        ResponseStep(OutputGuards(services.guards),
                     "the model's answer is redacted or refused before the agent sees it"),
    ]


def call_order(services: CheckServices) -> CallOrder:
    return CallOrder(tuple(request_steps(services)), FORWARD, StreamStages(services),
                     tuple(response_steps(services)))
