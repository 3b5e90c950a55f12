"""Admin plane: circuit breakers (list, manual reset) and a run's budget ledger."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from gateway.limits.budget import NANO
from gateway.limits.service import Limits
from gateway.model import run_key
from gateway.routes.admin import admin_auth
from gateway.runtime import Gateway


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
        limits = gw.limits
        known = _known(limits)
        snaps = [(await b.snapshot()).as_json() for b in known.values()]
        return {"shared": limits.breakers.shared, "breakers": sorted(snaps, key=lambda s: str(s["name"]))}

    @router.post("/breakers/{name}/reset")
    async def reset(name: str) -> dict[str, Any]:
        limits = gw.limits
        b = _known(limits).get(name)
        if b is None:
            raise HTTPException(404, f"no breaker {name!r}")
        await b.reset()
        snap: dict[str, Any] = (await b.snapshot()).as_json()
        return snap

    @router.get("/budgets/{run_id}")
    async def budget(run_id: str, agent: str | None = None) -> dict[str, Any]:
        """A run's ledger. Runs belong to their agent: `?agent=` names it; without it, the one agent with an
        open budget under this run id (409 when several agents use the same run id)."""
        limits = gw.limits
        agents = [agent] if agent is not None else sorted(gw.rules.current.agents)
        found = [(a, s) for a in agents
                 if (s := await limits.budgets.ledger.state(run_key(a, run_id), gw.clock())) is not None]
        if not found:
            raise HTTPException(404, f"no open budget for run {run_id!r}")
        if len(found) > 1:
            raise HTTPException(409, f"run id {run_id!r} is used by agents {[a for a, _ in found]}; pass ?agent=")
        owner, state = found[0]

        def amounts(a: Any) -> dict[str, Any]:
            return {"tokens_in": a.tokens_in, "tokens_out": a.tokens_out, "cost_usd": a.cost_nusd / NANO,
                    "llm_calls": a.llm_calls, "tool_calls": a.tool_calls}

        return {"run_id": run_id, "agent_id": owner, "started_at": state.started_at, "last_seen": state.last_seen,
                "used": amounts(state.used), "reserved": amounts(state.reserved), "alerted": state.alerted}

    return router
