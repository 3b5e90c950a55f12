"""Errors the web framework raises (unknown route, wrong method, bad query, HTTPException) in the gateway's shape.

Never FastAPI's `{"detail": …}`: every error either plane answers is `{"error": {"type", "code", "message"}}`
with a code from `gateway.errors.Reason`, and in Anthropic's envelope under `/v1/messages`.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse

from gateway.errors import STATUS, Reason, Refusal

# The statuses the framework and the admin routes raise, each with the reason it stands for.
REASON_OF_STATUS: dict[int, Reason] = {
    400: Reason.REQUEST_INVALID,
    401: Reason.UNAUTHENTICATED,
    403: Reason.FORBIDDEN,
    404: Reason.NOT_FOUND,
    405: Reason.METHOD_NOT_ALLOWED,
    409: Reason.APPROVAL_INVALID,  # the admin plane's only conflict: an approval that is no longer pending
    422: Reason.REQUEST_INVALID,
}


def error_response(request: Request, status: int, message: str, headers: dict[str, str] | None = None
                   ) -> JSONResponse:
    reason = REASON_OF_STATUS.get(status, Reason.REQUEST_INVALID)
    refusal = Refusal(reason, message)
    anthropic = request.url.path.startswith("/v1/messages")
    body = refusal.anthropic_body() if anthropic else refusal.openai_body()
    # The raised status stands (a 409 stays 409, a 503 stays 503), except FastAPI's 422: request-invalid is 400.
    return JSONResponse(body, status_code=STATUS[reason].http if status == 422 else status, headers=headers)


def _message(exc: HTTPException, request: Request) -> str:
    if exc.status_code == 404 and exc.detail == "Not Found":
        return f"Wardgate does not serve {request.method} {request.url.path}."
    if exc.status_code == 405:
        return f"{request.method} is not allowed on {request.url.path}."
    return str(exc.detail)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    return error_response(request, exc.status_code, _message(exc, request), dict(exc.headers or {}) or None)


def _where(loc: Any) -> str:
    return ".".join(str(p) for p in loc if p not in ("body", "query", "path", "header"))


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = [f"{_where(e.get('loc', ()))}: {e.get('msg', 'invalid')}" for e in exc.errors()]
    return error_response(request, 400, "The request is invalid: " + "; ".join(problems) + ".")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
