"""The one wiring place: builds every collaborator from settings and assembles both HTTP apps."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Callable

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from starlette.requests import Request

from gateway import checks
from gateway.config.holder import RulesHolder
from gateway.observability.tracing import Tracing
from gateway.observability.wiring import instrument, observe
from gateway.pipeline.runner import Runner
from gateway.routes.admin import admin_router
from gateway.routes.health import health_routes
from gateway.routes.llm import llm_routes
from gateway.routes.metrics import metrics_router
from gateway.runtime import Gateway, new_id
from gateway.settings import Settings
from gateway.stores.sqlite_trace import SqliteTraceStore
from gateway.trace.recorder import TraceRecorder
from gateway.upstream.client import UpstreamClient
from gateway.upstream.forwarder import Forwarder


def build_gateway(
    settings: Settings,
    *,
    clock: Callable[[], float] = time.time,
    ids: Callable[[str], str] = new_id,
    tracing: Tracing | None = None,
) -> Gateway:
    """Build the gateway: rules (fatal if invalid at start), stores, pipeline, upstream client."""
    rules = RulesHolder(settings.rules_dir, settings.tools_dir, settings.environ)
    store = SqliteTraceStore(settings.state_dir / "decisions.sqlite3")
    recorder = TraceRecorder(store)
    runner = Runner(checks.request_steps(), checks.response_steps(), recorder.decision, clock)
    gw = Gateway(settings, rules, runner, recorder, Forwarder(UpstreamClient()), clock, ids)
    observe(gw, tracing)
    gw.ready_probes.append(store.ping)
    return gw


@contextlib.asynccontextmanager
async def running(gw: Gateway, watch: bool = True) -> AsyncIterator[Gateway]:
    """Start the background tasks (decision-log writer, rules watcher); stop them cleanly."""
    await gw.recorder.start()
    watcher = asyncio.create_task(gw.rules.watch(gw.settings.reload_interval_s)) if watch else None
    try:
        yield gw
    finally:
        if watcher is not None:
            watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watcher
        await gw.forwarder.client.close()
        await gw.recorder.stop()
        gw.tracing.shutdown()


async def _unhandled(request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"error": {"type": "api_error", "code": "internal-error",
                                   "message": "Internal gateway error."}}, status_code=500)


def data_app(gw: Gateway) -> FastAPI:
    app = FastAPI(title="Wardgate data plane", docs_url=None, redoc_url=None, openapi_url=None)
    app.add_exception_handler(Exception, _unhandled)
    instrument(gw, app, "data")
    for route in [*llm_routes(gw), *health_routes(gw)]:
        app.router.routes.append(route)
    return app


def admin_app(gw: Gateway) -> FastAPI:
    app = FastAPI(title="Wardgate admin plane")
    instrument(gw, app, "admin")
    app.include_router(metrics_router(gw))
    app.include_router(admin_router(gw))
    return app
