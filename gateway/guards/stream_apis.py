"""Where model text sits in each API's stream events, for the stream output guard.

Chat: choice deltas (`content`, `refusal`, tool-call `arguments`), complete at `finish_reason`.
Messages: `text_delta` and `input_json_delta` per content block, complete at `content_block_stop`; blocks
carried whole in `content_block_start` / `message_start`.
Responses: every `response.*.delta` with its `.done` (output text, refusal, function-call arguments, reasoning
text), and the parts and items that repeat them (`content_part.*`, `output_item.*`, `response.completed` …).
Rewritten events keep the API's own fields only (nothing is added to them)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from gateway.guards.stream_batch import Batch, Key
from gateway.model import Api
from gateway.upstream.sse import SseEvent


class GuardStream(Protocol):
    """What an API handler uses of the stream guard (`gateway.guards.stream.GuardStream`), so that this
    module does not import the guard back."""

    memo: dict[str, Any]

    def push(self, batch: Batch, key: Key, text: str, slot: Callable[[str], None]) -> None: ...

    def flush(self, batch: Batch, key: Key, extra: Callable[[str], SseEvent | None]) -> str: ...

    def flush_where(self, batch: Batch, match: Callable[[Key], bool],
                    extra: Callable[[Key, str], SseEvent | None]) -> None: ...

    def whole(self, key: Key, text: str) -> str: ...

    def knows(self, key: Key) -> bool: ...

    def open_keys(self) -> list[Key]: ...


class Handler(Protocol):
    def event(self, gs: GuardStream, batch: Batch, event: SseEvent, obj: dict[str, Any]) -> None: ...

    def end(self, gs: GuardStream, batch: Batch) -> None: ...


def _appender(holder: dict[str, Any], field: str) -> Callable[[str], None]:
    def put(text: str) -> None:
        holder[field] = holder[field] + text

    return put


def _whole_value(gs: GuardStream, key: Key, value: Any) -> Any:
    """Every string inside a JSON value (a tool call's input object), guarded whole."""
    if isinstance(value, str):
        return gs.whole(key, value) if value else value
    if isinstance(value, dict):
        return {k: _whole_value(gs, (*key, k), v) for k, v in value.items()}
    if isinstance(value, list):
        return [_whole_value(gs, (*key, i), v) for i, v in enumerate(value)]
    return value


# -- Chat Completions ---------------------------------------------------------------------------------
_CHAT_TEXT = ("content", "refusal")


def _chat_droppable(obj: dict[str, Any]) -> bool:
    choices = obj.get("choices") or []
    if len(choices) != 1 or obj.get("usage") or choices[0].get("finish_reason") or choices[0].get("logprobs"):
        return False
    delta = choices[0].get("delta") or {}
    for k, v in delta.items():
        if k in _CHAT_TEXT and not v:
            continue
        if k == "tool_calls" and all(set(tc) <= {"index", "function"} and set(tc.get("function") or {}) <= {"arguments"}
                                     and not (tc.get("function") or {}).get("arguments") for tc in v or []):
            continue
        return False
    return True


class ChatHandler:
    def event(self, gs: GuardStream, batch: Batch, event: SseEvent, obj: dict[str, Any]) -> None:
        choices = obj.get("choices")
        if not isinstance(choices, list) or not choices:
            batch.add(event)
            return
        gs.memo["base"] = {k: obj[k] for k in ("id", "object", "created", "model") if k in obj}
        new = {**obj, "choices": [dict(c) if isinstance(c, dict) else c for c in choices]}
        changed = False
        finishing: list[int] = []
        for c in new["choices"]:
            if not isinstance(c, dict):
                continue
            ci = c.get("index", 0)
            if isinstance(c.get("delta"), dict):
                d = c["delta"] = dict(c["delta"])
                for field in _CHAT_TEXT:
                    if isinstance(d.get(field), str) and d[field]:
                        text, d[field], changed = d[field], "", True
                        gs.push(batch, ("c", ci, field), text, _appender(d, field))
                if isinstance(d.get("tool_calls"), list):
                    d["tool_calls"] = [dict(tc) if isinstance(tc, dict) else tc for tc in d["tool_calls"]]
                    for tc in d["tool_calls"]:
                        fn = tc.get("function") if isinstance(tc, dict) else None
                        if isinstance(fn, dict) and isinstance(fn.get("arguments"), str) and fn["arguments"]:
                            fn = tc["function"] = dict(fn)
                            text, fn["arguments"], changed = fn["arguments"], "", True
                            gs.push(batch, ("t", ci, tc.get("index", 0)), text, _appender(fn, "arguments"))
            if c.get("finish_reason"):
                finishing.append(ci)
        for ci in finishing:
            gs.flush_where(batch, lambda k, ci=ci: k[1] == ci, lambda k, rest: self._extra(gs, k, rest))  # type: ignore[misc]
        batch.add(event, new if changed else None, _chat_droppable)

    @staticmethod
    def _extra(gs: GuardStream, key: Key, rest: str) -> SseEvent:
        kind, ci, what = key
        piece: dict[str, Any] = ({"tool_calls": [{"index": what, "function": {"arguments": rest}}]} if kind == "t"
                                 else {what: rest})
        return SseEvent.of({**gs.memo.get("base", {}), "choices": [{"index": ci, "delta": piece}]})

    def end(self, gs: GuardStream, batch: Batch) -> None:
        gs.flush_where(batch, lambda k: True, lambda k, rest: self._extra(gs, k, rest))


# -- Anthropic Messages ---------------------------------------------------------------------------------
_BLOCK_DELTAS = {"text_delta": ("text", "b"), "input_json_delta": ("partial_json", "j")}


def _block_droppable(obj: dict[str, Any]) -> bool:
    delta = obj.get("delta") or {}
    field = _BLOCK_DELTAS.get(str(delta.get("type")), ("", ""))[0]
    return bool(field) and not delta.get(field)


def _block_extra(key: Key, rest: str) -> SseEvent:
    kind, idx = key
    delta = {"type": "text_delta", "text": rest} if kind == "b" else {"type": "input_json_delta", "partial_json": rest}
    return SseEvent.of({"type": "content_block_delta", "index": idx, "delta": delta}, "content_block_delta")


def _whole_block(gs: GuardStream, idx: int, block: dict[str, Any]) -> dict[str, Any]:
    if block.get("type") == "text" and isinstance(block.get("text"), str) and block["text"]:
        return {**block, "text": gs.whole(("b", idx), block["text"])}
    if block.get("type") == "tool_use" and block.get("input"):
        return {**block, "input": _whole_value(gs, ("i", idx), block["input"])}
    return block


class MessagesHandler:
    def event(self, gs: GuardStream, batch: Batch, event: SseEvent, obj: dict[str, Any]) -> None:
        kind, idx = obj.get("type"), obj.get("index", 0)
        new: dict[str, Any] | None = None
        if kind == "content_block_delta" and isinstance(obj.get("delta"), dict):
            field, short = _BLOCK_DELTAS.get(obj["delta"].get("type"), ("", ""))
            if field and isinstance(obj["delta"].get(field), str) and obj["delta"][field]:
                d = dict(obj["delta"])
                new = {**obj, "delta": d}
                text, d[field] = d[field], ""
                gs.push(batch, (short, idx), text, _appender(d, field))
                batch.add(event, new, _block_droppable)
                return
        elif kind == "content_block_stop":
            for short in ("b", "j"):
                gs.flush(batch, (short, idx), lambda rest, short=short: _block_extra((short, idx), rest))  # type: ignore[misc]
        elif kind == "content_block_start" and isinstance(obj.get("content_block"), dict):
            block = obj["content_block"]
            if block.get("type") == "text" and isinstance(block.get("text"), str) and block["text"]:
                b = dict(block)
                new = {**obj, "content_block": b}
                text, b["text"] = b["text"], ""
                gs.push(batch, ("b", idx), text, _appender(b, "text"))
            else:
                patched = _whole_block(gs, idx, block)
                new = {**obj, "content_block": patched} if patched is not block else None
        elif kind == "message_start" and isinstance(obj.get("message"), dict) and obj["message"].get("content"):
            msg = obj["message"]
            content = [_whole_block(gs, i, b) if isinstance(b, dict) else b for i, b in enumerate(msg["content"])]
            new = {**obj, "message": {**msg, "content": content}}
        batch.add(event, new)

    def end(self, gs: GuardStream, batch: Batch) -> None:
        gs.flush_where(batch, lambda k: True, _block_extra)


# -- OpenAI Responses -------------------------------------------------------------------------------------
_DONE_FIELDS = ("text", "refusal", "arguments", "input")
_PART_FAMILY = {"output_text": ("text", "response.output_text"), "refusal": ("refusal", "response.refusal")}
_ID_FIELDS = ("item_id", "output_index", "content_index", "summary_index")
_WRAPPERS = frozenset({"response.created", "response.in_progress", "response.completed", "response.incomplete",
                       "response.failed", "response.queued"})


def _key(obj: dict[str, Any], family: str) -> Key:
    return (family, obj.get("output_index"), obj.get("content_index", obj.get("summary_index")))


def _delta_like(done: dict[str, Any], family: str, rest: str) -> SseEvent:
    obj: dict[str, Any] = {"type": f"{family}.delta", "sequence_number": done.get("sequence_number", 0)}
    obj.update({k: done[k] for k in _ID_FIELDS if k in done})
    obj["delta"] = rest
    if family == "response.output_text":
        obj["logprobs"] = []
    return SseEvent.of(obj, obj["type"])


def _text(gs: GuardStream, key: Key, text: Any) -> Any:
    return gs.whole(key, text) if isinstance(text, str) and text else text


def _patch_item(gs: GuardStream, item: dict[str, Any], oi: Any) -> dict[str, Any]:
    kind = item.get("type")
    new = dict(item)
    if kind == "message" and isinstance(item.get("content"), list):
        parts = []
        for j, part in enumerate(item["content"]):
            field, family = _PART_FAMILY.get(str(part.get("type")) if isinstance(part, dict) else "", ("", ""))
            if field and isinstance(part, dict):
                part = {**part, field: _text(gs, (family, oi, j), part.get(field))}
            parts.append(part)
        new["content"] = parts
    elif kind == "function_call":
        new["arguments"] = _text(gs, ("response.function_call_arguments", oi, None), item.get("arguments"))
    elif kind == "custom_tool_call":
        new["input"] = _text(gs, ("response.custom_tool_call_input", oi, None), item.get("input"))
    elif kind == "reasoning":
        for field, family in (("summary", "response.reasoning_summary_text"), ("content", "response.reasoning_text")):
            if isinstance(item.get(field), list):
                new[field] = [{**p, "text": _text(gs, (family, oi, j), p.get("text"))} if isinstance(p, dict) else p
                              for j, p in enumerate(item[field])]
    return new if new != item else item


class ResponsesHandler:
    def event(self, gs: GuardStream, batch: Batch, event: SseEvent, obj: dict[str, Any]) -> None:
        kind = obj.get("type")
        new: dict[str, Any] | None = None
        if not isinstance(kind, str) or not kind.startswith("response."):
            batch.add(event)
            return
        if kind in _WRAPPERS and isinstance(obj.get("response"), dict) and obj["response"].get("output"):
            resp = obj["response"]
            output = [_patch_item(gs, it, i) if isinstance(it, dict) else it for i, it in enumerate(resp["output"])]
            new = {**obj, "response": {**resp, "output": output}}
        elif kind in ("response.output_item.added", "response.output_item.done") and isinstance(obj.get("item"), dict):
            new = {**obj, "item": _patch_item(gs, obj["item"], obj.get("output_index"))}
        elif kind.endswith("_part.added") or kind.endswith("_part.done"):
            part = obj.get("part")
            if isinstance(part, dict):
                if kind.startswith("response.reasoning_summary_part"):
                    field, family = "text", "response.reasoning_summary_text"
                else:
                    field, family = _PART_FAMILY.get(str(part.get("type")), ("", ""))
                if field:
                    new = {**obj, "part": {**part, field: _text(gs, _key(obj, family), part.get(field))}}
        elif kind.endswith(".delta") and isinstance(obj.get("delta"), str):
            if obj["delta"]:
                new = {**obj, "delta": ""}
                gs.push(batch, _key(obj, kind[: -len(".delta")]), obj["delta"], _appender(new, "delta"))
                batch.add(event, new, lambda o: o["delta"] == "")
                return
        elif kind.endswith(".done"):
            done_field = next((f for f in _DONE_FIELDS if isinstance(obj.get(f), str)), None)
            if done_field is not None:
                field = done_field
                family = kind[: -len(".done")]
                key = _key(obj, family)
                if gs.knows(key):
                    text = gs.flush(batch, key, lambda rest: _delta_like(obj, family, rest))
                else:
                    text = gs.whole(key, obj[field]) if obj[field] else obj[field]
                new = {**obj, field: text}
        batch.add(event, new if new is not None and new != obj else None)

    def end(self, gs: GuardStream, batch: Batch) -> None:
        # A stream cut short of its `.done` events: release what is held as deltas of their texts.
        for key in gs.open_keys():
            family, oi, ci = key
            done: dict[str, Any] = {"output_index": oi}
            if ci is not None:
                done["summary_index" if "summary" in family else "content_index"] = ci
            gs.flush(batch, key, lambda rest, family=family, done=done: _delta_like(done, family, rest))  # type: ignore[misc]


API_HANDLERS: dict[Api, Handler] = {Api.CHAT: ChatHandler(), Api.MESSAGES: MessagesHandler(),
                                    Api.RESPONSES: ResponsesHandler()}
