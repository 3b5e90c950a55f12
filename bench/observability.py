"""Observability cost per call: tracing on (in-process no-op exporter) and metrics (always on).

Drives the data-plane ASGI app in process (no sockets: the figures are the gateway's own work)
with an `echo` model, in interleaved rounds so drift hits every variant alike, and prints p50/p95
per call for:

  baseline   metrics hooks detached, tracing off
  metrics    the shipped default: metrics (and INFO-level log guards) on, tracing off
  tracing    metrics on + OpenTelemetry on: FastAPI instrumentation, a span per check, the LLM span,
             BatchSpanProcessor into an exporter that drops everything

and the metrics cost measured directly (the Observer hooks one chat call triggers, logging off).
Targets (issue 7): tracing <= 0.3 ms p50 per call, metrics <= 0.05 ms per call.

    python bench/observability.py               # 8 rounds x 400 calls per variant
    python bench/observability.py --rounds 3 --calls 200
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export import SpanExporter, SpanExportResult

# Scripts here may be named like packages (a `limits.py` once shadowed the library): keep this dir off the path.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

from gateway.app import build_gateway, data_app, running  # noqa: E402
from gateway.model import Action, Mode  # noqa: E402
from gateway.observability.observer import Observer  # noqa: E402
from gateway.observability.tracing import otel_tracing  # noqa: E402
from gateway.runtime import Gateway  # noqa: E402
from gateway.settings import Settings  # noqa: E402
from gateway.trace.events import CallRecord, DecisionEvent, Outcome, Phase  # noqa: E402

KEY = "wg-bench-key"
BODY = json.dumps({"model": "echo", "max_tokens": 16,
                   "messages": [{"role": "user", "content": "say hello to the benchmark"}]}).encode()


class DropExporter(SpanExporter):
    def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
        return SpanExportResult.SUCCESS


def write_rules(root: Path) -> Path:
    rules = root / "rules"
    rules.mkdir(parents=True)
    (rules / "models.yaml").write_text("models:\n  echo: {provider: echo, context_window: 8192}\n")
    (rules / "agents.yaml").write_text(f"agents:\n  bench: {{keys: [{{value: {KEY}}}], models: {{allow: ['*']}}}}\n")
    return rules


def scope() -> dict[str, Any]:
    return {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
            "path": "/v1/chat/completions", "raw_path": b"/v1/chat/completions", "query_string": b"",
            "root_path": "", "server": ("127.0.0.1", 8080), "client": ("127.0.0.1", 5555),
            "headers": [(b"authorization", f"Bearer {KEY}".encode()), (b"content-type", b"application/json"),
                        (b"x-wardgate-run-id", b"bench-run"),
                        (b"traceparent", b"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")]}


async def one(app: Any) -> float:
    """One request in its own task, as a server runs it (context variables are per request)."""
    return await asyncio.create_task(_one(app))


async def _one(app: Any) -> float:
    sent = False

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if sent:
            await asyncio.sleep(3600)
        sent = True
        return {"type": "http.request", "body": BODY, "more_body": False}

    status = []

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            status.append(message["status"])

    t0 = time.perf_counter()
    await app(scope(), receive, send)
    dt = time.perf_counter() - t0
    assert status == [200], status
    return dt


def build(root: Path, variant: str) -> tuple[Gateway, Any]:
    settings = Settings(rules_dir=write_rules(root / variant), tools_dir=None, state_dir=root / variant / "s",
                        environ={})
    tracing = otel_tracing("bench", DropExporter(), batch=True) if variant == "tracing" else None
    gw = build_gateway(settings, tracing=tracing)
    if variant == "baseline":
        gw.recorder.on_call = None
        gw.recorder.on_decision = None
    return gw, data_app(gw)


async def e2e(rounds: int, calls: int) -> dict[str, list[float]]:
    root = Path(tempfile.mkdtemp(prefix="wg-bench-obs-"))
    variants = ["baseline", "metrics", "tracing"]
    built = {v: build(root, v) for v in variants}
    times: dict[str, list[float]] = {v: [] for v in variants}
    async with contextlib.AsyncExitStack() as stack:
        for gw, _ in built.values():
            await stack.enter_async_context(running(gw, watch=False))
        for _, app in built.values():  # warm-up: middleware stacks, caches, labelled children
            for _ in range(100):
                await one(app)
        for _ in range(rounds):
            for v in variants:
                app = built[v][1]
                times[v] += [await one(app) for _ in range(calls)]
    return times


def metrics_direct(n: int) -> list[float]:
    """The Observer hooks of one chat call (3 verdicts + 1 call record), logging off."""
    root = Path(tempfile.mkdtemp(prefix="wg-bench-met-"))
    gw, _ = build(root, "metrics")
    observer = Observer(gw.metrics, lambda: gw.rules.current)
    decisions = [DecisionEvent("dec_1", "run_1", "bench", Phase.REQUEST, name, Action.CONTINUE, Mode.ENFORCE,
                               "rev", 0.0) for name in ("authenticate", "permission", "input_guards")]
    rec = CallRecord("dec_1", "run_1", "bench", "chat.completions", "echo", 0.0, 1.2, 200, Outcome.OK, "rev",
                     answered_by="echo", prompt_tokens=40, completion_tokens=12, cost_usd=0.0001)
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        for d in decisions:
            observer.decision(d)
        observer.call(rec)
        out.append(time.perf_counter() - t0)
    return out


def ms(xs: list[float], q: float) -> float:
    return statistics.quantiles(xs, n=100)[int(q) - 1] * 1000 if q != 50 else statistics.median(xs) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=8)
    ap.add_argument("--calls", type=int, default=400)
    args = ap.parse_args()
    logging.getLogger().setLevel(logging.WARNING)  # the log lines are not what is measured here
    times = asyncio.run(e2e(args.rounds, args.calls))
    print(f"in-process chat call through the data plane ({args.rounds} x {args.calls} calls per variant)")
    for v, xs in times.items():
        print(f"  {v:<9} p50 {ms(xs, 50):.3f} ms   p95 {ms(xs, 95):.3f} ms")
    base, met, tr = (ms(times[v], 50) for v in ("baseline", "metrics", "tracing"))
    print(f"tracing on, cost per call (p50 tracing - p50 metrics): {tr - met:.3f} ms   (target <= 0.3 ms)")
    print(f"metrics, cost per call (p50 metrics - p50 baseline):   {met - base:.3f} ms   (noisy at this scale)")
    direct = metrics_direct(20000)
    print(f"metrics, Observer hooks of one call measured directly: p50 {ms(direct, 50):.4f} ms  "
          f"p95 {ms(direct, 95):.4f} ms   (target <= 0.05 ms)")


if __name__ == "__main__":
    main()
