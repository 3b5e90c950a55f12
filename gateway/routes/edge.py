"""The gateway's one ASGI layer in front of each app: the DNS-rebinding defence, the access line, and the last
resort for an exception no route handled, in one pure-ASGI wrapper (one `send` watcher per request instead of
three stacked middlewares).

In order: a request whose `Host` or `Origin` is not allowed is refused (421 / 403, `host_guard.decide`);
else the app runs, and an exception it raises becomes the gateway's error body (`internal_errors.error_body`)
with the connection kept open; the request's access line (refusals included) is written when the response is
complete (`observability.http` decides its level: DEBUG when the request's call line said it all)."""

from __future__ import annotations

import json
import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gateway.errors import Reason, Refusal
from gateway.observability.http import AccessWatch
from gateway.routes.host_guard import AllowedHosts, decide
from gateway.routes.internal_errors import error_body

log = logging.getLogger("wardgate.http")


def _header(scope: Scope, name: bytes) -> str | None:
    """The header's last value (as the middlewares this layer replaces read it)."""
    found = None
    for k, v in scope.get("headers", ()):
        if k == name:
            found = v
    return None if found is None else str(found.decode("latin-1"))


def _host_refusal(why: str) -> Refusal:
    if why == "host":
        return Refusal(Reason.HOST_NOT_ALLOWED, "This gateway is not served under the host name in the request; "
                       "an operator adds names with WARDGATE_ALLOWED_HOSTS.")
    return Refusal(Reason.FORBIDDEN, "Requests from this browser origin are not allowed.")


async def _send_json(send: Send, status: int, body: object, headers: dict[str, str] | None = None) -> None:
    raw = json.dumps(body).encode()
    pairs = [(b"content-type", b"application/json"), (b"content-length", str(len(raw)).encode()),
             *((k.encode(), v.encode()) for k, v in (headers or {}).items())]
    await send({"type": "http.response.start", "status": status, "headers": pairs})
    await send({"type": "http.response.body", "body": raw, "more_body": False})


class Edge:
    """`plane`: the access line's `route`; `same_origin_only`: the admin plane (only its own console)."""

    def __init__(self, app: ASGIApp, plane: str, allowed: AllowedHosts, same_origin_only: bool = False) -> None:
        self.app = app
        self.plane = plane
        self.allowed = allowed
        self.same_origin_only = same_origin_only

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        watch = AccessWatch.open(scope, self.plane, time.perf_counter())
        started = False

        async def sender(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                if watch is not None:
                    watch.response_started(message)
            await send(message)

        try:
            why = decide(_header(scope, b"host"), _header(scope, b"origin"), self.allowed, self.same_origin_only)
            if why is not None:  # refused before the app sees it; the access line records the refusal
                refusal = _host_refusal(why)
                anthropic = str(scope.get("path", "")).startswith("/v1/messages")
                await _send_json(sender, refusal.status,
                                 refusal.anthropic_body() if anthropic else refusal.openai_body())
                return
            await self.app(scope, receive, sender)
        except Exception as exc:
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if started:  # a response is under way (a stream): it cannot become an error body; end it cleanly
                await send({"type": "http.response.body", "body": b"", "more_body": False})
                return
            status, body, headers = error_body(exc)
            await _send_json(sender, status, body, headers)
        finally:
            if watch is not None:
                watch.close(time.perf_counter())
