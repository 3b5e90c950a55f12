"""Liveness and readiness."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from gateway.flow.respond import json_response
from gateway.runtime import Gateway


def health_routes(gw: Gateway) -> list[Route]:
    async def healthz(request: Request) -> Response:
        return json_response({"status": "ok"})

    async def readyz(request: Request) -> Response:
        failing = []
        for probe in gw.ready_probes:
            try:
                ok = probe()
            except Exception:
                ok = False
            if not ok:
                failing.append(getattr(probe, "__name__", "probe"))
        body = {"status": "ready" if not failing else "not-ready", "revision": gw.rules.current.revision,
                "failing": failing}
        return json_response(body, 200 if not failing else 503)

    return [Route("/healthz", healthz, methods=["GET"]), Route("/readyz", readyz, methods=["GET"])]
