"""A fast mock OpenAI upstream for benchmarks: fixed answers to `/v1/chat/completions`, loopback only.

It is a raw asyncio protocol with the httptools parser (and uvloop when present), so that one core
answers tens of thousands of requests a second and is never the bottleneck of the gateway it serves.
Non-streamed requests get one small `chat.completion`; `"stream": true` requests get a chunked SSE
answer of 20 content chunks (plus a usage chunk when `include_usage` is asked), then `[DONE]`.

Run: `python bench/mock_upstream.py --port 0` prints `listening <port>` once ready.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys

import httptools

CHUNKS = 20

_COMPLETION = json.dumps({
    "id": "chatcmpl-bench", "object": "chat.completion", "created": 1700000000, "model": "bench-model",
    "choices": [{"index": 0, "finish_reason": "stop",
                 "message": {"role": "assistant", "content": "The build passed; I opened the pull request."}}],
    "usage": {"prompt_tokens": 250, "completion_tokens": 12, "total_tokens": 262},
}, separators=(",", ":")).encode()


def _sse(obj: dict[str, object]) -> bytes:
    data = b"data: " + json.dumps(obj, separators=(",", ":")).encode() + b"\n\n"
    return b"%x\r\n%s\r\n" % (len(data), data)


def _chunk(delta: dict[str, str], finish: str | None = None) -> dict[str, object]:
    return {"id": "chatcmpl-bench", "object": "chat.completion.chunk", "created": 1700000000,
            "model": "bench-model", "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}


_STREAM_HEAD = (b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ncache-control: no-cache\r\n"
                b"transfer-encoding: chunked\r\n\r\n")
_STREAM_CHUNKS = [_sse(_chunk({"role": "assistant", "content": ""}))] + [
    _sse(_chunk({"content": f"tok{i} "})) for i in range(1, CHUNKS - 1)
] + [_sse(_chunk({}, "stop"))]
_USAGE_CHUNK = _sse({"id": "chatcmpl-bench", "object": "chat.completion.chunk", "created": 1700000000,
                     "model": "bench-model", "choices": [],
                     "usage": {"prompt_tokens": 250, "completion_tokens": 20, "total_tokens": 270}})
_DONE = b"data: [DONE]\n\n"
_STREAM_TAIL = b"%x\r\n%s\r\n0\r\n\r\n" % (len(_DONE), _DONE)
_WHOLE = (b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: %d\r\n\r\n"
          % len(_COMPLETION)) + _COMPLETION
_NOT_FOUND = b"HTTP/1.1 404 Not Found\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}"


class _Http(asyncio.Protocol):
    """One connection: parse requests as they come (keep-alive), answer each when its body is complete."""

    def __init__(self) -> None:
        self._parser = httptools.HttpRequestParser(self)
        self._transport: asyncio.Transport | None = None
        self._url = b""
        self._body: list[bytes] = []

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._transport = transport  # type: ignore[assignment]  # uvloop's is not an asyncio.Transport

    def data_received(self, data: bytes) -> None:
        try:
            self._parser.feed_data(data)
        except httptools.HttpParserError:
            if self._transport is not None:
                self._transport.close()

    # httptools callbacks
    def on_message_begin(self) -> None:
        self._url, self._body = b"", []

    def on_url(self, url: bytes) -> None:
        self._url += url

    def on_body(self, body: bytes) -> None:
        self._body.append(body)

    def on_message_complete(self) -> None:
        t = self._transport
        if t is None:
            return
        if not self._url.endswith(b"/chat/completions"):
            t.write(_NOT_FOUND)
            return
        body = b"".join(self._body)
        if b'"stream":true' in body or b'"stream": true' in body:
            t.write(_STREAM_HEAD)
            for c in _STREAM_CHUNKS:
                t.write(c)
            if b"include_usage" in body:
                t.write(_USAGE_CHUNK)
            t.write(_STREAM_TAIL)
        else:
            t.write(_WHOLE)
        if not self._parser.should_keep_alive():
            t.close()


async def _main(host: str, port: int) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(_Http, host, port, backlog=1024)
    print(f"listening {server.sockets[0].getsockname()[1]}", flush=True)
    async with server:
        await server.serve_forever()


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0)
    a = p.parse_args(argv)
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    try:
        asyncio.run(_main(a.host, a.port))
    except KeyboardInterrupt:
        sys.exit(0)


if __name__ == "__main__":
    main()
