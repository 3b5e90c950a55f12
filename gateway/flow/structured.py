"""Structured output: the JSON Schema a request asks for, validating the answer, and the repair request."""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.protocols import Validator

from gateway.model import Api


def requested_schema(api: Api, payload: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The schema from `response_format` (Chat Completions) or `text.format` (Responses), if any."""
    if api is Api.CHAT:
        fmt = payload.get("response_format")
        if isinstance(fmt, Mapping) and fmt.get("type") == "json_schema":
            spec = fmt.get("json_schema")
            schema = spec.get("schema") if isinstance(spec, Mapping) else None
            return schema if isinstance(schema, Mapping) else None
    if api is Api.RESPONSES:
        text = payload.get("text")
        fmt = text.get("format") if isinstance(text, Mapping) else None
        if isinstance(fmt, Mapping) and fmt.get("type") == "json_schema" and isinstance(fmt.get("schema"), Mapping):
            return fmt["schema"]  # type: ignore[no-any-return]
    return None


def answer_text(api: Api, body: Mapping[str, Any]) -> str | None:
    if api is Api.CHAT:
        choices = body.get("choices") or []
        msg = choices[0].get("message") if choices and isinstance(choices[0], Mapping) else None
        content = msg.get("content") if isinstance(msg, Mapping) else None
        return content if isinstance(content, str) else None
    if api is Api.RESPONSES:
        parts = [p.get("text", "") for item in body.get("output") or [] if isinstance(item, Mapping)
                 and item.get("type") == "message" for p in item.get("content") or []
                 if isinstance(p, Mapping) and p.get("type") == "output_text"]
        return "".join(parts) if parts else None
    return None


def _path(parts: Any) -> str:
    out = "$"
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else f".{p}"
    return out


class SchemaCache:
    """Validators compiled once per distinct schema (agents send the same schema on every call)."""

    def __init__(self, size: int = 256) -> None:
        self._cache: OrderedDict[str, Validator] = OrderedDict()
        self._size = size

    def validator(self, schema: Mapping[str, Any]) -> Validator:
        key = hashlib.sha256(json.dumps(schema, sort_keys=True).encode()).hexdigest()
        found = self._cache.get(key)
        if found is None:
            Draft202012Validator.check_schema(dict(schema))
            found = self._cache[key] = Draft202012Validator(dict(schema))
            while len(self._cache) > self._size:
                self._cache.popitem(last=False)
        self._cache.move_to_end(key)
        return found


def violations(validator: Validator, text: str | None) -> list[str]:
    """Every way the answer misses the schema, each naming its JSON path; empty when it conforms."""
    if text is None:
        return ["$: the answer has no text content"]
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        return [f"$: the answer is not valid JSON ({exc.msg} at position {exc.pos})"]
    errors = sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path))
    return [f"{_path(e.absolute_path)}: {e.message}" for e in errors[:10]]


def repair_payload(api: Api, payload: Mapping[str, Any], answer: str | None, problems: list[str]) -> dict[str, Any]:
    """The same request, plus the failed answer and what was wrong with it, asking once more."""
    note = ("Your previous answer did not match the required JSON schema:\n- " + "\n- ".join(problems)
            + "\nAnswer again with only JSON that matches the schema.")
    new = dict(payload)
    if api is Api.CHAT:
        new["messages"] = [*payload.get("messages", []), {"role": "assistant", "content": answer or ""},
                           {"role": "user", "content": note}]
    else:
        items = payload.get("input")
        history = [{"role": "user", "content": items}] if isinstance(items, str) else list(items or [])
        new["input"] = [*history, {"role": "assistant", "content": answer or ""}, {"role": "user", "content": note}]
    return new


async def conform(
    api: Api,
    payload: Mapping[str, Any],
    body: Mapping[str, Any],
    validator: Validator,
    attempts: int,
    send: Callable[[Mapping[str, Any]], Awaitable[Mapping[str, Any]]],
) -> tuple[Mapping[str, Any], list[str], int]:
    """Validate the answer; ask again with the problems up to `attempts` times.

    Returns the last answer, its remaining problems (empty = conforms) and how many repairs were sent."""
    problems = violations(validator, answer_text(api, body))
    sent = 0
    while problems and sent < attempts:
        payload = repair_payload(api, payload, answer_text(api, body), problems)
        body = await send(payload)
        sent += 1
        problems = violations(validator, answer_text(api, body))
    return body, problems, sent
