"""The life of a tool call (REST or MCP): checks, idempotency, forward, result checks, trace."""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from gateway.config.ruleset import RuleSet
from gateway.errors import Reason, Refusal
from gateway.flow.client_gone import CHECKS_LEFT, CLIENT_CLOSED, ClientGone, ClientLeft, never_gone, until_gone
from gateway.model import Action, Call
from gateway.pipeline.runner import Stop
from gateway.runtime import Gateway
from gateway.stores.idempotency import ClaimKind
from gateway.tools.canonical import args_hash
from gateway.trace.events import CallRecord, Outcome
from gateway.upstream.tools import PinMismatch, ToolUpstreamFault

# Reasons whose check detail helps the caller fix the call (JSON path, limits); other details stay in the trace.
_SHOWN = frozenset({Reason.ARGS_INVALID, Reason.TOOL_NOT_ALLOWED, Reason.TOOL_UNKNOWN, Reason.LOOP_DETECTED,
                    Reason.OUTPUT_INVALID, Reason.TOOL_DISABLED, Reason.UPSTREAM_ERROR, Reason.UPSTREAM_TIMEOUT})
log = logging.getLogger("wardgate.tool")
_DETAIL_KEYS = ("tool", "path", "expected", "message", "count", "limit", "by", "upstream_status")


class ToolStatus(StrEnum):
    SUCCESS = "success"
    FAILURE = "failure"
    NEEDS_HUMAN = "needs_human"


@dataclass(frozen=True, slots=True)
class ToolOutcome:
    """The protocol-neutral answer; the REST and MCP routes render it."""

    status: ToolStatus
    http_status: int
    body: dict[str, Any]
    call: Call
    refusal: Refusal | None = None
    replayed: bool = False
    cancelled: bool = False  # the client left while the tool ran: recorded `cancelled`, the tool's outcome unknown


@dataclass(slots=True)
class _Ledger:
    call: Call
    rules: RuleSet
    started: float
    via: str
    t0: float = field(default_factory=time.perf_counter)
    upstream_ms: float | None = None
    detail: dict[str, Any] = field(default_factory=dict)

    def record(self, gw: Gateway, outcome: ToolOutcome) -> CallRecord:
        c = outcome.call
        kind = {ToolStatus.SUCCESS: Outcome.OK, ToolStatus.NEEDS_HUMAN: Outcome.HELD}.get(outcome.status)
        if outcome.cancelled:
            kind = Outcome.CANCELLED
        elif kind is None:
            r = outcome.refusal.reason if outcome.refusal else None
            kind = Outcome.UPSTREAM_ERROR if r in {Reason.UPSTREAM_ERROR, Reason.UPSTREAM_TIMEOUT} else Outcome.REFUSED
        record = CallRecord(
            call_id=c.id, run_id=c.run_id, agent_id=c.agent_id, api="tool", target=c.target,
            started_at=self.started, duration_ms=round((time.perf_counter() - self.t0) * 1000, 3),
            status=outcome.http_status, outcome=kind, revision=self.rules.revision,
            reason=outcome.refusal.reason if outcome.refusal and not outcome.cancelled else None,
            answered_by=c.target,
            upstream_ms=self.upstream_ms, detail={"via": self.via, **self.detail},
        )
        gw.recorder.call(record)
        return record


def refusal_outcome(call: Call, refusal: Refusal) -> ToolOutcome:
    return ToolOutcome(ToolStatus.FAILURE, refusal.status, {"status": "failure", **refusal.openai_body()}, call,
                       refusal)


def stop_outcome(call: Call, stop: Stop) -> ToolOutcome:
    v = stop.verdict
    if v.action is Action.HOLD:
        detail = dict(v.detail or {})
        body = {"status": ToolStatus.NEEDS_HUMAN.value, "approval": detail.get("approval"),
                "message": v.message or "This call needs a human's approval.", "decision_id": call.id}
        return ToolOutcome(ToolStatus.NEEDS_HUMAN, 202, body, call)
    reason = v.reason or Reason.CHECK_FAILED
    details = {k: v.detail[k] for k in _DETAIL_KEYS if k in v.detail} if v.detail and reason in _SHOWN else None
    details = {**(details or {}), **(v.public or {})}  # what a check chose to show (budget state, …)
    return refusal_outcome(call, Refusal(reason, v.message or f"Refused by check '{stop.check}'.", stop.check,
                                         call.id, v.retry_after, details or None,
                                         dict(v.headers) if v.headers else None))


def cancelled_outcome(call: Call, tool: str) -> ToolOutcome:
    """The client left while the tool upstream held its answer. The request was aborted, but it had been sent: the
    tool may have run, so its outcome is unknown. The call counts as a tool call, is recorded `cancelled` (499)
    and is never retried; a non-idempotent call's Idempotency-Key keeps this answer, so a retry with the same
    key does not run it again."""
    refusal = Refusal(Reason.IDEMPOTENCY_CONFLICT, f"The call to '{tool}' was cancelled when its client "
                      "disconnected, after it was sent: the tool may have run and its outcome is unknown. Check the "
                      "tool's side before calling it again (with a new Idempotency-Key).", "client", call.id)
    return ToolOutcome(ToolStatus.FAILURE, CLIENT_CLOSED, {"status": "failure", **refusal.openai_body()}, call,
                       refusal, cancelled=True)


