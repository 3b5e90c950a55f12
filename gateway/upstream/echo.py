"""The built-in `echo` model: answers inside the gateway by repeating the last user message."""

from __future__ import annotations

import hashlib
import time
import uuid
from collections.abc import Mapping
from typing import Any

from gateway.model import Api
from gateway.upstream.sse import encode


def _text_of(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = []
        for part in content:
            if isinstance(part, Mapping):
                for key in ("text", "content", "output"):
                    if isinstance(part.get(key), str):
                        parts.append(part[key])
                        break
        return "\n".join(parts)
    return ""


def last_user_text(api: Api, payload: Mapping[str, Any]) -> str:
    if api is Api.RESPONSES:
        items = payload.get("input")
        if isinstance(items, str):
            return items
        items = items if isinstance(items, list) else []
    else:
        messages = payload.get("messages")
        items = messages if isinstance(messages, list) else []
    for item in reversed(items):
        if isinstance(item, Mapping) and item.get("role") in (None, "user", "tool"):
            text = _text_of(item.get("content", item.get("output")))
            if text:
                return text
    return ""


def _tokens(text: str) -> int:
    return max(1, len(text.split()))


def _words(text: str) -> list[str]:
    words = text.split(" ")
    return [w + (" " if i < len(words) - 1 else "") for i, w in enumerate(words)]


def prompt_tokens(api: Api, payload: Mapping[str, Any]) -> int:
    if api is Api.EMBEDDINGS:
        data = payload.get("input")
        texts = data if isinstance(data, list) else [data]
        return sum(_tokens(str(t)) for t in texts)
    return _tokens(last_user_text(api, payload))


def _embedding(text: str) -> list[float]:
    digest = hashlib.sha256(text.encode()).digest()
    return [round((b - 128) / 128, 4) for b in digest[:16]]


def respond(api: Api, model: str, payload: Mapping[str, Any]) -> dict[str, Any]:
    """The whole (non-streamed) answer in the API's own shape."""
    text = last_user_text(api, payload)
    p, c = prompt_tokens(api, payload), _tokens(text)
    now = int(time.time())
    if api is Api.EMBEDDINGS:
        data = payload.get("input")
        texts = data if isinstance(data, list) else [data]
        items = [{"object": "embedding", "index": i, "embedding": _embedding(str(t))} for i, t in enumerate(texts)]
        return {"object": "list", "data": items, "model": model, "usage": {"prompt_tokens": p, "total_tokens": p}}
    if api is Api.RESPONSES:
        return _response_obj(model, text, p, c, now)
    if api is Api.MESSAGES:
        return {
            "id": f"msg_{uuid.uuid4().hex[:24]}", "type": "message", "role": "assistant", "model": model,
            "content": [{"type": "text", "text": text}], "stop_reason": "end_turn", "stop_sequence": None,
            "usage": {"input_tokens": p, "output_tokens": c},
        }
    return {
        "id": f"chatcmpl-{uuid.uuid4().hex[:24]}", "object": "chat.completion", "created": now, "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": p, "completion_tokens": c, "total_tokens": p + c},
    }


def _response_obj(model: str, text: str, p: int, c: int, now: int, status: str = "completed") -> dict[str, Any]:
    msg = {
        "id": "msg_echo", "type": "message", "role": "assistant", "status": status,
        "content": [{"type": "output_text", "text": text, "annotations": []}],
    }
    return {
        "id": f"resp_{uuid.uuid4().hex[:24]}", "object": "response", "created_at": now, "model": model,
        "status": status, "output": [msg] if status == "completed" else [],
        "usage": {"input_tokens": p, "output_tokens": c, "total_tokens": p + c,
                  "input_tokens_details": {"cached_tokens": 0}, "output_tokens_details": {"reasoning_tokens": 0}},
    }


def stream_events(api: Api, model: str, payload: Mapping[str, Any]) -> list[bytes]:
    """The answer as the API's SSE events, one word per delta, usage at the end."""
    text = last_user_text(api, payload)
    p, c = prompt_tokens(api, payload), _tokens(text)
    now = int(time.time())
    if api is Api.MESSAGES:
        return _anthropic_events(model, text, p, c)
    if api is Api.RESPONSES:
        return _responses_events(model, text, p, c, now)
    cid = f"chatcmpl-{uuid.uuid4().hex[:24]}"
    base = {"id": cid, "object": "chat.completion.chunk", "created": now, "model": model}
    out = [encode({**base, "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}}]})]
    out += [encode({**base, "choices": [{"index": 0, "delta": {"content": w}}]}) for w in _words(text)]
    out.append(encode({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}))
    usage = {"prompt_tokens": p, "completion_tokens": c, "total_tokens": p + c}
    out.append(encode({**base, "choices": [], "usage": usage}))
    out.append(b"data: [DONE]\n\n")
    return out


def _anthropic_events(model: str, text: str, p: int, c: int) -> list[bytes]:
    start = {"type": "message_start", "message": {
        "id": f"msg_{uuid.uuid4().hex[:24]}", "type": "message", "role": "assistant", "model": model,
        "content": [], "stop_reason": None, "stop_sequence": None, "usage": {"input_tokens": p, "output_tokens": 1}}}
    out = [encode(start, "message_start"),
           encode({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
                  "content_block_start")]
    out += [encode({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": w}},
                   "content_block_delta") for w in _words(text)]
    out.append(encode({"type": "content_block_stop", "index": 0}, "content_block_stop"))
    out.append(encode({"type": "message_delta", "delta": {"stop_reason": "end_turn", "stop_sequence": None},
                       "usage": {"output_tokens": c}}, "message_delta"))
    out.append(encode({"type": "message_stop"}, "message_stop"))
    return out


def _responses_events(model: str, text: str, p: int, c: int, now: int) -> list[bytes]:
    created = _response_obj(model, "", 0, 0, now, status="in_progress")
    done = _response_obj(model, text, p, c, now)
    done["id"] = created["id"]
    seq = iter(range(1_000_000))
    item = {"id": "msg_echo", "type": "message", "role": "assistant", "status": "in_progress", "content": []}
    part = {"type": "output_text", "text": "", "annotations": []}
    out = [
        encode({"type": "response.created", "sequence_number": next(seq), "response": created}, "response.created"),
        encode({"type": "response.output_item.added", "sequence_number": next(seq), "output_index": 0,
                "item": item}, "response.output_item.added"),
        encode({"type": "response.content_part.added", "sequence_number": next(seq), "output_index": 0,
                "item_id": "msg_echo", "content_index": 0, "part": part}, "response.content_part.added"),
    ]
    for w in _words(text):
        out.append(encode({"type": "response.output_text.delta", "sequence_number": next(seq), "output_index": 0,
                           "item_id": "msg_echo", "content_index": 0, "delta": w, "logprobs": []},
                          "response.output_text.delta"))
    out.append(encode({"type": "response.output_text.done", "sequence_number": next(seq), "output_index": 0,
                       "item_id": "msg_echo", "content_index": 0, "text": text, "logprobs": []},
                      "response.output_text.done"))
    out.append(encode({"type": "response.output_item.done", "sequence_number": next(seq), "output_index": 0,
                       "item": done["output"][0]}, "response.output_item.done"))
    out.append(encode({"type": "response.completed", "sequence_number": next(seq), "response": done},
                      "response.completed"))
    return out
