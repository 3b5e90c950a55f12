"""Part of the wiring place: attaches metrics, tracing and logs to a built gateway (called once, by the app
factory). Outside gateway.observability so that observability never imports the runtime it observes."""

from __future__ import annotations

import logging

from fastapi import FastAPI

from gateway.observability.collectors import RulesCollector, RunTally
from gateway.observability.http import AccessLog
from gateway.observability.metrics import Metrics
from gateway.observability.observer import Observer
from gateway.observability.tracing import Tracing, build_tracing
from gateway.runtime import Gateway

log = logging.getLogger("wardgate.observability")


def observe(gw: Gateway, tracing: Tracing | None = None) -> None:
    """Metrics always; tracing when enabled (or given, as tests and benchmarks do)."""
    s = gw.settings
    metrics = Metrics(multiproc_dir=s.prometheus_multiproc_dir)
    runs = RunTally(metrics, gw.clock, s.run_idle_s)
    metrics.add_collector(RulesCollector(gw.rules))
    metrics.add_collector(runs)
    observer = Observer(metrics, lambda: gw.rules.current, runs)
    gw.recorder.on_decision = observer.decision
    gw.recorder.on_call = observer.call
    gw.metrics = metrics
    gw.tracing = tracing if tracing is not None else build_tracing(s.otel_enabled, s.otel_service_name)
    gw.runner.tracing = gw.tracing
    if gw.tracing.enabled:
        gw.forwarder.client.propagate = gw.tracing.inject
        log.info("tracing on: spans exported over OTLP (OTEL_* variables)")


def instrument(gw: Gateway, app: FastAPI, plane: str) -> None:
    """Inside the app factory, before the app starts: instrumenting later silently records nothing."""
    app.add_middleware(AccessLog, plane=plane)
    gw.tracing.instrument(app)
