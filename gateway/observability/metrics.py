"""Every Prometheus metric family of the gateway, on a registry owned by one Gateway."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Generic, TypeVar

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector

M = TypeVar("M", Counter, Gauge, Histogram)

# Past this many label combinations a family folds new ones into "_other": a client that invents
# model names (glob routes) must not grow the scrape without bound.
MAX_CHILDREN = 2000
OTHER = "_other"

_LATENCY = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)
_RATIO = (0.1, 0.25, 0.5, 0.75, 0.8, 0.9, 0.95, 1.0, 1.25)
_COST = (0.0001, 0.001, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0, 50.0)
_WAIT = (1.0, 5.0, 15.0, 30.0, 60.0, 120.0, 300.0, 900.0, 1800.0, 3600.0, 14400.0, 86400.0)


class ToolOutcome(StrEnum):
    SUCCESS = "success"
    FAILURE = "failure"
    NEEDS_HUMAN = "needs_human"
    REFUSED = "refused"


class ApprovalDecision(StrEnum):
    APPROVED = "approved"
    DENIED = "denied"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"  # the held call was cancelled before anyone decided


class BreakerState(StrEnum):
    CLOSED = "closed"
    HALF_OPEN = "half-open"
    OPEN = "open"


class RunOutcome(StrEnum):
    COMPLETED = "completed"
    BUDGET_EXHAUSTED = "budget-exhausted"
    BLOCKED = "blocked"
    DENIED = "denied"
    FAILED = "failed"


BREAKER_VALUE = {BreakerState.CLOSED: 0.0, BreakerState.HALF_OPEN: 1.0, BreakerState.OPEN: 2.0}


class _Family(Generic[M]):
    """A labelled metric whose children are cached: `labels()` takes a lock and validates each time."""

    __slots__ = ("_cache", "metric")

    def __init__(self, metric: M) -> None:
        self.metric: M = metric
        self._cache: dict[tuple[str, ...], M] = {}

    def __call__(self, *values: str) -> M:
        child = self._cache.get(values)
        if child is None:
            if len(self._cache) >= MAX_CHILDREN:
                values = tuple(OTHER for _ in values)
                child = self._cache.get(values)
                if child is not None:
                    return child
            child = self._cache[values] = self.metric.labels(*values)
        return child


class Metrics:
    """The gateway's metric families. Methods are named for what happened; all are cheap (cached children).

    Owners of a subsystem call the method for their event (tools: `tool_call`, approvals:
    `approval_requested` / `approval_decided`, limits: `breaker_state`, `budget_utilisation`,
    upstream: `upstream_retry`, `fallback`); the generic ones are fed by the decision log hooks.
    """

    def __init__(self, registry: CollectorRegistry | None = None, multiproc_dir: Path | None = None) -> None:
        self.registry = registry if registry is not None else CollectorRegistry(auto_describe=True)
        self.multiproc_dir = multiproc_dir
        self._extra: list[Collector] = []
        self._breaker_last: dict[str, BreakerState] = {}
        r = self.registry
        self._requests = _Family(Counter(
            "wardgate_requests", "Calls answered, by route (API), model, tool and outcome.",
            ["route", "model", "tool", "outcome"], registry=r))
        self._latency = _Family(Histogram(
            "wardgate_request_duration_seconds", "Time from receiving a call to answering it (streams: to the end).",
            ["route", "model", "tool", "outcome"], buckets=_LATENCY, registry=r))
        self._verdicts = _Family(Counter(
            "wardgate_check_verdicts", "Check verdicts, by check, phase, action, reason and mode.",
            ["check", "phase", "action", "reason", "mode"], registry=r))
        self._tokens = _Family(Counter(
            "wardgate_tokens", "Provider-reported tokens, by agent, model and direction (input/output).",
            ["agent", "model", "direction"], registry=r))
        self._cost = _Family(Counter(
            "wardgate_cost_usd", "Cost at the models' prices, by agent and model.", ["agent", "model"], registry=r))
        self._context = _Family(Histogram(
            "wardgate_context_window_utilisation_ratio", "Prompt tokens over the model's declared context window.",
            ["model"], buckets=_RATIO, registry=r))
        self._runs = _Family(Counter(
            "wardgate_runs", "Finished runs by how they ended (a run finishes after its idle timeout).",
            ["outcome"], registry=r))
        self._run_cost = Histogram(
            "wardgate_run_cost_usd", "Total cost of a finished run.", buckets=_COST, registry=r)
        self._budget = _Family(Histogram(
            "wardgate_budget_utilisation_ratio", "Share of a run's budget used, observed as calls settle.",
            ["agent", "dimension"], buckets=_RATIO, registry=r))
        self._tools = _Family(Counter(
            "wardgate_tool_calls", "Tool invocations by tool and outcome (error rate: outcome=failure).",
            ["tool", "outcome"], registry=r))
        self._tool_latency = _Family(Histogram(
            "wardgate_tool_call_duration_seconds", "Tool upstream latency.", ["tool"], buckets=_LATENCY, registry=r))
        self._approvals_requested = _Family(Counter(
            "wardgate_approvals_requested", "Calls escalated to a human, by tool and risk tier.",
            ["tool", "tier"], registry=r))
        self._approvals_decided = _Family(Counter(
            "wardgate_approvals_decided", "Approval decisions by tool, tier and decision.",
            ["tool", "tier", "decision"], registry=r))
        self._approval_wait = _Family(Histogram(
            "wardgate_approval_wait_seconds", "Time from escalation to the human decision (or expiry).",
            ["tier", "decision"], buckets=_WAIT, registry=r))
        self._breaker = _Family(Gauge(
            "wardgate_breaker_state", "Circuit breaker state per upstream: 0 closed, 1 half-open, 2 open.",
            ["upstream"], multiprocess_mode="livemax", registry=r))
        self._breaker_moves = _Family(Counter(
            "wardgate_breaker_transitions", "Circuit breaker transitions by upstream and new state.",
            ["upstream", "state"], registry=r))
        self._retries = _Family(Counter(
            "wardgate_upstream_retries", "Upstream retries after a transient error, by upstream and reason.",
            ["upstream", "reason"], registry=r))
        self._fallbacks = _Family(Counter(
            "wardgate_upstream_fallbacks", "Calls answered by a fallback model, by requested and fallback model.",
            ["model", "fallback"], registry=r))
        self._log_dropped = Counter(
            "wardgate_decision_log_dropped", "Decision-log records lost: the store was down, the in-memory buffer "
            "full and the state dir could not take the spill.", registry=r)

    # -- the generic events (fed by the decision log hooks) -------------------------------------

    def check_verdict(self, check: str, phase: str, action: str, reason: str | None, mode: str) -> None:
        self._verdicts(check, phase, action, reason or "", mode).inc()

    def request(self, route: str, model: str, tool: str, outcome: str, duration_s: float) -> None:
        self._requests(route, model, tool, outcome).inc()
        self._latency(route, model, tool, outcome).observe(duration_s)

    def llm_call(
        self, agent: str, model: str, input_tokens: int, output_tokens: int, cost_usd: float,
        context_window: int | None = None,
    ) -> None:
        if input_tokens:
            self._tokens(agent, model, "input").inc(input_tokens)
            if context_window:
                self._context(model).observe(input_tokens / context_window)
        if output_tokens:
            self._tokens(agent, model, "output").inc(output_tokens)
        if cost_usd:
            self._cost(agent, model).inc(cost_usd)

    def run_finished(self, outcome: RunOutcome, cost_usd: float) -> None:
        self._runs(outcome.value).inc()
        self._run_cost.observe(cost_usd)

    # -- events owned by other subsystems ---------------------------------------------------

    def tool_call(self, tool: str, outcome: str, duration_s: float | None = None) -> None:
        """One tool invocation's outcome (`ToolOutcome` values); `duration_s` is the upstream time."""
        self._tools(tool, outcome).inc()
        if duration_s is not None:
            self._tool_latency(tool).observe(duration_s)

    def approval_requested(self, tool: str, tier: str) -> None:
        self._approvals_requested(tool, tier).inc()

    def approval_decided(self, tool: str, tier: str, decision: str, wait_s: float) -> None:
        """`decision` is an `ApprovalDecision` value; `wait_s` from escalation to decision (or expiry)."""
        self._approvals_decided(tool, tier, decision).inc()
        self._approval_wait(tier, decision).observe(max(wait_s, 0.0))

    def breaker_state(self, upstream: str, state: str) -> None:
        """Record a breaker's current state (`BreakerState` value); counts a transition when it changes."""
        known = BreakerState(state.replace("_", "-"))
        if self._breaker_last.get(upstream) is not known:
            self._breaker_last[upstream] = known
            self._breaker_moves(upstream, known.value).inc()
        self._breaker(upstream).set(BREAKER_VALUE[known])

    def budget_utilisation(self, agent: str, dimension: str, ratio: float) -> None:
        """`dimension`: tokens_in, tokens_out, cost, llm_calls, tool_calls or wall_time; `ratio` used/limit."""
        self._budget(agent, dimension).observe(ratio)

    def upstream_retry(self, upstream: str, reason: str) -> None:
        self._retries(upstream, reason).inc()

    def fallback(self, model: str, fallback: str) -> None:
        self._fallbacks(model, fallback).inc()

    def decision_log_dropped(self, records: int) -> None:
        self._log_dropped.inc(records)

    # -- exposition ---------------------------------------------------------------------------

    def add_collector(self, collector: Collector) -> None:
        """A collector read at scrape time (rule revision, run tally): nothing on the hot path."""
        self._extra.append(collector)
        self.registry.register(collector)

    def render(self) -> tuple[bytes, str]:
        """The exposition text; with a multiprocess directory, the sum over all worker processes."""
        if self.multiproc_dir is None:
            return generate_latest(self.registry), CONTENT_TYPE_LATEST
        merged = CollectorRegistry()
        MultiProcessCollector(merged, path=str(self.multiproc_dir))  # type: ignore[no-untyped-call]
        for c in self._extra:
            merged.register(c)
        return generate_latest(merged), CONTENT_TYPE_LATEST

    def families(self) -> Iterable[str]:
        return [m.name for m in self.registry.collect()]
