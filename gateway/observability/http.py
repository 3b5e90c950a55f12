"""One log line per HTTP request at INFO: the call line (`wardgate.call`) when the request made a call, else an
access line (method, path without query, status, time, and the gateway's ids).

A request whose call line was written (same decision id) has its access line at DEBUG: at the shipped level
each request costs one line, not two. The call side marks the decision id through a context variable the
access layer sets per request (streams finish in a child task, which shares the same marker)."""

from __future__ import annotations

import contextvars
import logging
import time
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

access_log = logging.getLogger("wardgate.access")

# Probes and scrapes are logged at DEBUG: they arrive every few seconds and say nothing new.
_QUIET = frozenset({"/healthz", "/readyz", "/metrics"})

# The decision ids whose call line this request has written (None outside a request).
_logged: contextvars.ContextVar[set[str] | None] = contextvars.ContextVar("wardgate_call_logged", default=None)


def call_line_written(decision_id: str) -> None:
    """Called once the call line of `decision_id` is written: the request's access line goes to DEBUG."""
    marks = _logged.get()
    if marks is not None:
        marks.add(decision_id)


class AccessLog:
    """Pure ASGI (no body buffering, streams pass through); logs when the response is complete."""

    def __init__(self, app: ASGIApp, plane: str) -> None:
        self.app = app
        self.plane = plane

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        level = logging.DEBUG if path in _QUIET else logging.INFO
        if not access_log.isEnabledFor(level):
            await self.app(scope, receive, send)
            return
        t0 = time.perf_counter()
        seen: dict[str, Any] = {"status": 500}
        marks: set[str] = set()
        token = _logged.set(marks)

        async def watch(message: Message) -> None:
            if message["type"] == "http.response.start":
                seen["status"] = message["status"]
                for k, v in message.get("headers", ()):
                    if k == b"x-wardgate-run-id":
                        seen["run_id"] = v.decode("latin-1")
                    elif k == b"x-wardgate-decision-id":
                        seen["decision_id"] = v.decode("latin-1")
            await send(message)

        try:
            await self.app(scope, receive, watch)
        finally:
            _logged.reset(token)
            if level == logging.INFO and seen.get("decision_id") in marks:
                level = logging.DEBUG  # the call line said it all
            if access_log.isEnabledFor(level):
                access_log.log(level, "request", extra={
                    "method": scope.get("method"), "path": path, "route": self.plane, "status": seen["status"],
                    "duration_ms": round((time.perf_counter() - t0) * 1000, 3), "run_id": seen.get("run_id"),
                    "decision_id": seen.get("decision_id")})