async def invoke(gw: Gateway, call: Call, via: str = "rest", gone: ClientGone = never_gone) -> ToolOutcome:
    rules = gw.rules.current
    ledger = _Ledger(call, rules, gw.clock(), via)
    outcome = await _invoke(gw, call, rules, ledger, gone)
    record = ledger.record(gw, outcome)
    for finisher in gw.finishers:  # the finish phase: budget settlement (a tool call that ran counts once)
        try:
            await finisher(record)
        except Exception:
            log.exception("finishing tool call %s failed", record.call_id)
    return outcome


async def _invoke(gw: Gateway, call: Call, rules: RuleSet, ledger: _Ledger, gone: ClientGone) -> ToolOutcome:
    try:  # the checks may hold the call (a sync approval): a client that leaves meanwhile ends the wait
        result = await until_gone(gone, gw.runner.run_request(call, rules))
    except ClientLeft:
        ledger.detail.update(cancelled=CHECKS_LEFT, sent=False)  # nothing ran: nothing is charged
        return ToolOutcome(ToolStatus.FAILURE, CLIENT_CLOSED, {"status": "failure"}, call, cancelled=True)
    call = result.call
    if result.stop is not None:
        return stop_outcome(call, result.stop)
    tool = rules.tools.get(call.target)
    if tool is None:  # only reachable with the permission check in monitor mode: nothing to execute
        return refusal_outcome(call, Refusal(Reason.TOOL_UNKNOWN, f"No tool '{call.target}' is registered.",
                                             "permission", call.id))
    services, args = gw.tools, call.arguments
    key, scope = call.headers.get("idempotency-key"), call.agent_id or ""
    if key:
        claim = await services.idempotency.claim(scope, key, args_hash({"tool": tool.name, "arguments": args}))
        ledger.detail["idempotency"] = claim.kind.value
        if claim.kind is ClaimKind.REPLAY:
            assert claim.body is not None and claim.status is not None
            status = ToolStatus(claim.body.get("status", "failure"))
            return ToolOutcome(status, claim.status, claim.body, call, replayed=True)
        if claim.kind is not ClaimKind.NEW:
            why = ("was already used for a different call (other tool or arguments); use a new key"
                   if claim.kind is ClaimKind.CONFLICT else "belongs to a call that is still executing; retry later")
            return refusal_outcome(call, Refusal(Reason.IDEMPOTENCY_CONFLICT, f"Idempotency-Key '{key}' {why}.",
                                                 "idempotency", call.id))
    outcome = await _execute(gw, call, rules, ledger, args, gone)
    if key:
        transient = outcome.refusal is not None and outcome.refusal.reason in {
            Reason.UPSTREAM_ERROR, Reason.UPSTREAM_TIMEOUT, Reason.TOOL_DISABLED, Reason.CHECK_FAILED,
            Reason.CIRCUIT_OPEN}
        if transient or (outcome.cancelled and tool.ops.idempotent):  # running it again is safe: free the key
            await services.idempotency.release(scope, key)
        else:  # a cancelled call's key answers 409 with its unknown outcome, not the 499 nobody received
            stored = outcome.refusal.status if outcome.cancelled and outcome.refusal else outcome.http_status
            await services.idempotency.complete(scope, key, stored, outcome.body)
    return outcome


async def _execute(gw: Gateway, call: Call, rules: RuleSet, ledger: _Ledger, args: Mapping[str, Any],
                   gone: ClientGone) -> ToolOutcome:
    tool = rules.tools.get(call.target)
    assert tool is not None
    try:
        with gw.tracing.tool_span(call, tool.name) as span:
            answer = await until_gone(gone, gw.tools.forwarder.invoke(tool, args, call_id=call.id))
            span.result("success" if answer.ok else "failure", answer.upstream_status)
    except ClientLeft:
        ledger.detail.update(cancelled="client disconnected before the tool answered", tool_outcome="unknown")
        return cancelled_outcome(call, tool.name)
    except PinMismatch as exc:
        ledger.detail.update(pinned=exc.pinned, upstream=exc.actual)
        return refusal_outcome(call, Refusal(
            Reason.TOOL_DISABLED, f"Tool '{tool.name}' is disabled: its {exc}. An operator must review and re-pin "
            "it (`wardgate tools pin`) before it can be used again.", "pin", call.id, None, {"tool": tool.name}))
    except ToolUpstreamFault as fault:
        details = {"tool": tool.name, "upstream_status": fault.upstream_status}
        if getattr(fault, "attempts", None):
            ledger.detail["attempts"] = list(fault.attempts)  # type: ignore[attr-defined]
        return refusal_outcome(call, Refusal(fault.reason, str(fault), "upstream", call.id,
                                             getattr(fault, "retry_after", None), details))
    if getattr(answer, "attempts", None):
        ledger.detail["attempts"] = list(answer.attempts)  # type: ignore[attr-defined]
    ledger.upstream_ms = round(answer.upstream_ms, 3)
    if not answer.ok:
        # The tool's own error body is tool output the result guards never saw (it may carry PII, secrets or an
        # injection): it goes to the trace only, never to the agent.
        ledger.detail.update(upstream_status=answer.upstream_status, upstream_body=answer.result)
        return refusal_outcome(call, Refusal(
            Reason.UPSTREAM_ERROR, f"Tool '{tool.name}' refused the call (upstream status {answer.upstream_status}); "
            "its error body is kept in the run's trace.", "upstream", call.id, None,
            {"tool": tool.name, "upstream_status": answer.upstream_status}))
    checked = await gw.runner.run_response(call, rules, {"result": answer.result})
    if checked.stop is not None:
        return stop_outcome(call, checked.stop)
    return ToolOutcome(ToolStatus.SUCCESS, 200, {"status": "success", "result": checked.body.get("result")}, call)
