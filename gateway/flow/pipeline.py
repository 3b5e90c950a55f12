"""One streamed answer's bytes, upstream to client: split into events, checked, transformed, re-encoded.

The pipeline is plain synchronous code over bytes, run one chunk at a time (a large batch in a worker thread,
a small one on the loop, see `relay.INLINE_BYTES`): whatever the upstream sent since the last read is one batch,
so the guards' cost follows the batches, not the events. It also counts what it delivers (to charge a stream
cut short) and keeps a Responses stream's sequence numbers consecutive when events are added or dropped."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from gateway.flow.stream import StreamTransform, end_transforms, is_usage_only_chunk, run_transforms
from gateway.limits.estimate import CHARS_PER_TOKEN, prompt_tokens
from gateway.model import Api
from gateway.upstream.sse import SseEvent, parse_event
from gateway.upstream.usage import StreamUsage, Usage

_SSE_FIELDS = (b"data:", b"event:", b"id:", b"retry:", b":")


class Malformed(Exception):
    """The upstream's answer to a streamed call is not a well-formed event stream."""


@dataclass(frozen=True, slots=True)
class Out:
    data: bytes
    chars: int  # model text (deltas) in `data`


def delta_chars(api: Api, obj: Any) -> int:
    """Characters of model text a client-bound event adds (its deltas; events that repeat a text are not
    counted again)."""
    if not isinstance(obj, Mapping):
        return 0
    n = 0
    if api is Api.CHAT:
        for c in obj.get("choices") or []:
            d = c.get("delta") if isinstance(c, Mapping) else None
            if isinstance(d, Mapping):
                n += sum(len(d[f]) for f in ("content", "refusal") if isinstance(d.get(f), str))
                for tc in d.get("tool_calls") or []:
                    args = ((tc or {}).get("function") or {}).get("arguments")
                    n += len(args) if isinstance(args, str) else 0
    elif api is Api.MESSAGES:
        d = obj.get("delta") if obj.get("type") == "content_block_delta" else None
        if isinstance(d, Mapping):
            n += sum(len(d[f]) for f in ("text", "partial_json", "thinking") if isinstance(d.get(f), str))
    elif api is Api.RESPONSES:
        kind = obj.get("type")
        if isinstance(kind, str) and kind.endswith(".delta") and isinstance(obj.get("delta"), str):
            n += len(obj["delta"])
    return n


def delivered_usage(api: Api, payload: Mapping[str, Any], counter: StreamUsage, chars: int) -> Usage:
    """A stream without its final usage report (cut short, blocked, or a provider that sends none): the prompt
    as reported, else estimated the way the budget reserves it; the output as the text delivered, counted the
    same way (characters / CHARS_PER_TOKEN, rounded up), or the provider's running count if that is higher."""
    prompt = counter.prompt or prompt_tokens(api, payload)
    completion = max(counter.completion, math.ceil(chars / CHARS_PER_TOKEN))
    return Usage(prompt, completion)


class StreamPipeline:
    def __init__(self, api: Api, transforms: Sequence[StreamTransform], strip_usage: bool,
                 seen: Callable[[Any], None], content_type: str = "") -> None:
        self.api = api
        self._transforms = transforms
        self._strip_usage = strip_usage
        self._seen = seen
        self._buf = b""
        self._done: SseEvent | None = None  # `data: [DONE]` goes last, after anything the transforms held
        self.events = 0  # data events read from the upstream
        self.sequence = 0  # the next Responses sequence number
        if "json" in content_type.lower() or "html" in content_type.lower():
            raise Malformed(f"upstream answered a streamed call with {content_type.split(';')[0]}, not an event stream")

    @property
    def pending(self) -> int:
        """Bytes of an unfinished event held from earlier chunks."""
        return len(self._buf)

    def feed(self, chunk: bytes) -> Out:
        self._buf += chunk.replace(b"\r\n", b"\n")
        raws: list[bytes] = []
        while True:
            cut = self._buf.find(b"\n\n")
            if cut < 0:
                break
            raw, self._buf = self._buf[: cut + 2], self._buf[cut + 2 :]
            if raw.strip():
                raws.append(raw)
        return self._process(raws)

    def end(self) -> Out:
        """The upstream ended: what is left of its bytes, what the transforms still hold, then `[DONE]`."""
        out = self._process([self._buf + b"\n\n"] if self._buf.strip() else [])
        self._buf = b""
        if self.events == 0:
            raise Malformed("upstream ended the stream without sending an event")
        tail = self._encode(end_transforms(self._transforms))
        done = self._encode([self._done]) if self._done is not None else Out(b"", 0)
        return Out(out.data + tail.data + done.data, out.chars + tail.chars)

    def _check(self, raw: bytes) -> SseEvent:
        # the common case first: an event whose first line is a field (a byte-prefix test, not a split and a scan)
        if not raw.startswith(_SSE_FIELDS) and not any(
            line.startswith(_SSE_FIELDS) for line in raw.split(b"\n") if line
        ):
            raise Malformed("upstream answered a streamed call with something that is not an event stream")
        ev = parse_event(raw)
        if ev.data is not None and ev.data != "[DONE]" and ev.obj is None:
            raise Malformed("upstream sent a stream event whose data is not JSON")
        return ev

    def _process(self, raws: list[bytes]) -> Out:
        batch: list[SseEvent] = []
        for raw in raws:
            ev = self._check(raw)
            if ev.data is None:
                continue  # a comment or keep-alive: nothing to relay
            self.events += 1
            if ev.data == "[DONE]":
                self._done = ev
                continue
            self._seen(ev.obj)
            if self._strip_usage and is_usage_only_chunk(ev.obj):
                continue
            batch.append(ev)
        return self._encode(run_transforms(batch, self._transforms) if batch else [])

    def _encode(self, events: list[SseEvent]) -> Out:
        parts: list[bytes] = []
        chars = 0
        for ev in events:
            obj = ev.obj
            if self.api is Api.RESPONSES and isinstance(obj, dict) and isinstance(obj.get("sequence_number"), int):
                if obj["sequence_number"] != self.sequence:
                    ev = SseEvent.of({**obj, "sequence_number": self.sequence}, ev.event)
                self.sequence += 1
            chars += delta_chars(self.api, obj)
            parts.append(ev.raw)
        return Out(b"".join(parts), chars)
