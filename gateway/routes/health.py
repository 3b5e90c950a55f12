"""Liveness and readiness."""

from __future__ import annotations

import asyncio

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from gateway.flow.respond import json_response
from gateway.runtime import Gateway, ReadyProbe

# Readiness answers within this bound whatever the dependencies do: a dependency slower than it is failing.
READY_TIMEOUT_S = 0.8


async def _ok(probe: ReadyProbe) -> bool:
    try:
        return await asyncio.wait_for(probe.check(), READY_TIMEOUT_S) is not False
    except Exception:
        return False


def health_routes(gw: Gateway) -> list[Route]:
    async def healthz(request: Request) -> Response:
        return json_response({"status": "ok"})

    async def readyz(request: Request) -> Response:
        """Every dependency checked at once, each bounded; the failing ones by name (`redis`, `postgresql`…)."""
        results = await asyncio.gather(*(_ok(p) for p in gw.ready_probes))
        failing = [p.name for p, ok in zip(gw.ready_probes, results, strict=True) if not ok]
        body = {"status": "ready" if not failing else "not-ready", "revision": gw.rules.current.revision,
                "failing": failing}
        return json_response(body, 200 if not failing else 503)

    return [Route("/healthz", healthz, methods=["GET"]), Route("/readyz", readyz, methods=["GET"])]
