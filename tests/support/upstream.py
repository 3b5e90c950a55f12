"""A fake LLM / tool upstream: a real HTTP server on loopback that records what it received."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from tests.support.threaded import ThreadedServers


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: Any


@dataclass
class Behaviour:
    """What the next requests get; tests change it between calls."""

    status: int = 200
    delay_s: float = 0.0
    raw: bytes | None = None          # send these bytes instead of JSON
    stream_delay_s: float = 0.0       # pause between streamed events
    handler: Callable[[str, Any], Any] | None = None  # (path, body) -> JSON body
    headers: dict[str, str] = field(default_factory=dict)  # added to every answer (e.g. Retry-After on a 429)
    pause_at: int | None = None       # a stream waits before its event number `pause_at` …
    resume: threading.Event = field(default_factory=threading.Event)  # … until the test sets this


@dataclass
class StreamLog:
    """What the upstream saw of one stream it served: events sent, and whether it ended or was cut off."""

    sent: int = 0
    completed: bool = False
    over: threading.Event = field(default_factory=threading.Event)
    resumed: bool | None = None  # at `pause_at`: True if the test's `resume` ended the pause, False if it timed out


def chat_body(text: str, model: str = "gpt-4o-mini", tool_calls: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    msg: dict[str, Any] = {"role": "assistant", "content": text}
    if tool_calls:
        msg = {"role": "assistant", "content": None, "tool_calls": tool_calls}
    return {
        "id": "chatcmpl-fake", "object": "chat.completion", "created": 1, "model": model,
        "choices": [{"index": 0, "message": msg, "finish_reason": "tool_calls" if tool_calls else "stop"}],
        "usage": {"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18},
    }


def _default(path: str, body: Any) -> Any:
    if path.endswith("/embeddings"):
        return {"object": "list", "model": body.get("model"), "data": [
            {"object": "embedding", "index": 0, "embedding": [0.1, 0.2, 0.3]}],
            "usage": {"prompt_tokens": 3, "total_tokens": 3}}
    if path.endswith("/responses"):
        return {"id": "resp_fake", "object": "response", "created_at": 1, "model": body.get("model"),
                "status": "completed", "output": [{"id": "msg_1", "type": "message", "role": "assistant",
                "status": "completed", "content": [{"type": "output_text", "text": "upstream says hi",
                                                    "annotations": []}]}],
                "usage": {"input_tokens": 5, "output_tokens": 4, "total_tokens": 9}}
    if path.endswith("/v1/messages"):
        return {"id": "msg_fake", "type": "message", "role": "assistant", "model": body.get("model"),
                "content": [{"type": "text", "text": "anthropic upstream says hi"}], "stop_reason": "end_turn",
                "stop_sequence": None, "usage": {"input_tokens": 9, "output_tokens": 5}}
    return chat_body("upstream says hi", body.get("model", "m"))


def chat_stream_events(words: list[str], model: str = "gpt-4o-mini") -> list[bytes]:
    base = {"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": model}
    out = [json.dumps({**base, "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}}]})]
    out += [json.dumps({**base, "choices": [{"index": 0, "delta": {"content": w}}]}) for w in words]
    out.append(json.dumps({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}))
    out.append(json.dumps({**base, "choices": [], "usage": {"prompt_tokens": 10, "completion_tokens": len(words),
                                                          "total_tokens": 10 + len(words)}}))
    return [f"data: {d}\n\n".encode() for d in out] + [b"data: [DONE]\n\n"]


def anthropic_stream_events(words: list[str]) -> list[bytes]:
    def ev(name: str, data: dict[str, Any]) -> bytes:
        return f"event: {name}\ndata: {json.dumps(data)}\n\n".encode()
    out = [ev("message_start", {"type": "message_start", "message": {"id": "m1", "type": "message",
          "role": "assistant", "model": "claude-x", "content": [], "stop_reason": None, "stop_sequence": None,
          "usage": {"input_tokens": 12, "output_tokens": 1}}}),
           ev("content_block_start", {"type": "content_block_start", "index": 0,
                                      "content_block": {"type": "text", "text": ""}})]
    out += [ev("content_block_delta", {"type": "content_block_delta", "index": 0,
                                       "delta": {"type": "text_delta", "text": w}}) for w in words]
    out += [ev("content_block_stop", {"type": "content_block_stop", "index": 0}),
            ev("message_delta", {"type": "message_delta", "delta": {"stop_reason": "end_turn",
               "stop_sequence": None}, "usage": {"output_tokens": len(words)}}),
            ev("message_stop", {"type": "message_stop"})]
    return out


@dataclass
class FakeUpstream:
    behaviour: Behaviour = field(default_factory=Behaviour)
    received: list[Received] = field(default_factory=list)
    stream_events: Callable[[str, Any], list[bytes]] | None = None
    streams: list[StreamLog] = field(default_factory=list)
    _servers: ThreadedServers | None = None

    @property
    def url(self) -> str:
        assert self._servers is not None
        return f"http://127.0.0.1:{self._servers.ports[0]}"

    def app(self) -> Starlette:
        async def any_post(request: Request) -> Response:
            raw = await request.body()
            try:
                body = json.loads(raw) if raw else None
            except ValueError:
                body = raw.decode()
            self.received.append(Received(request.url.path, dict(request.headers), body))
            b = self.behaviour
            if b.delay_s:
                await asyncio.sleep(b.delay_s)
            if b.raw is not None:
                return Response(b.raw, b.status, media_type="application/json", headers=b.headers)
            if isinstance(body, dict) and body.get("stream") and b.status < 400:
                events = (self.stream_events or _default_stream)(request.url.path, body)
                log = StreamLog()
                self.streams.append(log)

                async def gen():  # type: ignore[no-untyped-def]
                    try:
                        for i, e in enumerate(events):
                            if b.pause_at == i:
                                log.resumed = await asyncio.to_thread(b.resume.wait, 30)
                            if b.stream_delay_s:
                                await asyncio.sleep(b.stream_delay_s)
                            yield e
                            log.sent += 1
                        log.completed = True
                    finally:
                        log.over.set()
                return StreamingResponse(gen(), media_type="text/event-stream", headers=b.headers)
            handler = b.handler or _default
            return JSONResponse(handler(request.url.path, body) if b.status < 400 else
                                {"error": {"message": f"fake upstream error {b.status}", "type": "server_error"}},
                                status_code=b.status, headers=b.headers)

        return Starlette(routes=[Route("/{path:path}", any_post, methods=["POST", "GET"])])

    def start(self) -> FakeUpstream:
        self._servers = ThreadedServers([self.app()]).start()
        return self

    def stop(self) -> None:
        if self._servers:
            self._servers.stop()


def _default_stream(path: str, body: Any) -> list[bytes]:
    if path.endswith("/v1/messages"):
        return anthropic_stream_events(["anthropic ", "streamed ", "hi"])
    return chat_stream_events(["upstream ", "streamed ", "hi"])


def sse(obj: dict[str, Any], event: str | None = None) -> bytes:
    return (f"event: {event}\n" if event else "").encode() + f"data: {json.dumps(obj)}\n\n".encode()


def responses_stream_events(pieces: list[str], deltas: bool = True,
                            call: tuple[str, list[str]] | None = None) -> list[bytes]:
    """An OpenAI Responses event sequence as the API sends it: a message whose text arrives in `pieces` (or, with
    `deltas=False`, only in the `*.done` and item events), or a function call whose arguments arrive in pieces."""
    seq = iter(range(1_000))
    text = "".join(pieces)
    usage = {"input_tokens": 5, "output_tokens": 4, "total_tokens": 9}

    def ev(obj: dict[str, Any]) -> bytes:
        return sse({**obj, "sequence_number": next(seq)}, obj["type"])

    def resp(status: str, output: list[dict[str, Any]]) -> dict[str, Any]:
        return {"id": "resp_1", "object": "response", "created_at": 1, "model": "gpt-4o-mini", "status": status,
                "output": output, "usage": usage if status == "completed" else None}

    if call is not None:
        name, args = call
        item = {"id": "fc_1", "type": "function_call", "call_id": "call_1", "name": name, "arguments": "",
                "status": "in_progress"}
        done = {**item, "arguments": "".join(args), "status": "completed"}
        body = [ev({"type": "response.output_item.added", "output_index": 0, "item": item})]
        body += [ev({"type": "response.function_call_arguments.delta", "item_id": "fc_1", "output_index": 0,
                     "delta": a}) for a in args]
        body += [ev({"type": "response.function_call_arguments.done", "item_id": "fc_1", "output_index": 0,
                     "arguments": done["arguments"]}),
                 ev({"type": "response.output_item.done", "output_index": 0, "item": done})]
        return [ev({"type": "response.created", "response": resp("in_progress", [])}), *body,
                ev({"type": "response.completed", "response": resp("completed", [done])})]
    ids = {"item_id": "msg_1", "output_index": 0, "content_index": 0}
    part = {"type": "output_text", "text": "", "annotations": []}
    msg = {"id": "msg_1", "type": "message", "role": "assistant", "status": "in_progress", "content": []}
    done_msg = {**msg, "status": "completed", "content": [{**part, "text": text}]}
    out = [ev({"type": "response.created", "response": resp("in_progress", [])}),
           ev({"type": "response.in_progress", "response": resp("in_progress", [])}),
           ev({"type": "response.output_item.added", "output_index": 0, "item": msg}),
           ev({"type": "response.content_part.added", **ids, "part": part})]
    if deltas:
        out += [ev({"type": "response.output_text.delta", **ids, "delta": p, "logprobs": []}) for p in pieces]
    return [*out,
            ev({"type": "response.output_text.done", **ids, "text": text, "logprobs": []}),
            ev({"type": "response.content_part.done", **ids, "part": {**part, "text": text}}),
            ev({"type": "response.output_item.done", "output_index": 0, "item": done_msg}),
            ev({"type": "response.completed", "response": resp("completed", [done_msg])})]


def chat_tool_call_events(name: str, args: list[str]) -> list[bytes]:
    base = {"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "gpt-4o-mini"}
    out = [sse({**base, "choices": [{"index": 0, "delta": {"role": "assistant", "content": None, "tool_calls": [
        {"index": 0, "id": "call_1", "type": "function", "function": {"name": name, "arguments": ""}}]}}]})]
    out += [sse({**base, "choices": [{"index": 0, "delta": {"tool_calls": [
        {"index": 0, "function": {"arguments": a}}]}}]}) for a in args]
    out.append(sse({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "tool_calls"}]}))
    out.append(sse({**base, "choices": [], "usage": {"prompt_tokens": 5, "completion_tokens": 9, "total_tokens": 14}}))
    return [*out, b"data: [DONE]\n\n"]


def anthropic_tool_use_events(name: str, args: list[str]) -> list[bytes]:
    return [
        sse({"type": "message_start", "message": {"id": "m1", "type": "message", "role": "assistant",
             "model": "claude-x", "content": [], "stop_reason": None, "stop_sequence": None,
             "usage": {"input_tokens": 5, "output_tokens": 1}}}, "message_start"),
        sse({"type": "content_block_start", "index": 0, "content_block": {"type": "tool_use", "id": "t1",
             "name": name, "input": {}}}, "content_block_start"),
        *[sse({"type": "content_block_delta", "index": 0, "delta": {"type": "input_json_delta", "partial_json": a}},
              "content_block_delta") for a in args],
        sse({"type": "content_block_stop", "index": 0}, "content_block_stop"),
        sse({"type": "message_delta", "delta": {"stop_reason": "tool_use", "stop_sequence": None},
             "usage": {"output_tokens": 9}}, "message_delta"),
        sse({"type": "message_stop"}, "message_stop"),
    ]
