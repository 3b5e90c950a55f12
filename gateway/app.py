"""The one wiring place: builds every collaborator from settings and assembles both HTTP apps."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import time
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING, Any, Protocol

from fastapi import FastAPI

from gateway import checks
from gateway.app_observability import build_observability, instrument
from gateway.approvals.wiring import build_approvals
from gateway.checks.services import CheckServices
from gateway.config.holder import RulesHolder
from gateway.flow.tool_services import ToolServices
from gateway.limits.resilient import ResilientForwarder
from gateway.limits.service import Limits, build_limits, webhook_poster
from gateway.limits.tool_resilience import ResilientToolForwarder
from gateway.observability.tracing import Tracing
from gateway.pipeline.runner import Runner
from gateway.routes.admin import admin_router
from gateway.routes.admin_breakers import limits_admin_router
from gateway.routes.approvals import approval_poll_routes, approvals_admin_router
from gateway.routes.capped import BodyCap
from gateway.routes.console import console_routes
from gateway.routes.edge import Edge
from gateway.routes.errors import install_error_handlers
from gateway.routes.health import health_routes
from gateway.routes.host_guard import AllowedHosts
from gateway.routes.llm import llm_routes
from gateway.routes.mcp import McpEndpoint, mcp_routes
from gateway.routes.metrics import metrics_router
from gateway.routes.tools import tool_routes
from gateway.runtime import Gateway, IdSource, ReadyProbe
from gateway.settings import Settings
from gateway.stores.idempotency import IdempotencyStore
from gateway.stores.redis_loop import RedisLoopCounter
from gateway.stores.sqlite_idempotency import SqliteIdempotencyStore
from gateway.stores.sqlite_trace import SqliteTraceStore
from gateway.tools.loop_counts import LoopCounter, LoopCounts
from gateway.trace.recorder import TraceRecorder
from gateway.upstream.client import UpstreamClient

if TYPE_CHECKING:
    from gateway.stores.postgres_trace import PostgresTraceStore


class SyncPing(Protocol):
    def ping(self) -> bool: ...


def trace_store(settings: Settings) -> SqliteTraceStore | PostgresTraceStore:
    """The decision log: PostgreSQL when configured (every replica's calls in one place), else SQLite. The PostgreSQL
    stores (and psycopg, ~10 MB) are imported only when configured."""
    if settings.database_url:
        from gateway.stores.postgres_trace import PostgresTraceStore

        return PostgresTraceStore(settings.database_url)
    return SqliteTraceStore(settings.state_dir / "decisions.sqlite3")


def readiness(settings: Settings, limits: Limits, idempotency: IdempotencyStore, *embedded: SyncPing,
              ) -> list[ReadyProbe]:
    """What `/readyz` checks, by name: Redis and PostgreSQL over their own async connections (never a lock a
    writer holds); without PostgreSQL, the embedded SQLite stores (decision log, approvals) in a worker thread."""
    probes = []
    if settings.redis_url:
        probes.append(ReadyProbe("redis", limits.ping))
    if settings.database_url:
        from gateway.stores.postgres_trace import postgres_ping

        url = settings.database_url
        probes.append(ReadyProbe("postgresql", lambda: postgres_ping(url)))
        return probes
    probes.append(ReadyProbe("idempotency", idempotency.ping))
    for name, store in zip(("decision-log", "approvals"), embedded, strict=True):
        probes.append(ReadyProbe(name, functools.partial(asyncio.to_thread, store.ping)))
    return probes


def idempotency_store(settings: Settings, clock: Callable[[], float]) -> IdempotencyStore:
    """Idempotency keys: in PostgreSQL when configured (every replica claims a key in one place), else SQLite."""
    if settings.database_url:
        from gateway.stores.postgres_idempotency import PostgresIdempotencyStore

        return PostgresIdempotencyStore(settings.database_url, clock=clock)
    return SqliteIdempotencyStore(settings.state_dir / "idempotency.sqlite3", clock=clock)


def loop_counter(limits: Limits, settings: Settings) -> LoopCounts:
    """Loop protection's counts: in Redis (the limits' client and prefix) when configured, so every replica counts
    the same run; else in process."""
    if limits.redis is not None:
        return RedisLoopCounter(limits.redis, settings.redis_prefix)
    return LoopCounter()


def build_gateway(
    settings: Settings,
    *,
    clock: Callable[[], float] = time.time,
    ids: Callable[[str], str] | None = None,
    tracing: Tracing | None = None,
) -> Gateway:
    """Build the gateway: rules (fatal if invalid at start), observability, stores, limits, the order of a call,
    upstream clients. Each collaborator is built complete, with what it reports to passed in."""
    ids = ids or IdSource()
    rules = RulesHolder(settings.rules_dir, settings.tools_dir, settings.environ)
    seen = build_observability(settings, rules, clock, tracing)
    metrics = seen.metrics
    store = trace_store(settings)
    recorder = TraceRecorder(store, spill_dir=settings.state_dir / "decision-log-spill",
                             max_buffered=settings.trace_buffer_records, on_decision=seen.observer.decision,
                             on_call=seen.observer.call, on_drop=metrics.decision_log_dropped)
    approvals = build_approvals(settings, recorder.run, clock, ids, metrics)
    client = UpstreamClient(propagate=seen.tracing.inject if seen.tracing.enabled else None)
    # on_alert.require_approval holds LLM calls in the approval queue
    limits = build_limits(settings, clock, webhook_poster(client), record=recorder.decision, approvals=approvals,
                          metrics=metrics)
    services = CheckServices(record=recorder.decision, approvals=approvals, limits=limits,
                             loops=loop_counter(limits, settings))
    order = checks.call_order(services)
    runner = Runner(order.request, order.response, recorder.decision, clock, seen.tracing)
    forwarder = ResilientForwarder(client, limits.breakers, lambda: rules.current, clock,
                                   on_retry=metrics.upstream_retry, on_fallback=metrics.fallback)
    idempotency = idempotency_store(settings, clock)
    tools = ToolServices(ResilientToolForwarder(client, limits.breakers, clock, on_retry=metrics.upstream_retry),
                         idempotency)
    return Gateway(
        settings, rules, runner, recorder, forwarder, limits=limits, approvals=approvals, tools=tools,
        metrics=metrics, stream_transforms=order.stream, tracing=seen.tracing, clock=clock, ids=ids,
        ready_probes=tuple(readiness(settings, limits, idempotency, store, approvals.store)),
        finishers=(limits.finish,),
    )


@contextlib.asynccontextmanager
async def running(gw: Gateway, watch: bool = True) -> AsyncIterator[Gateway]:
    """Start the background tasks (decision-log writer, rules watcher); stop them cleanly."""
    await gw.recorder.start()
    await gw.approvals.start()
    watcher = asyncio.create_task(gw.rules.watch(gw.settings.reload_interval_s)) if watch else None
    try:
        async with gw.tools.running():
            yield gw
    finally:
        if watcher is not None:
            watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watcher
        await gw.forwarder.client.close()
        await gw.limits.close()
        await gw.recorder.stop()
        gw.tracing.shutdown()
        await gw.approvals.close()


# FastAPI's own telemetry probes the OpenTelemetry providers on every request; tracing is configured by
# gateway.observability instead (one set of spans, nothing at all when tracing is off).
_NO_NATIVE: Any = {"tracing": False, "metrics": False, "logs": False}


def data_app(gw: Gateway) -> FastAPI:
    app = FastAPI(title="Wardgate data plane", docs_url=None, redoc_url=None, openapi_url=None, telemetry=_NO_NATIVE)
    install_error_handlers(app)
    instrument(gw, app)
    # One pure-ASGI layer, outermost: host guard, access line, last-resort error answer (gateway/routes/edge.py).
    app.add_middleware(Edge, plane="data", allowed=AllowedHosts.of(gw.settings.allowed_hosts, gw.settings.host))
    for route in [*llm_routes(gw), *health_routes(gw), *approval_poll_routes(gw)]:
        app.router.routes.append(route)
    mcp = McpEndpoint(gw)
    gw.tools.lifespans.append(mcp.run)  # entered by `running()`, which starts after the apps are built
    for route in [*tool_routes(gw), *mcp_routes(mcp)]:
        app.router.routes.append(route)
    return app


def admin_app(gw: Gateway) -> FastAPI:
    # No /docs, /redoc or /openapi.json: they would describe the plane to anyone who can reach it, token or not.
    app = FastAPI(title="Wardgate admin plane", docs_url=None, redoc_url=None, openapi_url=None,
                  telemetry=_NO_NATIVE)
    app.add_middleware(BodyCap, limit=gw.settings.admin_max_body_bytes)
    install_error_handlers(app)
    instrument(gw, app)
    app.add_middleware(Edge, plane="admin", allowed=AllowedHosts.of(gw.settings.allowed_hosts, gw.settings.admin_host),
                       same_origin_only=True)
    app.include_router(metrics_router(gw))
    app.include_router(admin_router(gw))
    app.include_router(limits_admin_router(gw))
    app.include_router(approvals_admin_router(gw))
    for route in console_routes(gw):
        app.router.routes.append(route)
    return app
