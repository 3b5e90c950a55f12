"""Approval routes: the admin plane's queue (list, context, approve, deny) and the agent's poll endpoint."""

from __future__ import annotations

import hmac
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, Field, ValidationError
from starlette.responses import Response
from starlette.routing import Route

from gateway.approvals.check import policy_of
from gateway.approvals.decide import DecisionRefused, may_decide
from gateway.approvals.record import Approval
from gateway.approvals.store import Filters
from gateway.approvals.vocabulary import Choice, Status
from gateway.errors import Reason, Refusal
from gateway.flow.respond import json_response
from gateway.routes.common import credential_of
from gateway.runtime import Gateway


class Decision(BaseModel):
    reason: str = Field(min_length=1, max_length=2000)


async def decision_of(request: Request) -> Decision:
    """The body as JSON whatever its content type (plain `curl -d` sends form-urlencoded)."""
    raw = await request.body()
    try:
        return Decision.model_validate_json(raw or b"{}")
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'body'}: {e['msg']}" for e in exc.errors())
        raise HTTPException(400, f'The body must be JSON like {{"reason": "…"}}: {problems}.') from None


def _bearer(request: Request) -> str:
    auth = request.headers.get("authorization", "")
    return auth[7:].strip() if auth[:7].lower() == "bearer " else ""


def summary(a: Approval) -> dict[str, Any]:
    approvals = sum(1 for v in a.votes if v.choice is Choice.APPROVE)
    return {"id": a.id, "status": a.status.value, "tier": a.tier.value, "handling": a.handling.value,
            "agent_id": a.agent_id, "run_id": a.run_id, "tool": a.tool, "created_at": a.created_at,
            "expires_at": a.expires_at, "impact": a.impact, "raised_by": list(a.raised_by),
            "approvals": approvals, "approvals_needed": a.approvals_needed}


def approvals_admin_router(gw: Gateway) -> APIRouter:
    """Approvers authenticate with their own token; the admin token (or dev mode) may read, not decide."""

    async def identity(request: Request) -> str | None:
        token = _bearer(request)
        admin = gw.settings.admin_token
        if admin is not None and token and hmac.compare_digest(token.encode(), admin.encode()):
            return None
        approver = gw.approvals.approver_of(token, policy_of(gw.rules.current))
        if approver is not None:
            return approver
        if admin is None and not token:  # dev mode: the admin plane listens on loopback only
            return None
        raise HTTPException(401, "approver or admin token required (Authorization: Bearer …)")

    def visible(who: str | None, approval: Approval) -> bool:
        """The admin token (who is None) reads every approval; an approver only those it may decide."""
        if who is None:
            return True
        approver = policy_of(gw.rules.current).approvers.get(who)
        return approver is not None and may_decide(who, approver, approval) is None

    router = APIRouter(prefix="/admin/approvals")

    @router.get("")
    async def list_approvals(
        status: str | None = None, tier: str | None = None, agent: str | None = None, tool: str | None = None,
        run: str | None = None, limit: int = 100, who: str | None = Depends(identity),
    ) -> dict[str, Any]:
        if status is not None and status not in {s.value for s in Status}:
            raise HTTPException(400, f"unknown status {status!r}")
        wanted = max(1, min(limit, 500))
        # A scoped approver is shown only what it may decide: read the largest page, then keep its share.
        found = await gw.approvals.find(Filters(status, tier, agent, tool, run, 500 if who else wanted))
        return {"approvals": [summary(a) for a in found if visible(who, a)][:wanted], "approver": who}

    @router.get("/whoami")
    async def whoami(who: str | None = Depends(identity)) -> dict[str, Any]:
        return {"approver": who}

    @router.get("/{approval_id}")
    async def get_approval(approval_id: str, who: str | None = Depends(identity)) -> dict[str, Any]:
        svc = gw.approvals
        a = await svc.get(approval_id)
        if a is None or not visible(who, a):  # another approver's approval does not exist for this one
            raise HTTPException(404, f"no approval {approval_id!r}")
        why = list(a.reasons) or ([f"the tool's own risk tier is {a.base_tier.value}"] if not a.raised_by else [])
        return {
            **summary(a),
            "what": f"Agent '{a.agent_id}' wants to call tool '{a.tool}'"
                    + (f" ({a.tool_description})" if a.tool_description else "") + ".",
            "why": {"tier": a.tier.value, "base_tier": a.base_tier.value, "raised_by": list(a.raised_by),
                    "reasons": why},
            "arguments": dict(a.arguments),
            "arguments_sha256": a.fingerprint.args_sha256,
            "revision": a.fingerprint.revision,
            "call_id": a.call_id,
            "votes": [{"approver": v.approver, "decision": v.choice.value, "reason": v.reason, "at": v.at}
                      for v in a.votes],
            "decided_at": a.decided_at, "use_by": a.use_by, "used_at": a.used_at, "message": a.message or None,
            "options": svc.expected_effects(a) if a.status is Status.PENDING else [],
            "run": await svc.recent_trace(a.run_id, a.agent_id),
            "approver": who,
        }

    async def decide(approval_id: str, choice: Choice, body: Decision, who: str | None) -> dict[str, Any]:
        if who is None:
            raise HTTPException(403, "decisions need an approver token (approvers are listed in approvals.yaml)")
        try:
            a = await gw.approvals.decide(approval_id, who, choice, body.reason, policy_of(gw.rules.current))
        except DecisionRefused as refused:
            raise HTTPException(refused.status, refused.message) from None
        return summary(a) | {"message": a.message or None}

    @router.post("/{approval_id}/approve")
    async def approve(approval_id: str, request: Request, who: str | None = Depends(identity)) -> dict[str, Any]:
        return await decide(approval_id, Choice.APPROVE, await decision_of(request), who)

    @router.post("/{approval_id}/deny")
    async def deny(approval_id: str, request: Request, who: str | None = Depends(identity)) -> dict[str, Any]:
        return await decide(approval_id, Choice.DENY, await decision_of(request), who)

    return router


def approval_poll_routes(gw: Gateway) -> list[Route]:
    """`GET /v1/approvals/{id}`: an agent polls an approval it asked for (and only its own)."""

    async def poll(request: Request) -> Response:
        agent = gw.rules.current.agent_for_key(credential_of(request) or "")
        approval_id = request.path_params["approval_id"]
        if agent is None:
            refusal = Refusal(Reason.UNAUTHENTICATED, "Unknown or missing agent key.")
            return json_response(refusal.openai_body(), refusal.status)
        a = await gw.approvals.get(approval_id)
        if a is None or a.agent_id != agent:
            refusal = Refusal(Reason.NOT_FOUND, f"No approval {approval_id!r} for this agent.")
            return json_response(refusal.openai_body(), refusal.status)
        body = a.public(gw.clock())
        headers = {"retry-after": "2"} if a.status is Status.PENDING else {}
        return json_response(body, 200, headers)

    return [Route("/v1/approvals/{approval_id}", poll, methods=["GET"])]
