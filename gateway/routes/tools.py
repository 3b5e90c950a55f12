"""Data plane tool routes: list the tools this agent may call, and invoke one through every check."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from gateway.errors import Reason, Refusal
from gateway.flow import tool as tool_flow
from gateway.flow.catalogue import authorize_read
from gateway.flow.client_gone import gone_from
from gateway.flow.respond import gateway_headers, json_response, refusal_response
from gateway.model import Api
from gateway.routes.common import RefusalOf, json_body, new_call
from gateway.runtime import Gateway
from gateway.tools.permission import visible_tools


def tool_routes(gw: Gateway) -> list[Route]:
    async def list_tools(request: Request) -> Response:
        # A listing reads the catalogue like GET /v1/models: authenticate (and user token), no tool checks.
        call = new_call(gw, request, Api.MODELS, "tools", {})
        read = await authorize_read(gw, call, "rest")
        if read.refusal is not None:
            return refusal_response(call, read.refusal)
        rules, c = read.rules, read.call
        user_tools = c.principal.user_scopes if c.principal else None
        tools = visible_tools(rules.agents.get(c.agent_id or ""), user_tools, rules.tools)
        data = [{**t.openai_function(), "x-wardgate": {
            "name": t.name, "risk": t.ops.risk.value, "impact": t.ops.impact, "idempotent": t.ops.idempotent,
            "output_schema": t.output_schema}} for t in sorted(tools, key=lambda t: t.name)]
        read.record(gw, 200)
        return json_response({"object": "list", "data": data}, 200, gateway_headers(c))

    async def invoke(request: Request) -> Response:
        rules = gw.rules.current
        name = rules.tools.canonical(request.path_params["name"])
        body = await json_body(gw, request, Api.TOOL, name)
        if isinstance(body, RefusalOf):
            return json_response({"status": "failure", **body.refusal.openai_body()}, body.refusal.status,
                                 {**gateway_headers(body.call), **body.refusal.headers()})
        args = body.get("arguments", {}) if isinstance(body, dict) else {} if body is None else None
        if not isinstance(args, dict):
            call = new_call(gw, request, Api.TOOL, name, {})
            refusal = Refusal(Reason.REQUEST_INVALID, 'The body must be a JSON object: {"arguments": {...}}.',
                              None, call.id)
            return json_response({"status": "failure", **refusal.openai_body()}, refusal.status,
                                 gateway_headers(call))
        call = new_call(gw, request, Api.TOOL, name, {"arguments": args})
        outcome = await tool_flow.invoke(gw, call, via="rest", gone=gone_from(request.receive))
        headers = gateway_headers(outcome.call)
        if outcome.refusal is not None:
            headers.update(outcome.refusal.headers())
        if outcome.replayed:
            headers["idempotent-replayed"] = "true"
        return json_response(outcome.body, outcome.http_status, headers)

    return [
        Route("/v1/tools", list_tools, methods=["GET"]),
        Route("/v1/tools/{name}/invoke", invoke, methods=["POST"]),
    ]
