"""Sends an admitted tool call to its upstream (HTTP endpoint or a pinned tool of an MCP server).

`ToolForwarder.invoke` is the one function every tool execution goes through, so breakers and
retries can wrap it in one place.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import httpx2
from mcp.client.client import Client
from mcp.client.streamable_http import streamable_http_client

from gateway.errors import Reason
from gateway.tools.canonical import definition_hash
from gateway.tools.registry import HttpTarget, McpTarget, Tool
from gateway.upstream.client import UpstreamClient, UpstreamFault, is_redirect


class ToolUpstreamFault(UpstreamFault):
    """The tool upstream failed (unreachable, timeout, 5xx): transient, may be retried."""

    def __init__(self, reason: Reason, message: str, upstream_status: int | None = None) -> None:
        super().__init__(reason, message)
        self.upstream_status = upstream_status


class PinMismatch(Exception):
    """The upstream MCP tool's description or schema is no longer the pinned one (possible rug pull)."""

    def __init__(self, tool: str, pinned: str, actual: str | None) -> None:
        what = "is no longer offered" if actual is None else "changed its description or schema"
        super().__init__(f"upstream MCP tool '{tool}' {what} since it was pinned")
        self.pinned, self.actual = pinned, actual


@dataclass(frozen=True, slots=True)
class ToolAnswer:
    """What the tool said: a result, or its own refusal (HTTP 4xx, MCP `isError`)."""

    ok: bool
    result: Any
    upstream_status: int | None
    upstream_ms: float


def _decode(raw: bytes) -> Any:
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return raw.decode("utf-8", "replace")


class ToolForwarder:
    def __init__(self, client: UpstreamClient) -> None:
        self.client = client

    async def invoke(self, tool: Tool, args: Mapping[str, Any], headers: Mapping[str, str] | None = None,
                     call_id: str | None = None) -> ToolAnswer:
        """Execute the tool once. Raises ToolUpstreamFault (transient) or PinMismatch (refuse). (`call_id` serves
        the breakers of ResilientToolForwarder.)"""
        if isinstance(tool.target, HttpTarget):
            return await self._http(tool, tool.target, args, headers or {})
        return await self._mcp(tool, tool.target, args)

    async def _http(
        self, tool: Tool, target: HttpTarget, args: Mapping[str, Any], extra: Mapping[str, str]
    ) -> ToolAnswer:
        hdrs = {"content-type": "application/json", "accept": "application/json", **extra, **target.headers}
        url, body = target.url, json.dumps(args, separators=(",", ":")).encode()
        payload: bytes | None = body
        if target.method in {"GET", "DELETE"}:
            flat = {k: v if isinstance(v, str) else json.dumps(v) for k, v in args.items()}
            url, payload = (f"{url}{'&' if '?' in url else '?'}{urlencode(flat)}" if flat else url), None
        try:
            resp = await self.client.request(target.method, url, hdrs, payload, tool.ops.timeout_s)
        except UpstreamFault as fault:
            raise ToolUpstreamFault(fault.reason, f"tool upstream: {fault}") from fault
        if resp.status >= 500:
            raise ToolUpstreamFault(Reason.UPSTREAM_ERROR, f"tool upstream answered HTTP {resp.status}", resp.status)
        if is_redirect(resp.status):
            raise ToolUpstreamFault(Reason.UPSTREAM_ERROR, f"tool upstream answered HTTP {resp.status} (a redirect; "
                                    "redirects are not followed)", resp.status)
        return ToolAnswer(resp.status < 400, _decode(resp.body), resp.status, resp.elapsed_ms)

    async def _mcp(self, tool: Tool, target: McpTarget, args: Mapping[str, Any]) -> ToolAnswer:
        start = time.perf_counter()
        timeout = min(tool.ops.timeout_s, target.timeout_s)
        try:
            async with (
                httpx2.AsyncClient(headers=dict(target.headers), timeout=timeout) as http,
                Client(streamable_http_client(target.url, http_client=http), read_timeout_seconds=timeout,
                       cache=None) as session,
            ):
                listing = await session.list_tools()
                offered = next((t for t in listing.tools if t.name == target.tool), None)
                actual = None if offered is None else definition_hash(
                    offered.description or "", offered.input_schema, offered.output_schema)
                # Raised after the session closes: inside it the SDK's task groups would wrap it in a group.
                result = await session.call_tool(target.tool, dict(args)) if actual == target.pin else None
        except TimeoutError as exc:
            message = f"MCP upstream did not answer within {timeout:g}s"
            raise ToolUpstreamFault(Reason.UPSTREAM_TIMEOUT, message) from exc
        except Exception as exc:  # the SDK raises many kinds (transport, protocol); all mean "upstream failed"
            raise ToolUpstreamFault(Reason.UPSTREAM_ERROR, f"MCP upstream failed: {type(exc).__name__}: {exc}") from exc
        if result is None:
            raise PinMismatch(tool.name, target.pin, actual)
        elapsed = (time.perf_counter() - start) * 1000
        return ToolAnswer(not result.is_error, mcp_result_value(result.structured_content, result.content), None,
                          elapsed)


def mcp_result_value(structured: Any, content: list[Any]) -> Any:
    """Structured content when the tool gave it; else the text of its content blocks (JSON-decoded if possible)."""
    if structured is not None:
        return structured
    texts = [getattr(block, "text", None) for block in content]
    if len(texts) == 1 and isinstance(texts[0], str):
        return _decode(texts[0].encode())
    return [b.model_dump(mode="json", by_alias=True, exclude_none=True) for b in content]


async def fetch_definitions(url: str, headers: Mapping[str, str] | None = None,
                            timeout_s: float = 10.0) -> list[dict[str, Any]]:
    """The upstream MCP server's current tool definitions (for pinning)."""
    async with (
        httpx2.AsyncClient(headers=dict(headers or {}), timeout=timeout_s) as http,
        Client(streamable_http_client(url, http_client=http), read_timeout_seconds=timeout_s, cache=None) as session,
    ):
        listing = await session.list_tools()
    return [{"name": t.name, "description": t.description or "", "input_schema": t.input_schema,
             "output_schema": t.output_schema} for t in listing.tools]
