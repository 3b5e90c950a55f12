"""Reading a request body cheaply and safely: a byte cap while streaming, strict JSON, a depth cap."""

from __future__ import annotations

import json
import math
from typing import Any

from starlette.requests import Request

from gateway.routes.capped import read_capped

# Deeper than any real chat history or tool schema; shallow enough that every recursive walk after
# parsing (guards, schema validation, deep copies) stays far from Python's recursion limit.
MAX_DEPTH = 64


class BodyTooLarge(Exception):
    """The body is larger than the plane's cap; nothing past the cap was read."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"The request body is larger than this gateway accepts ({limit} bytes).")
        self.limit = limit


class BadJson(Exception):
    """The body is not strict JSON (syntax, NaN/Infinity, or nested too deeply)."""


async def read_body(request: Request, limit: int) -> bytes:
    """The whole body, refused as soon as it (declared or streamed) passes `limit` bytes."""
    body = await read_capped(request.scope, request.receive, limit)
    if body is None:
        raise BodyTooLarge(limit)
    return body


def _no_constant(name: str) -> Any:
    raise BadJson(f"{name} is not JSON: numbers must be finite.")


def check_value(value: Any, max_depth: int = MAX_DEPTH) -> None:
    """Raise BadJson for a non-finite number or nesting past `max_depth` (iterative: no recursion). Only
    containers go on the stack; leaves (mostly strings) are looked at in place."""
    if isinstance(value, float) and not math.isfinite(value):
        raise BadJson("Numbers must be finite (NaN and Infinity are not JSON).")
    if not isinstance(value, dict | list):
        return
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > max_depth:
            raise BadJson(f"The JSON is nested deeper than {max_depth} levels.")
        for child in (node.values() if isinstance(node, dict) else node):
            if isinstance(child, dict | list):
                stack.append((child, depth + 1))
            elif isinstance(child, float) and not math.isfinite(child):
                raise BadJson("Numbers must be finite (NaN and Infinity are not JSON).")


def parse_json(raw: bytes) -> Any:
    """Strict JSON: NaN, Infinity and -Infinity are refused, and so is nesting past MAX_DEPTH."""
    try:
        value = json.loads(raw, parse_constant=_no_constant)
    except RecursionError:
        raise BadJson(f"The JSON is nested deeper than {MAX_DEPTH} levels.") from None
    except ValueError as exc:
        raise BadJson("The body is not valid JSON.") from exc
    check_value(value)
    return value
