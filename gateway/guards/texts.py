"""Where the scannable texts of each API's payloads live, and how to write rewritten texts back."""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from gateway.detectors.kinds import Place
from gateway.model import Api

Path_ = tuple[str | int, ...]
_TRUSTED_ROLES = frozenset({"system", "developer"})


@dataclass(frozen=True, slots=True)
class Text:
    """One text in a payload: where it is, which place's guards look at it, and whether it is trusted.

    Trusted text (the system prompt the agent's developer wrote) is scanned for PII and secrets but not
    for injection — it is the policy, not an attack on it."""

    path: Path_
    place: Place
    text: str
    trusted: bool = False
    label: str | None = None  # the key a JSON leaf sits under (`client_ip`, `build`): context for its value


def _content(content: Any, path: Path_, place: Place, trusted: bool) -> Iterator[Text]:
    if isinstance(content, str):
        if content:
            yield Text(path, place, content, trusted)
    elif isinstance(content, list):
        for i, part in enumerate(content):
            if not isinstance(part, Mapping):
                continue
            kind = part.get("type")
            if kind == "tool_result":  # Anthropic: a tool's output fed back to the model
                yield from _content(part.get("content"), (*path, i, "content"), Place.TOOL_RESULT, False)
            elif kind == "tool_use":  # Anthropic: a tool call in the history, its arguments sent back again
                yield from leaf_texts(part.get("input"), (*path, i, "input"), Place.INPUT)
            elif kind in (None, "text", "input_text", "output_text") and isinstance(part.get("text"), str):
                yield from _content(part["text"], (*path, i, "text"), place, trusted)


def _message_place(role: Any) -> tuple[Place, bool]:
    if role == "tool" or role == "function":
        return Place.TOOL_RESULT, False
    return Place.INPUT, role in _TRUSTED_ROLES


def _chat_extras(m: Mapping[str, Any], i: int) -> Iterator[Text]:
    """A Chat message's `name` and the arguments of the tool calls it made (history sent back)."""
    if isinstance(m.get("name"), str):
        yield from _content(m["name"], ("messages", i, "name"), Place.INPUT, False)
    for j, tc in enumerate(m.get("tool_calls") or []):
        fn = tc.get("function") if isinstance(tc, Mapping) else None
        if isinstance(fn, Mapping) and isinstance(fn.get("arguments"), str):
            yield from _content(fn["arguments"], ("messages", i, "tool_calls", j, "function", "arguments"),
                                Place.INPUT, False)


def _fields(payload: Mapping[str, Any]) -> list[Text]:
    """The request's `user` and `metadata`: free text the provider receives like any message."""
    out = leaf_texts(payload.get("metadata"), ("metadata",), Place.INPUT)
    if isinstance(payload.get("user"), str):
        out.extend(_content(payload["user"], ("user",), Place.INPUT, False))
    return out


def request_texts(api: Api, payload: Mapping[str, Any]) -> list[Text]:
    """Every text of a request that leaves for the provider, each with the place whose guards see it."""
    out: list[Text] = []
    if api is Api.CHAT:
        for i, m in enumerate(payload.get("messages") or []):
            if isinstance(m, Mapping):
                place, trusted = _message_place(m.get("role"))
                out.extend(_content(m.get("content"), ("messages", i, "content"), place, trusted))
                out.extend(_chat_extras(m, i))
    elif api is Api.MESSAGES:
        out.extend(_content(payload.get("system"), ("system",), Place.INPUT, True))
        for i, m in enumerate(payload.get("messages") or []):
            if isinstance(m, Mapping):
                out.extend(_content(m.get("content"), ("messages", i, "content"), Place.INPUT, False))
    elif api is Api.RESPONSES:
        out.extend(_content(payload.get("instructions"), ("instructions",), Place.INPUT, True))
        items = payload.get("input")
        if isinstance(items, str):
            out.extend(_content(items, ("input",), Place.INPUT, False))
        for i, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, Mapping):
                continue
            if item.get("type") == "function_call_output":
                out.extend(_content(item.get("output"), ("input", i, "output"), Place.TOOL_RESULT, False))
            elif item.get("type") == "function_call" and isinstance(item.get("arguments"), str):
                out.extend(_content(item["arguments"], ("input", i, "arguments"), Place.INPUT, False))
            elif "content" in item:
                place, trusted = _message_place(item.get("role"))
                out.extend(_content(item.get("content"), ("input", i, "content"), place, trusted))
    elif api is Api.EMBEDDINGS:
        data = payload.get("input")
        if isinstance(data, str):
            out.extend(_content(data, ("input",), Place.INPUT, False))
        elif isinstance(data, list):
            for i, t in enumerate(data):
                if isinstance(t, str):
                    out.extend(_content(t, ("input", i), Place.INPUT, False))
    if api.is_llm:
        out.extend(_fields(payload))
    return out


