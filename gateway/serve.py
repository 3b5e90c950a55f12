"""Runs the data plane and the admin plane as two listeners in one process."""

from __future__ import annotations

import asyncio
import gc
import logging
from typing import Any

import uvicorn

from gateway.app import admin_app, build_gateway, data_app, running
from gateway.http_protocol import capped_protocol
from gateway.observability.logs import configure_logging
from gateway.settings import Settings

log = logging.getLogger("wardgate")


def _server(app: Any, host: str, port: int, level: str, max_header_bytes: int) -> uvicorn.Server:
    config = uvicorn.Config(
        app, host=host, port=port, log_level=level, lifespan="off", access_log=False, log_config=None,
        loop="none", http=capped_protocol(max_header_bytes), timeout_keep_alive=30,
    )
    return uvicorn.Server(config)


async def serve(settings: Settings) -> None:
    problem = settings.admin_problem()
    if problem is not None:
        raise SystemExit(f"wardgate: refusing to start: {problem}")
    gw = build_gateway(settings)
    if settings.admin_token is None:
        log.warning("admin plane on %s without a token (dev mode, loopback only)", settings.admin_host)
    servers = [
        _server(data_app(gw), settings.host, settings.port, settings.log_level, settings.max_header_bytes),
        _server(admin_app(gw), settings.admin_host, settings.admin_port, settings.log_level,
                settings.max_header_bytes),
    ]
    async with running(gw):
        # Everything built so far (rules, detectors, lexicons, the model) lives as long as the process: moved out
        # of the collector's reach, a full collection no longer walks it, which was the tail of the latency
        # (bench/README.md, "Thirteenth session").
        gc.collect()
        gc.freeze()
        log.info("rules revision %s; data plane %s:%s; admin plane %s:%s", gw.rules.current.revision,
                 settings.host, settings.port, settings.admin_host, settings.admin_port)
        await asyncio.gather(*(s.serve() for s in servers))


def run(settings: Settings) -> None:
    configure_logging(settings.log_level, settings.log_format)
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    asyncio.run(serve(settings))
