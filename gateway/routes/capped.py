"""ASGI helpers for the body cap where a framework reads the body itself (the MCP SDK, the admin plane)."""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gateway.errors import Reason, Refusal


async def read_capped(scope: Scope, receive: Receive, limit: int) -> bytes | None:
    """The whole body from `receive`, or None as soon as it (declared or streamed) passes `limit` bytes."""
    for name, value in scope.get("headers", ()):
        if name == b"content-length" and value.isdigit() and int(value) > limit:
            return None
    parts, size = [], 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        parts.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(parts)


def replay(body: bytes, receive: Receive) -> Receive:
    """A `receive` that hands the already-read body over once, then defers to the real one (disconnects)."""
    sent = False

    async def again() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return again


async def too_large(send: Send, limit: int, body: dict[str, object] | None = None) -> None:
    message = f"The request body is larger than this gateway accepts ({limit} bytes)."
    refusal = Refusal(Reason.REQUEST_TOO_LARGE, message)
    payload = json.dumps(body if body is not None else refusal.openai_body()).encode()
    await send({"type": "http.response.start", "status": refusal.status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": payload})


class BodyCap:
    """Reads at most `limit` bytes of a request body before the app sees it; past that, 413."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        body = await read_capped(scope, receive, self.limit)
        if body is None:
            await too_large(send, self.limit)
            return
        await self.app(scope, replay(body, receive), send)