def response_texts(api: Api, body: Mapping[str, Any]) -> list[Text]:
    """The model's answer in a complete response: its text, and the arguments of the tool calls it proposes."""
    out: list[Text] = []
    if api is Api.CHAT:
        for i, choice in enumerate(body.get("choices") or []):
            msg = choice.get("message") if isinstance(choice, Mapping) else None
            if not isinstance(msg, Mapping):
                continue
            if isinstance(msg.get("content"), str):
                out.extend(_content(msg["content"], ("choices", i, "message", "content"), Place.OUTPUT, False))
            for k, tc in enumerate(msg.get("tool_calls") or []):
                args = ((tc or {}).get("function") or {}).get("arguments") if isinstance(tc, Mapping) else None
                if isinstance(args, str) and args:
                    out.append(Text(("choices", i, "message", "tool_calls", k, "function", "arguments"),
                                    Place.OUTPUT, args))
    elif api is Api.MESSAGES:
        out.extend(_content(body.get("content"), ("content",), Place.OUTPUT, False))
        for i, block in enumerate(body.get("content") or []):
            if isinstance(block, Mapping) and block.get("type") == "tool_use":
                out.extend(leaf_texts(block.get("input"), ("content", i, "input"), Place.OUTPUT))
    elif api is Api.RESPONSES:
        for i, item in enumerate(body.get("output") or []):
            if not isinstance(item, Mapping):
                continue
            if item.get("type") == "message":
                out.extend(_content(item.get("content"), ("output", i, "content"), Place.OUTPUT, False))
            elif item.get("type") in ("function_call", "custom_tool_call"):
                field = "arguments" if item.get("type") == "function_call" else "input"
                if isinstance(item.get(field), str) and item[field]:
                    out.append(Text(("output", i, field), Place.OUTPUT, item[field]))
    return out


def leaf_texts(value: Any, path: Path_ = (), place: Place = Place.TOOL_RESULT) -> list[Text]:
    """Every string inside a JSON value (a tool's result), labelled with the nearest key above it."""
    if isinstance(value, str):
        label = next((k for k in reversed(path) if isinstance(k, str)), None)
        return [Text(path, place, value, label=label)] if value else []
    if isinstance(value, Mapping):
        return [t for k, v in value.items() for t in leaf_texts(v, (*path, k), place)]
    if isinstance(value, list):
        return [t for i, v in enumerate(value) for t in leaf_texts(v, (*path, i), place)]
    return []


def system_references(api: Api, payload: Mapping[str, Any]) -> tuple[str, ...]:
    """The request's own system prompt(s), for the leakage guard."""
    return tuple(t.text for t in request_texts(api, payload) if t.trusted)


def write_back(payload: Mapping[str, Any], replacements: Mapping[Path_, str]) -> dict[str, Any]:
    """A deep copy of `payload` with the texts at the given paths replaced."""
    out: Any = copy.deepcopy(dict(payload))
    for path, text in replacements.items():
        if not path:
            continue
        node = out
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = text
    return dict(out)
