"""The last resort: an exception no route handled becomes the gateway's error body, and the connection stays open.

Starlette's own handler re-raises after answering, and uvicorn then closes the client's keep-alive connection
(a pooled client's next request may fail with a reset). The app's edge layer (`gateway/routes/edge.py`) answers
with `error_body` and returns instead: a store that is down or saturated (PostgreSQL, Redis, a socket) is
`503 store-unavailable` with `Retry-After`, anything else `500 internal-error`. The exception is logged with its
stack."""

from __future__ import annotations

import sys

import redis.exceptions as rexc

from gateway.errors import Reason, Refusal

_STORE_ERRORS: tuple[type[BaseException], ...] = (rexc.ConnectionError, rexc.TimeoutError, OSError, TimeoutError)


def _store_errors() -> tuple[type[BaseException], ...]:
    """psycopg's connection error too once psycopg is loaded (only the PostgreSQL backends load it: without it no
    exception can be one of its errors)."""
    psycopg = sys.modules.get("psycopg")
    return _STORE_ERRORS if psycopg is None else (psycopg.OperationalError, *_STORE_ERRORS)


def error_body(exc: BaseException) -> tuple[int, dict[str, object], dict[str, str]]:
    """Pure: the status, JSON body and headers that answer an unhandled exception."""
    if isinstance(exc, _store_errors()):
        refusal = Refusal(Reason.STORE_UNAVAILABLE, "A store the gateway needs is unavailable; retry shortly.",
                          retry_after=1.0)
        return refusal.status, refusal.openai_body(), refusal.headers()
    return 500, {"error": {"type": "api_error", "code": "internal-error", "message": "Internal gateway error."}}, {}
