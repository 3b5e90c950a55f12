"""Admin plane: circuit breakers (list, manual reset) and a run's budget ledger."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from gateway.limits.budget import NANO
from gateway.limits.service import Limits
from gateway.routes.admin import admin_auth
from gateway.runtime import Gateway


def _limits(gw: Gateway) -> Limits:
    if gw.limits is None:
        raise HTTPException(404, "limits are not configured")
    return gw.limits


def limits_admin_router(gw: Gateway) -> APIRouter:
    router = APIRouter(prefix="/admin", dependencies=[admin_auth(gw)])

    def _known(limits: Limits) -> dict[str, Any]:
        rules = gw.rules.current
        for name, rule in rules.models.items():  # every configured upstream has a breaker, used or not
            if rule.breaker.enabled and rule.provider.value != "echo":
                limits.breakers.get(name, rule.breaker)
        return {b.name: b for b in limits.breakers.known()}

    @router.get("/breakers")
    async def breakers() -> dict[str, Any]:
        limits = _limits(gw)
        known = _known(limits)
        snaps = [(await b.snapshot()).as_json() for b in known.values()]
        return {"shared": limits.breakers.shared, "breakers": sorted(snaps, key=lambda s: str(s["name"]))}

    @router.post("/breakers/{name}/reset")
    async def reset(name: str) -> dict[str, Any]:
        limits = _limits(gw)
        b = _known(limits).get(name)
        if b is None:
            raise HTTPException(404, f"no breaker {name!r}")
        await b.reset()
        snap: dict[str, Any] = (await b.snapshot()).as_json()
        return snap

    @router.get("/budgets/{run_id}")
    async def budget(run_id: str) -> dict[str, Any]:
        limits = _limits(gw)
        state = await limits.budgets.ledger.state(run_id, gw.clock())
        if state is None:
            raise HTTPException(404, f"no open budget for run {run_id!r}")

        def amounts(a: Any) -> dict[str, Any]:
            return {"tokens_in": a.tokens_in, "tokens_out": a.tokens_out, "cost_usd": a.cost_nusd / NANO,
                    "llm_calls": a.llm_calls, "tool_calls": a.tool_calls}

        return {"run_id": run_id, "started_at": state.started_at, "last_seen": state.last_seen,
                "used": amounts(state.used), "reserved": amounts(state.reserved), "alerted": state.alerted}

    return router
