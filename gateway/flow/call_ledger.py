"""What one LLM call did, filled in as it goes and written once at the end (whole and streamed calls)."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any

from gateway.config.models_file import Price
from gateway.config.ruleset import ModelRoute, RuleSet
from gateway.errors import Reason, Refusal
from gateway.model import Call
from gateway.observability.tracing import NO_LLM_SPAN, LlmSpan
from gateway.runtime import Gateway
from gateway.trace.events import CallRecord, Outcome
from gateway.upstream.client import UpstreamFault
from gateway.upstream.usage import Usage

log = logging.getLogger("wardgate.llm")


@dataclass(slots=True)
class Ledger:
    """What one call did, filled in as it goes and written once at the end."""

    call: Call
    rules: RuleSet
    started: float
    t0: float = field(default_factory=time.perf_counter)
    status: int = 200
    outcome: Outcome = Outcome.OK
    reason: Reason | None = None
    answered_by: str | None = None
    usage: Usage = field(default_factory=Usage)
    cost: float = 0.0
    upstream_ms: float | None = None
    detail: dict[str, Any] = field(default_factory=dict)
    # Tracing (when on): the LLM-call span, ended with the record; the trace the call belongs to.
    span: LlmSpan = NO_LLM_SPAN
    trace_id: str | None = None

    def refused(self, refusal: Refusal, outcome: Outcome = Outcome.REFUSED) -> None:
        self.status, self.reason, self.outcome = refusal.status, refusal.reason, outcome

    def record(self, gw: Gateway) -> None:
        gw.recorder.call(self._record())

    async def finish(self, gw: Gateway) -> None:
        """Write the record, then run the finish phase (budget settlement, usage-based limits) on every path."""
        record = self._record()
        gw.recorder.call(record)
        for finisher in gw.finishers:
            try:
                await finisher(record)
            except Exception:
                log.exception("finishing call %s failed", record.call_id)

    def price(self, route: ModelRoute) -> Price:
        """The price of the model that answered (a fallback may have), else of the route asked for."""
        answered = self.rules.resolve_model(self.answered_by) if self.answered_by else None
        return (answered or route).rule.price

    def _record(self) -> CallRecord:
        c = self.call
        self.span.finish(self)
        return CallRecord(
            call_id=c.id, run_id=c.run_id, agent_id=c.agent_id, api=c.api.value, target=c.target,
            started_at=self.started, duration_ms=round((time.perf_counter() - self.t0) * 1000, 3),
            status=self.status, outcome=self.outcome, revision=self.rules.revision, reason=self.reason,
            answered_by=self.answered_by, streamed=c.streaming, prompt_tokens=self.usage.prompt_tokens,
            completion_tokens=self.usage.completion_tokens, cost_usd=self.cost, upstream_ms=self.upstream_ms,
            detail=self.detail, trace_id=self.trace_id,
        )


def fault_refusal(call: Call, fault: UpstreamFault) -> Refusal:
    return Refusal(fault.reason, str(fault), check="upstream", decision_id=call.id,
                   retry_after=getattr(fault, "retry_after", None))
