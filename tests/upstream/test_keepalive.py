"""The upstream pool never reuses a connection idle longer than its keep-alive, which stays below the idle timeout
of common upstream servers: a POST written on a connection the server is closing fails and is never retried."""

from __future__ import annotations

import asyncio

import pytest
import uvicorn

from gateway.errors import Reason
from gateway.upstream.client import KEEPALIVE_S, UpstreamClient, UpstreamFault

ANSWER = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}"


async def _read_request(reader: asyncio.StreamReader) -> bool:
    head = await reader.readuntil(b"\r\n\r\n")
    length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                   if line.lower().startswith(b"content-length:")), 0)
    await reader.readexactly(length)
    return True


async def _serve_once_per_connection(connections: list[int]) -> asyncio.Server:
    """Answers the first request on a connection; a later request on it finds the connection closed, as when the
    server's idle timer fires while the request is in flight."""
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        connections.append(1)
        try:
            await _read_request(reader)
            writer.write(ANSWER)
            await writer.drain()
            await _read_request(reader)
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        writer.close()

    return await asyncio.start_server(handle, "127.0.0.1", 0)


async def _two_calls(keepalive_s: float, idle_s: float) -> tuple[list[object], int]:
    connections: list[int] = []
    server = await _serve_once_per_connection(connections)
    url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}/v1/chat/completions"
    client = UpstreamClient(keepalive_s=keepalive_s)
    outcomes: list[object] = []
    try:
        for _ in range(2):
            try:
                outcomes.append((await client.request("POST", url, {}, b"{}", 5)).status)
            except UpstreamFault as fault:
                outcomes.append(fault.reason)
            await asyncio.sleep(idle_s)
    finally:
        await client.close()
        server.close()
    return outcomes, len(connections)


def test_a_connection_idle_past_the_keepalive_is_not_reused() -> None:
    outcomes, connections = asyncio.run(_two_calls(keepalive_s=0.1, idle_s=0.3))
    assert outcomes == [200, 200] and connections == 2


def test_reusing_a_connection_the_server_closes_fails_the_call() -> None:
    """The failure the keep-alive bound prevents: a reused connection that the server drops loses the POST."""
    outcomes, connections = asyncio.run(_two_calls(keepalive_s=30, idle_s=0.3))
    assert outcomes == [200, Reason.UPSTREAM_ERROR] and connections == 1


@pytest.mark.parametrize("server_idle_s", [
    uvicorn.Config(app="unused:app").timeout_keep_alive,  # uvicorn's default
    5.0,  # Node.js http.Server keepAliveTimeout default
])
def test_the_default_keepalive_is_below_common_server_idle_timeouts(server_idle_s: float) -> None:
    assert server_idle_s > KEEPALIVE_S
