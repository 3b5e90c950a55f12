"""A running gateway with a chosen Tracing (e.g. in-memory spans), and a /metrics scraper."""

from __future__ import annotations

from pathlib import Path

import httpx
from prometheus_client.parser import text_string_to_metric_families

from gateway.app import admin_app, build_gateway, data_app, running
from gateway.observability.tracing import Tracing
from gateway.settings import Settings
from tests.support.gateway import ADMIN_TOKEN, RunningGateway
from tests.support.threaded import ThreadedServers


def start(rules_dir: Path, state_dir: Path, tools_dir: Path | None = None, tracing: Tracing | None = None,
          env: dict[str, str] | None = None, log_level: str = "info") -> RunningGateway:
    settings = Settings(rules_dir=rules_dir, tools_dir=tools_dir,
                        state_dir=state_dir, admin_token=ADMIN_TOKEN, reload_interval_s=0.1, environ=env or {},
                        log_level=log_level)
    gw = build_gateway(settings, tracing=tracing)
    return RunningGateway(gw, ThreadedServers([data_app(gw), admin_app(gw)], lambda: running(gw)).start())


def scrape(gw: RunningGateway) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of /metrics as {(name, sorted labels): value}."""
    r = httpx.get(f"{gw.admin_url}/metrics", headers={"authorization": f"Bearer {ADMIN_TOKEN}"}, timeout=10)
    assert r.status_code == 200, r.text
    out = {}
    for fam in text_string_to_metric_families(r.text):
        for s in fam.samples:
            out[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return out


def sample(samples: dict[tuple[str, tuple[tuple[str, str], ...]], float], name: str, **labels: str) -> float:
    """The sum of the samples of `name` whose labels include `labels`."""
    return sum(v for (n, ls), v in samples.items() if n == name and set(labels.items()) <= set(ls))
