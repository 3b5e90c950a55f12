"""Part of the wiring place: builds metrics and tracing for the app factory, which passes them to every
collaborator it constructs, and instruments the apps. Outside gateway.observability so that observability
never imports the runtime it observes."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import FastAPI

from gateway.config.holder import RulesHolder
from gateway.observability.collectors import RulesCollector, RunTally
from gateway.observability.metrics import Metrics
from gateway.observability.observer import Observer
from gateway.observability.tracing import Tracing, build_tracing
from gateway.runtime import Gateway
from gateway.settings import Settings

log = logging.getLogger("wardgate.observability")


@dataclass(frozen=True, slots=True)
class Observability:
    metrics: Metrics
    tracing: Tracing
    # Sees every decision and call record as it is made (metrics, logs).
    observer: Observer


def build_observability(settings: Settings, rules: RulesHolder, clock: Callable[[], float],
                        tracing: Tracing | None = None) -> Observability:
    """Metrics always; tracing when enabled (or given, as tests and benchmarks do)."""
    metrics = Metrics(multiproc_dir=settings.prometheus_multiproc_dir)
    runs = RunTally(metrics, clock, settings.run_idle_s)
    metrics.add_collector(RulesCollector(rules))
    metrics.add_collector(runs)
    observer = Observer(metrics, lambda: rules.current, runs)
    if tracing is None:
        tracing = build_tracing(settings.otel_enabled, settings.otel_service_name)
    if tracing.enabled:
        log.info("tracing on: spans exported over OTLP (OTEL_* variables)")
    return Observability(metrics, tracing, observer)


def instrument(gw: Gateway, app: FastAPI) -> None:
    """Inside the app factory, before the app starts: instrumenting later silently records nothing. (The access
    line is written by the app's edge layer, gateway/routes/edge.py.)"""
    gw.tracing.instrument(app)
