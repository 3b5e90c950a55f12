"""Relaying a provider's SSE stream: event transforms, error events, and the usage-only chunk rule."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from gateway.errors import Refusal
from gateway.model import Api
from gateway.upstream.sse import SseEvent, encode


class StreamBlocked(Exception):
    """Raised by a stream transform to end the stream with a well-formed error event."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.message)
        self.refusal = refusal


class StreamTransform(Protocol):
    """Sees every event in order, a batch at a time (the events that arrived together); returns the events to
    send on (none, the same, or rewritten ones). Called by one thread at a time (a worker thread for a large
    batch, the event loop for a small one)."""

    def feed(self, events: list[SseEvent]) -> list[SseEvent]: ...

    def end(self) -> list[SseEvent]:
        """Called once after the upstream's last event; returns anything still held back."""
        ...


def run_transforms(events: list[SseEvent], transforms: Sequence[StreamTransform]) -> list[SseEvent]:
    for t in transforms:
        if not events:
            break
        events = t.feed(events)
    return events


def end_transforms(transforms: Sequence[StreamTransform]) -> list[SseEvent]:
    out: list[SseEvent] = []
    for i, t in enumerate(transforms):
        tail = t.end()
        for later in transforms[i + 1 :]:
            tail = later.feed(tail) if tail else tail
        out.extend(tail)
    return out


def error_event(api: Api, refusal: Refusal, sequence_number: int = 0) -> bytes:
    """An error event each SDK parses as an error, in the API's own stream shape (a Responses stream's takes the
    next sequence number)."""
    if api is Api.MESSAGES:
        return encode(refusal.anthropic_body(), "error")
    if api is Api.RESPONSES:
        body = refusal.openai_body()["error"]
        return encode({**body, "type": "error", "sequence_number": sequence_number}, "error")
    return encode(refusal.openai_body())


def is_usage_only_chunk(obj: Any) -> bool:
    return isinstance(obj, dict) and obj.get("choices") == [] and obj.get("usage") is not None
