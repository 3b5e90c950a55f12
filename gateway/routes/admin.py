"""Admin plane: rules status and reload, run traces. Bearer token unless dev mode on loopback."""

from __future__ import annotations

import asyncio
import hmac
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request

from gateway.runtime import Gateway
from gateway.stores.run_view import iso
from gateway.trace.since import parse_since


def admin_auth(gw: Gateway) -> Any:
    async def check(request: Request) -> None:
        token = gw.settings.admin_token
        if token is None:  # dev mode: only possible when the admin plane listens on loopback
            return
        auth = request.headers.get("authorization", "")
        given = auth[7:].strip() if auth[:7].lower() == "bearer " else ""
        if not hmac.compare_digest(given.encode(), token.encode()):
            raise HTTPException(401, "admin token required (Authorization: Bearer …)")

    return Depends(check)


def admin_router(gw: Gateway) -> APIRouter:
    router = APIRouter(prefix="/admin", dependencies=[admin_auth(gw)])

    @router.get("/rules")
    async def rules_status() -> dict[str, Any]:
        return gw.rules.status()

    @router.post("/rules/reload")
    async def rules_reload() -> dict[str, Any]:
        ok = await asyncio.to_thread(gw.rules.reload)
        return {"reloaded": ok, **gw.rules.status()}

    @router.get("/runs")
    async def list_runs(since: str = "1h", agent: str | None = None, limit: int = 100) -> dict[str, Any]:
        """Runs active since `since` (default the last hour), most recent first; `agent` keeps one agent's."""
        try:
            start = parse_since(since, gw.clock())
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from None
        runs = await gw.recorder.runs(start, agent, max(1, min(limit, 1000)))
        return {"since": start, "since_iso": iso(start), "agent": agent, "runs": runs}

    @router.get("/runs/{run_id}")
    async def run_trace(run_id: str, agent: str | None = None) -> dict[str, Any]:
        # Runs belong to their agent; `?agent=` shows one agent's run when several sent the same run id.
        view = await gw.recorder.run(run_id, agent)
        if view is None:
            raise HTTPException(404, f"no run {run_id!r}")
        return view

    return router
