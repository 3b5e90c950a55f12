"""An example tool upstream for the README tour: plain HTTP tools and an MCP server on one port.

    python -m gateway.examples.tools_upstream --port 8090

HTTP: POST /tickets (create), POST /tickets/get, GET /weather.  MCP (Streamable HTTP): /mcp with
`search_docs` and `delete_docs`. Everything is in memory; nothing here is meant for production.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
from dataclasses import dataclass, field
from typing import Any

import mcp_types as types
from mcp.server.context import ServerRequestContext
from mcp.server.lowlevel.server import Server
from mcp.server.streamable_http_manager import StreamableHTTPASGIApp, StreamableHTTPSessionManager
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

DOCS = {
    "refunds": "Refunds over 100 EUR need a supervisor. Refunds are paid within 5 working days.",
    "shipping": "Orders ship within 2 working days. Tracking links are sent by e-mail.",
}


@dataclass
class McpTool:
    description: str
    input_schema: dict[str, Any]
    output_schema: dict[str, Any] | None = None


def default_mcp_tools() -> dict[str, McpTool]:
    return {
        "search_docs": McpTool("Search the help-centre articles; returns matching article texts.",
                               {"type": "object", "properties": {"query": {"type": "string", "minLength": 1}},
                                "required": ["query"], "additionalProperties": False}),
        "delete_docs": McpTool("Delete a help-centre article.",
                               {"type": "object", "properties": {"slug": {"type": "string"}}, "required": ["slug"]}),
    }


@dataclass
class ExampleUpstream:
    """The upstream's state; tests change `mcp_tools` (e.g. a description) to play a rug pull."""

    mcp_tools: dict[str, McpTool] = field(default_factory=default_mcp_tools)
    tickets: dict[str, dict[str, Any]] = field(default_factory=dict)
    calls: list[tuple[str, Any]] = field(default_factory=list)
    _ids: Any = field(default_factory=lambda: itertools.count(1))

    def mcp_server(self) -> Server[Any]:
        async def list_tools(ctx: ServerRequestContext[Any, Any], params: Any) -> types.ListToolsResult:
            return types.ListToolsResult(tools=[
                types.Tool(name=n, description=t.description, input_schema=t.input_schema,
                           output_schema=t.output_schema) for n, t in self.mcp_tools.items()])

        async def call_tool(ctx: ServerRequestContext[Any, Any], params: types.CallToolRequestParams
                            ) -> types.CallToolResult:
            args = dict(params.arguments or {})
            self.calls.append((f"mcp:{params.name}", args))
            if params.name == "search_docs":
                q = str(args.get("query", "")).lower()
                hits = [{"slug": s, "text": t} for s, t in DOCS.items() if q in s or q in t.lower()]
                return types.CallToolResult(content=[types.TextContent(type="text", text=str(hits))],
                                            structured_content={"hits": hits})
            if params.name == "delete_docs":
                DOCS.pop(str(args.get("slug")), None)
                return types.CallToolResult(content=[types.TextContent(type="text", text="deleted")])
            return types.CallToolResult(content=[types.TextContent(type="text", text="unknown tool")], is_error=True)

        return Server("example-docs", version="1", on_list_tools=list_tools, on_call_tool=call_tool)

    def app(self) -> tuple[Starlette, StreamableHTTPSessionManager]:
        manager = StreamableHTTPSessionManager(app=self.mcp_server(), json_response=True, stateless=True)

        async def create_ticket(request: Request) -> Response:
            body = await request.json()
            self.calls.append(("POST /tickets", body))
            tid = f"T-{next(self._ids)}"
            self.tickets[tid] = {"id": tid, "status": "open", **body}
            return JSONResponse(self.tickets[tid], status_code=201)

        async def get_ticket(request: Request) -> Response:
            body = await request.json()
            self.calls.append(("POST /tickets/get", body))
            ticket = self.tickets.get(str(body.get("id")))
            if ticket is None:
                return JSONResponse({"error": f"no ticket {body.get('id')!r}"}, status_code=404)
            return JSONResponse(ticket)

        async def weather(request: Request) -> Response:
            city = request.query_params.get("city", "")
            self.calls.append(("GET /weather", dict(request.query_params)))
            return JSONResponse({"city": city, "temperature_c": 11.5, "conditions": "light rain"})

        app = Starlette(routes=[
            Route("/tickets", create_ticket, methods=["POST"]),
            Route("/tickets/get", get_ticket, methods=["POST"]),
            Route("/weather", weather, methods=["GET"]),
            Route("/mcp", StreamableHTTPASGIApp(manager)),
        ])
        return app, manager


async def serve(host: str, port: int) -> None:
    """Serve until stopped; print one line on stdout once the port accepts connections (the tour waits for it)."""
    import uvicorn

    app, manager = ExampleUpstream().app()
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="off"))
    async with manager.run():
        task = asyncio.create_task(server.serve())
        while not server.started and not task.done():
            await asyncio.sleep(0.05)
        if server.started:
            bound = server.servers[0].sockets[0].getsockname()[1]
            print(f"example tool upstream ready on http://{host}:{bound}", flush=True)
        await task


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8090)
    args = p.parse_args(argv)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(args.host, args.port))


if __name__ == "__main__":
    main()
