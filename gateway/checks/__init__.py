"""The ordered check list: cheap and certain first, expensive and fuzzy later, humans last."""

from __future__ import annotations

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
from gateway.guards.checks import InputGuards, OutputGuards, ToolResultGuards
from gateway.pipeline.check import ResponseStep, Step


def request_steps(services: CheckServices) -> list[Step]:
    """Request phase, in order. Each later issue adds its step here, and nowhere else."""
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
    """Response phase; run in reverse order of this list."""
    return [
        ResponseStep(OutputGuards(services.guards),
                     "the model's answer is redacted or refused before the agent sees it"),
        ResponseStep(ToolResultGuards(services.guards), "a tool's result is untrusted input for the next LLM call"),
        ResponseStep(ProposedCalls(), "tool calls a model proposes are checked before the agent acts on them"),
        ResponseStep(ResultSchema(), "a tool result that breaks its output schema is withheld (runs first: reversed)"),
    ]
