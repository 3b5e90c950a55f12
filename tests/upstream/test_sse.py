"""Server-sent events: data lines decoded once, and events written back as valid UTF-8 JSON (orjson, with the
standard library behind it for what orjson refuses to write)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from gateway.upstream.sse import SseEvent, encode, parse_event


@pytest.mark.parametrize(
    ("raw", "event", "obj"),
    [
        (b'data: {"a": 1, "t": "h\\u00e9"}\n\n', None, {"a": 1, "t": "hé"}),
        (b'event: message_delta\ndata: {"x": [1, 2]}\n\n', "message_delta", {"x": [1, 2]}),
        (b"data: [DONE]\n\n", None, None),
        (b"data: not json\n\n", None, None),
        (b": a comment only\n\n", None, None),
        (b'data: {"t": "\\ud83d"}\n\n', None, {"t": "\ud83d"}),
        (b'data: {"n": 123456789012345678901234567890}\n\n', None, {"n": 123456789012345678901234567890}),
        (b'data: {"f": NaN}\n\n', None, "nan"),
    ],
)
def test_parse_event(raw: bytes, event: str | None, obj: Any) -> None:
    parsed = parse_event(raw)
    assert parsed.event == event
    if obj == "nan":
        assert parsed.obj["f"] != parsed.obj["f"]
    else:
        assert parsed.obj == obj


@pytest.mark.parametrize(
    "obj",
    [
        {"choices": [{"delta": {"content": "Grüße, 東京 🙂"}}]},
        {"t": "\ud83d"},
        {"n": 123456789012345678901234567890},
        "[DONE]",
    ],
)
def test_encode_round_trips(obj: Any) -> None:
    raw = encode(obj, "delta")
    assert raw.startswith(b"event: delta\ndata: ") and raw.endswith(b"\n\n")
    raw.decode("utf-8")  # always valid UTF-8, even for a lone surrogate
    again = parse_event(raw)
    assert again.event == "delta"
    assert (again.data if isinstance(obj, str) else json.loads(again.data or "")) == obj


def test_of_carries_the_object_and_its_data_line() -> None:
    ev = SseEvent.of({"k": "v"})
    assert ev.raw == b'data: {"k":"v"}\n\n'
    assert ev.data == '{"k":"v"}' and ev.obj == {"k": "v"} and ev.event is None
