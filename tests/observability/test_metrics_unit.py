"""Metrics as values: breaker transitions, the cardinality cap, run outcomes, per-gateway registries."""

from __future__ import annotations

from pathlib import Path

import pytest
from prometheus_client import CollectorRegistry

from gateway.errors import Reason
from gateway.observability import metrics as metrics_module
from gateway.observability.collectors import RunTally, run_outcome
from gateway.observability.metrics import Metrics, RunOutcome


def value(m: Metrics, name: str, **labels: str) -> float:
    v = m.registry.get_sample_value(name, labels)
    return 0.0 if v is None else v


def test_each_gateway_has_its_own_registry() -> None:
    a, b = Metrics(), Metrics()
    a.tool_call("t", "success", 0.1)
    assert value(a, "wardgate_tool_calls_total", tool="t", outcome="success") == 1
    assert value(b, "wardgate_tool_calls_total", tool="t", outcome="success") == 0


def test_breaker_counts_transitions_not_reports() -> None:
    m = Metrics()
    for state in ["closed", "closed", "open", "open", "half_open", "closed"]:
        m.breaker_state("up", state)
    assert value(m, "wardgate_breaker_state", upstream="up") == 0
    assert value(m, "wardgate_breaker_transitions_total", upstream="up", state="open") == 1
    assert value(m, "wardgate_breaker_transitions_total", upstream="up", state="closed") == 2
    assert value(m, "wardgate_breaker_transitions_total", upstream="up", state="half-open") == 1
    with pytest.raises(ValueError):
        m.breaker_state("up", "ajar")


def test_label_cardinality_is_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(metrics_module, "MAX_CHILDREN", 3)
    m = Metrics()
    for i in range(6):
        m.fallback(f"m{i}", "f")
    assert value(m, "wardgate_upstream_fallbacks_total", model="_other", fallback="_other") == 3
    assert value(m, "wardgate_upstream_fallbacks_total", model="m0", fallback="f") == 1


def test_approvals_and_budget() -> None:
    m = Metrics()
    m.approval_requested("payments.refund", "high")
    m.approval_decided("payments.refund", "high", "approved", 42.0)
    m.budget_utilisation("bot", "cost", 0.85)
    assert value(m, "wardgate_approvals_decided_total", tool="payments.refund", tier="high", decision="approved") == 1
    assert value(m, "wardgate_approval_wait_seconds_sum", tier="high", decision="approved") == 42.0
    assert value(m, "wardgate_budget_utilisation_ratio_bucket", agent="bot", dimension="cost", le="0.9") == 1
    assert value(m, "wardgate_budget_utilisation_ratio_bucket", agent="bot", dimension="cost", le="0.8") == 0


@pytest.mark.parametrize(("reason", "failed", "outcome"), [
    (None, False, RunOutcome.COMPLETED),
    (None, True, RunOutcome.FAILED),
    (Reason.UPSTREAM_ERROR, True, RunOutcome.FAILED),
    (Reason.BUDGET_EXHAUSTED, False, RunOutcome.BUDGET_EXHAUSTED),
    (Reason.CONTENT_BLOCKED, False, RunOutcome.BLOCKED),
    (Reason.APPROVAL_DENIED, False, RunOutcome.DENIED),
    (Reason.TOOL_NOT_ALLOWED, False, RunOutcome.DENIED),
])
def test_run_outcome_from_last_call(reason: Reason | None, failed: bool, outcome: RunOutcome) -> None:
    assert run_outcome(reason, failed) is outcome


def test_runs_finish_after_idle_timeout_with_their_cost() -> None:
    now = [0.0]
    m = Metrics(CollectorRegistry())
    tally = RunTally(m, lambda: now[0], idle_s=10, max_runs=2)
    tally.call("a", 0.5, None, False)
    tally.call("a", 0.25, Reason.BUDGET_EXHAUSTED, False)
    now[0] = 5
    tally.call("b", 1.0, None, False)
    now[0] = 12
    assert tally.sweep() == 1  # a (last seen at 0) is done; b (5) is not
    assert value(m, "wardgate_runs_total", outcome="budget-exhausted") == 1
    assert value(m, "wardgate_run_cost_usd_sum") == 0.75
    tally.call("c", 0, None, False)
    tally.call("d", 0, None, False)  # over max_runs: the oldest (b) is finished early
    assert value(m, "wardgate_runs_total", outcome="completed") == 1 and tally.open_runs == 2


def test_limits_hooks_feed_the_gateway_metrics(tmp_path: Path) -> None:
    from gateway.app import build_gateway
    from gateway.settings import Settings
    from tests.support.gateway import write_rules

    gw = build_gateway(Settings(rules_dir=write_rules(tmp_path / "rules", "http://127.0.0.1:9"),
                                tools_dir=None, state_dir=tmp_path / "state", environ={}))
    assert gw.limits is not None
    gw.limits.breakers.on_state("gpt-4o-mini", "open")
    gw.forwarder.on_retry("gpt-4o-mini", "upstream-timeout")  # type: ignore[attr-defined]
    gw.forwarder.on_fallback("gpt-4o", "gpt-4o-mini")  # type: ignore[attr-defined]
    m = gw.metrics
    assert value(m, "wardgate_breaker_state", upstream="gpt-4o-mini") == 2
    assert value(m, "wardgate_upstream_retries_total", upstream="gpt-4o-mini", reason="upstream-timeout") == 1
    assert value(m, "wardgate_upstream_fallbacks_total", model="gpt-4o", fallback="gpt-4o-mini") == 1
