"""`/mcp`: Wardgate as an MCP server (Streamable HTTP). tools/list is filtered by permission; tools/call runs
the same tool flow as REST, so every check applies and refusals carry the same reason codes."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import mcp_types as types
from mcp.server.context import ServerRequestContext
from mcp.server.lowlevel.server import Server
from mcp.server.streamable_http_manager import StreamableHTTPASGIApp, StreamableHTTPSessionManager
from mcp.shared.exceptions import MCPError
from starlette.requests import Request
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from gateway.errors import Reason, Refusal
from gateway.flow import tool as tool_flow
from gateway.flow.catalogue import authorize_read
from gateway.flow.client_gone import gone_from
from gateway.flow.respond import json_response
from gateway.model import Api
from gateway.routes.body import BadJson, check_value
from gateway.routes.capped import read_capped, replay, too_large
from gateway.routes.common import credential_of, new_call
from gateway.runtime import Gateway
from gateway.tools.permission import visible_tools

# `_meta` keys an MCP client may use for a request-scoped idempotency key.
IDEMPOTENCY_META = ("wardgate/idempotency-key", "idempotency_key", "idempotencyKey")
# The `_meta` key of an approval id, for MCP clients that set headers per connection, not per call.
APPROVAL_META = "wardgate/approval"
_UNAUTHENTICATED = -32001


def _request(ctx: ServerRequestContext[Any, Any]) -> Request:
    if not isinstance(ctx.request, Request):
        raise MCPError(types.INVALID_REQUEST, "Wardgate serves MCP over Streamable HTTP only.")
    return ctx.request


def _meta_key(meta: Any, keys: tuple[str, ...] = IDEMPOTENCY_META) -> str | None:
    data = meta.model_dump(by_alias=True) if hasattr(meta, "model_dump") else meta
    if not isinstance(data, Mapping):
        return None
    for k in keys:
        if isinstance(data.get(k), str) and data[k]:
            return str(data[k])
    return None


def outcome_result(outcome: tool_flow.ToolOutcome) -> types.CallToolResult:
    """The REST body as structured content, and a text block an LLM reads; refusals are `isError`."""
    body = outcome.body
    if outcome.status is tool_flow.ToolStatus.SUCCESS:
        result = body.get("result")
        text = result if isinstance(result, str) else json.dumps(result, separators=(",", ":"))
    elif outcome.status is tool_flow.ToolStatus.NEEDS_HUMAN:
        text = f"needs_human: {body.get('message')} Poll the approval, then call again with the same arguments."
    else:
        err = body.get("error", {})
        text = f"{err.get('code')}: {err.get('message')}"
    return types.CallToolResult(content=[types.TextContent(type="text", text=text)], structured_content=body,
                                is_error=outcome.status is tool_flow.ToolStatus.FAILURE)


class McpEndpoint:
    """The low-level MCP server and its stateless session manager; `run` is entered for the gateway's lifetime."""

    def __init__(self, gw: Gateway) -> None:
        self.gw = gw
        self.server: Server[Any] = Server("wardgate", version="1", on_list_tools=self._list_tools,
                                          on_call_tool=self._call_tool)
        # Stateless: every POST is authenticated and checked on its own; no session to hijack or to keep.
        self.manager = StreamableHTTPSessionManager(app=self.server, json_response=True, stateless=True)
        self.asgi = StreamableHTTPASGIApp(self.manager)

    def run(self) -> Any:
        return self.manager.run()

    async def _list_tools(
        self, ctx: ServerRequestContext[Any, Any], params: types.PaginatedRequestParams | None
    ) -> types.ListToolsResult:
        gw = self.gw
        call = new_call(gw, _request(ctx), Api.MODELS, "tools/list", {})
        read = await authorize_read(gw, call, "mcp")
        if read.refusal is not None:
            raise MCPError(_UNAUTHENTICATED, f"{read.refusal.reason.value}: {read.refusal.message}")
        rules, c = read.rules, read.call
        tools = visible_tools(rules.agents.get(c.agent_id or ""), c.principal.user_scopes if c.principal else None,
                              rules.tools)
        read.record(gw, 200)
        return types.ListToolsResult(tools=[
            types.Tool(name=t.name, description=t.description, input_schema=dict(t.input_schema))
            for t in sorted(tools, key=lambda t: t.name)])

    async def _call_tool(self, ctx: ServerRequestContext[Any, Any], params: types.CallToolRequestParams
                         ) -> types.CallToolResult:
        gw, request = self.gw, _request(ctx)
        name = gw.rules.current.tools.canonical(params.name)
        args = dict(params.arguments or {})
        payload: dict[str, Any] = {"arguments": args}
        approval = _meta_key(params.meta, (APPROVAL_META,))
        if approval:  # read by the approval check exactly like the header (same fingerprint, single use)
            payload["_meta"] = {APPROVAL_META: approval}
        call = new_call(gw, request, Api.MCP, name, payload)
        try:
            check_value(args)
        except BadJson as exc:
            refusal = Refusal(Reason.REQUEST_INVALID, str(exc), None, call.id)
            return outcome_result(tool_flow.refusal_outcome(call, refusal))
        key = _meta_key(params.meta)
        if key and "idempotency-key" not in call.headers:
            call = replace(call, headers={**call.headers, "idempotency-key": key})
        outcome = await tool_flow.invoke(gw, call, via="mcp", gone=gone_from(request.receive))
        return outcome_result(outcome)


class _Guarded:
    """Refuses unknown agents at the door with the gateway's envelope (HTTP 401), before any MCP work."""

    def __init__(self, endpoint: McpEndpoint) -> None:
        self.endpoint = endpoint

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        gw = self.endpoint.gw
        credential = credential_of(Request(scope))
        if not credential or gw.rules.current.agent_for_key(credential) is None:
            refusal = Refusal(Reason.UNAUTHENTICATED, "Send the agent key as 'Authorization: Bearer <key>' "
                              "or 'x-api-key: <key>'.", "authenticate")
            # A JSON-RPC error in the 401 body: the mcp client raises it with this message (id null: the body
            # is not read; the client puts its request's id back). The gateway's envelope rides in `data`.
            rpc_error = {"jsonrpc": "2.0", "id": None, "error": {
                "code": _UNAUTHENTICATED, "message": f"{refusal.reason.value}: {refusal.message}",
                "data": refusal.openai_body()["error"]}}
            await json_response(rpc_error, 401)(scope, receive, send)
            return
        # The SDK reads the body whole: cap it here, after authentication, before any of it is parsed.
        limit = gw.settings.max_body_bytes
        body = await read_capped(scope, receive, limit)
        if body is None:
            too = Refusal(Reason.REQUEST_TOO_LARGE, f"The request body is larger than this gateway accepts "
                          f"({limit} bytes).")
            await too_large(send, limit, {"status": "failure", **too.openai_body()})
            return
        await self.endpoint.asgi(scope, replay(body, receive), send)


def mcp_routes(endpoint: McpEndpoint) -> list[Route]:
    app = _Guarded(endpoint)
    return [Route("/mcp", app), Route("/mcp/", app)]
