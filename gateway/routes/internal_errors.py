"""The last resort: an exception no route handled becomes the gateway's error body, and the connection stays open.

Starlette's own handler re-raises after answering, and uvicorn then closes the client's keep-alive connection
(a pooled client's next request may fail with a reset). This pure ASGI layer answers and returns instead: a
store that is down or saturated (PostgreSQL, Redis, a socket) is `503 store-unavailable` with `Retry-After`,
anything else `500 internal-error`. The exception is logged with its stack."""

from __future__ import annotations

import json
import logging

import psycopg
import redis.exceptions as rexc
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gateway.errors import Reason, Refusal

log = logging.getLogger("wardgate.http")

_STORE_ERRORS = (psycopg.OperationalError, rexc.ConnectionError, rexc.TimeoutError, OSError, TimeoutError)


def error_body(exc: BaseException) -> tuple[int, dict[str, object], dict[str, str]]:
    """Pure: the status, JSON body and headers that answer an unhandled exception."""
    if isinstance(exc, _STORE_ERRORS):
        refusal = Refusal(Reason.STORE_UNAVAILABLE, "A store the gateway needs is unavailable; retry shortly.",
                          retry_after=1.0)
        return refusal.status, refusal.openai_body(), refusal.headers()
    return 500, {"error": {"type": "api_error", "code": "internal-error", "message": "Internal gateway error."}}, {}


class InternalErrors:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as exc:
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if started:  # a response is under way (a stream): it cannot become an error body; end it cleanly
                await send({"type": "http.response.body", "body": b"", "more_body": False})
                return
            status, body, headers = error_body(exc)
            raw = json.dumps(body).encode()
            pairs = [(b"content-type", b"application/json"), (b"content-length", str(len(raw)).encode()),
                     *((k.encode(), v.encode()) for k, v in headers.items())]
            await send({"type": "http.response.start", "status": status, "headers": pairs})
            await send({"type": "http.response.body", "body": raw, "more_body": False})
