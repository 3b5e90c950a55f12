"""Turns every decision event and call record into metrics and one log line each (ids, never content)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from gateway.config.ruleset import RuleSet
from gateway.errors import Reason
from gateway.model import Action, Api, Mode, run_key
from gateway.observability.collectors import RunTally
from gateway.observability.http import call_line_written
from gateway.observability.labels import model_label, tool_label
from gateway.observability.metrics import Metrics, ToolOutcome
from gateway.trace.events import CallRecord, DecisionEvent, Outcome

decision_log = logging.getLogger("wardgate.decision")
call_log = logging.getLogger("wardgate.call")

_TOOL_APIS = frozenset({Api.TOOL.value, Api.MCP.value})
_LLM_APIS = frozenset(a.value for a in Api if a.is_llm)
# A tool's error rate counts what went wrong at the tool (upstream faults, its own refusals, a disabled
# tool); a call the checks refused never reached it.
_TOOL_OUTCOME = {Outcome.OK: ToolOutcome.SUCCESS.value, Outcome.HELD: ToolOutcome.NEEDS_HUMAN.value,
                 Outcome.UPSTREAM_ERROR: ToolOutcome.FAILURE.value}


class Observer:
    """Hooked into the trace recorder, so every decision and call is seen exactly once, wherever made."""

    def __init__(self, metrics: Metrics, rules: Callable[[], RuleSet], runs: RunTally | None = None) -> None:
        self.metrics = metrics
        self._rules = rules
        self.runs = runs

    def decision(self, ev: DecisionEvent) -> None:
        self.metrics.check_verdict(ev.check, ev.phase.value, ev.action.value,
                                   ev.reason.value if ev.reason else None, ev.mode.value)
        # Plain "continue" verdicts are the bulk: DEBUG. Refusals, holds and would-be refusals: INFO.
        level = logging.DEBUG if ev.action is Action.CONTINUE else logging.INFO
        if decision_log.isEnabledFor(level):
            shadow = ev.mode is Mode.MONITOR and ev.action is not Action.CONTINUE
            decision_log.log(level, "verdict (monitor, not enforced)" if shadow else "verdict", extra={
                "decision_id": ev.decision_id, "run_id": ev.run_id, "agent_id": ev.agent_id, "check": ev.check,
                "phase": ev.phase.value, "action": ev.action.value, "mode": ev.mode.value,
                "reason": ev.reason.value if ev.reason else None, "revision": ev.revision})

    def _context_window(self, model: str) -> int | None:
        route = self._rules().resolve_model(model)
        return route.rule.context_window if route is not None else None

    def call(self, rec: CallRecord) -> None:
        is_tool = rec.api in _TOOL_APIS
        model = "" if is_tool else rec.target
        tool = rec.target if is_tool else ""
        # Labels only from the rules: a name a caller typed (URL, body) would let it grow the scrape at will.
        rules, known = self._rules(), rec.agent_id is not None
        model_l = model_label(rules, model, known) if model else ""
        tool_l = tool_label(rules, tool, known) if tool else ""
        self.metrics.request(rec.api, model_l, tool_l, rec.outcome.value, rec.duration_ms / 1000)
        if rec.api in _LLM_APIS and (rec.prompt_tokens or rec.completion_tokens):
            window = self._context_window(rec.target) if rec.prompt_tokens else None
            self.metrics.llm_call(rec.agent_id or "", model_label(rules, rec.answered_by or rec.target, known),
                                  rec.prompt_tokens, rec.completion_tokens, rec.cost_usd, window)
        if is_tool:
            self.metrics.tool_call(tool_l, _TOOL_OUTCOME.get(rec.outcome, ToolOutcome.REFUSED.value)
                                   if rec.reason is not Reason.TOOL_DISABLED else ToolOutcome.FAILURE.value,
                                   rec.upstream_ms / 1000 if rec.upstream_ms is not None else None)
        if self.runs is not None:
            self.runs.call(run_key(rec.agent_id, rec.run_id), rec.cost_usd, rec.reason,
                           rec.outcome is Outcome.UPSTREAM_ERROR)
        if call_log.isEnabledFor(logging.INFO):
            call_log.info("call", extra={
                "decision_id": rec.call_id, "run_id": rec.run_id, "agent_id": rec.agent_id, "api": rec.api,
                "model": model or None, "tool": tool or None, "status": rec.status, "outcome": rec.outcome.value,
                "reason": rec.reason.value if rec.reason else None, "duration_ms": rec.duration_ms,
                "upstream_ms": rec.upstream_ms, "answered_by": rec.answered_by, "streamed": rec.streamed,
                "prompt_tokens": rec.prompt_tokens, "completion_tokens": rec.completion_tokens,
                "cost_usd": rec.cost_usd, "trace_id": rec.trace_id, "revision": rec.revision})
            call_line_written(rec.call_id)
