"""Metrics read at scrape time: rule reloads and revision, and runs that finished (by idle timeout)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol

from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.metrics_core import Metric
from prometheus_client.registry import Collector

from gateway.errors import Reason
from gateway.observability.metrics import Metrics, RunOutcome


class _Revisioned(Protocol):
    @property
    def revision(self) -> str: ...

    @property
    def loaded_at(self) -> float: ...


class RulesSource(Protocol):
    """What the rules holder exposes (kept structural so this module does not import config)."""

    reloads_ok: int
    reloads_failed: int

    @property
    def current(self) -> _Revisioned: ...

    @property
    def last_error(self) -> object | None: ...


class RulesCollector(Collector):
    def __init__(self, rules: RulesSource) -> None:
        self._rules = rules

    def collect(self) -> Iterator[Metric]:
        r = self._rules
        reloads = CounterMetricFamily("wardgate_rules_reloads", "Rule reloads since start, by result.",
                                      labels=["result"])
        reloads.add_metric(["ok"], r.reloads_ok)
        reloads.add_metric(["failed"], r.reloads_failed)
        yield reloads
        rev = GaugeMetricFamily("wardgate_rules_revision_info", "The serving rule revision (value 1).",
                                labels=["revision"])
        rev.add_metric([r.current.revision], 1.0)
        yield rev
        yield GaugeMetricFamily("wardgate_rules_loaded_timestamp_seconds",
                                "When the serving rules were loaded.", value=r.current.loaded_at)
        yield GaugeMetricFamily("wardgate_rules_last_reload_ok",
                                "1 if the last reload succeeded (or none failed since), 0 if it failed.",
                                value=0.0 if r.last_error is not None else 1.0)


_BUDGET = frozenset({Reason.BUDGET_EXHAUSTED})
_BLOCKED = frozenset({Reason.CONTENT_BLOCKED, Reason.OUTPUT_INVALID, Reason.LOOP_DETECTED, Reason.ARGS_INVALID})
_DENIED = frozenset({
    Reason.UNAUTHENTICATED, Reason.MODEL_NOT_ALLOWED, Reason.TOOL_NOT_ALLOWED, Reason.TOOL_UNKNOWN,
    Reason.TOOL_DISABLED, Reason.APPROVAL_DENIED, Reason.APPROVAL_EXPIRED, Reason.RATE_LIMITED,
})


def run_outcome(reason: Reason | None, failed: bool) -> RunOutcome:
    """How a run ended, from its last call: a refusal's reason class, an upstream failure, or completed."""
    if reason in _BUDGET:
        return RunOutcome.BUDGET_EXHAUSTED
    if reason in _BLOCKED:
        return RunOutcome.BLOCKED
    if reason in _DENIED:
        return RunOutcome.DENIED
    return RunOutcome.FAILED if failed else RunOutcome.COMPLETED


@dataclass(slots=True)
class _Run:
    last_seen: float
    cost: float
    outcome: RunOutcome


class RunTally(Collector):
    """Per-run cost and last outcome; a run idle for `idle_s` is finished and counted (at scrape time).

    Runs have no explicit end in the API, so "finished" means "no call for idle_s". Bounded: the
    oldest runs are finished early when more than `max_runs` are open.
    """

    def __init__(self, metrics: Metrics, clock: Callable[[], float], idle_s: float = 300.0,
                 max_runs: int = 100_000) -> None:
        self._metrics = metrics
        self._clock = clock
        self._idle = idle_s
        self._max = max_runs
        self._runs: OrderedDict[str, _Run] = OrderedDict()

    def call(self, run_id: str, cost: float, reason: Reason | None, failed: bool) -> None:
        now = self._clock()
        run = self._runs.pop(run_id, None)
        outcome = run_outcome(reason, failed)
        if run is None:
            run = _Run(now, cost, outcome)
        else:
            run.last_seen, run.cost, run.outcome = now, run.cost + cost, outcome
        self._runs[run_id] = run  # most recently seen last
        if len(self._runs) > self._max:
            _, oldest = self._runs.popitem(last=False)
            self._metrics.run_finished(oldest.outcome, oldest.cost)

    def sweep(self) -> int:
        cutoff, done = self._clock() - self._idle, 0
        while self._runs:
            run_id, run = next(iter(self._runs.items()))
            if run.last_seen > cutoff:
                break
            del self._runs[run_id]
            self._metrics.run_finished(run.outcome, run.cost)
            done += 1
        return done

    @property
    def open_runs(self) -> int:
        return len(self._runs)

    def collect(self) -> Iterator[Metric]:
        self.sweep()
        yield GaugeMetricFamily("wardgate_runs_open", "Runs with a call in the last idle timeout.",
                                value=len(self._runs))
