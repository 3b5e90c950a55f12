"""One log line per HTTP request at INFO: the call line (`wardgate.call`) when the request made a call, else an
access line (method, path without query, status, time, and the gateway's ids).

A request whose call line was written (same decision id) has its access line at DEBUG: at the shipped level
each request costs one line, not two. The call side marks the decision id through a context variable the
access watch sets per request (streams finish in a child task, which shares the same marker). The ASGI layer
that drives the watch is `gateway.routes.edge`."""

from __future__ import annotations

import contextvars
import logging
from dataclasses import dataclass, field

from starlette.types import Message, Scope

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


@dataclass(slots=True)
class AccessWatch:
    """One request's access line, from its start to its complete response."""

    scope: Scope
    plane: str
    level: int
    t0: float
    token: contextvars.Token[set[str] | None]
    marks: set[str] = field(default_factory=set)
    status: int = 500
    run_id: str | None = None
    decision_id: str | None = None

    @classmethod
    def open(cls, scope: Scope, plane: str, now: float) -> AccessWatch | None:
        """None when the line would not be written at all (its level is off)."""
        level = logging.DEBUG if scope.get("path", "") in _QUIET else logging.INFO
        if not access_log.isEnabledFor(level):
            return None
        marks: set[str] = set()
        return cls(scope, plane, level, now, _logged.set(marks), marks)

    def response_started(self, message: Message) -> None:
        self.status = message["status"]
        for k, v in message.get("headers", ()):
            if k == b"x-wardgate-run-id":
                self.run_id = v.decode("latin-1")
            elif k == b"x-wardgate-decision-id":
                self.decision_id = v.decode("latin-1")

    def close(self, now: float) -> None:
        _logged.reset(self.token)
        level = self.level
        if level == logging.INFO and self.decision_id in self.marks:
            level = logging.DEBUG  # the call line said it all
        if access_log.isEnabledFor(level):
            access_log.log(level, "request", extra={
                "method": self.scope.get("method"), "path": self.scope.get("path", ""), "route": self.plane,
                "status": self.status, "duration_ms": round((now - self.t0) * 1000, 3), "run_id": self.run_id,
                "decision_id": self.decision_id})
