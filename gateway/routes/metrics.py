"""Admin plane `/metrics`: the Prometheus exposition of this gateway's registry (or all workers')."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from gateway.routes.admin import admin_auth
from gateway.runtime import Gateway


def metrics_router(gw: Gateway) -> APIRouter:
    deps = [admin_auth(gw)] if gw.settings.metrics_auth else []
    router = APIRouter(dependencies=deps)

    @router.get("/metrics", include_in_schema=False)
    async def metrics() -> Response:
        body, content_type = gw.metrics.render()
        return Response(body, media_type=None, headers={"content-type": content_type})

    return router
