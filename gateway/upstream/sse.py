"""Server-sent events: split a byte stream into events, read and write their data lines."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import orjson


@dataclass(frozen=True, slots=True)
class SseEvent:
    raw: bytes
    event: str | None
    data: str | None
    obj: Any = None  # the data line decoded as JSON, or None

    @staticmethod
    def of(obj: Any, event: str | None = None) -> SseEvent:
        """A new event carrying `obj` (for transforms that rewrite or add events)."""
        raw = encode(obj, event)
        return SseEvent(raw, event, raw.decode().split("data: ", 1)[1].rstrip("\n"), obj)


def _decode(data: str | None) -> Any:
    if data is None or data == "[DONE]":
        return None
    try:  # the standard library: on a chunk this small orjson saves ~1.5 us but reads a 20-digit integer as a float
        return json.loads(data)
    except ValueError:
        return None


def parse_event(raw: bytes) -> SseEvent:
    event: str | None = None
    data_lines: list[str] = []
    for line in raw.decode("utf-8", "replace").splitlines():
        if line.startswith("data:"):
            data_lines.append(line[5:].removeprefix(" "))
        elif line.startswith("event:"):
            event = line[6:].strip()
    data = "\n".join(data_lines) if data_lines else None
    return SseEvent(raw, event, data, _decode(data))


async def events(chunks: AsyncIterator[bytes]) -> AsyncIterator[SseEvent]:
    """Yield complete events as soon as their terminating blank line arrives."""
    buf = b""
    async for chunk in chunks:
        buf += chunk.replace(b"\r\n", b"\n")
        while True:
            cut = buf.find(b"\n\n")
            if cut < 0:
                break
            raw, buf = buf[: cut + 2], buf[cut + 2 :]
            if raw.strip():
                yield parse_event(raw)
    if buf.strip():
        yield parse_event(buf + b"\n\n")


def encode(data: Any, event: str | None = None) -> bytes:
    head = f"event: {event}\n" if event else ""
    body = data.encode() if isinstance(data, str) else _dumps(data)
    return head.encode() + b"data: " + body + b"\n\n"


def _dumps(data: Any) -> bytes:
    """orjson writes a rewritten chunk in ~0.4 us against ~3.9 (`json.dumps` with separators builds an encoder per
    call); non-ASCII text is written as UTF-8, not escaped."""
    try:
        return orjson.dumps(data)
    except TypeError:  # an integer past 64 bits, a lone surrogate: the standard library writes what it read
        return json.dumps(data, separators=(",", ":")).encode()
