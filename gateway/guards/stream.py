"""Output guards on streams: text deltas pass a sliding-window guard per choice / content block."""

from __future__ import annotations

import copy
import time
from collections.abc import Callable, Sequence
from typing import Any

from gateway.config.ruleset import RuleSet
from gateway.detectors.base import Finding
from gateway.detectors.factory import BuiltGuard, scan_guard
from gateway.detectors.kinds import Action, Mode, OnError, Place
from gateway.detectors.redact import PlaceholderState
from gateway.detectors.stream import StreamBlocked as DetectorBlocked
from gateway.detectors.stream import StreamGuard, StreamRule
from gateway.errors import Reason, Refusal
from gateway.flow.stream import StreamBlocked
from gateway.guards.checks import BLOCKED
from gateway.guards.texts import system_references
from gateway.model import Action as VerdictAction
from gateway.model import Api, Call
from gateway.model import Mode as CheckMode
from gateway.trace.events import DecisionEvent, Phase
from gateway.upstream.sse import SseEvent

CHECK = "output_guards"


class GuardFailed(Exception):
    """A guard crashed on a stream window and its rule says on_error: deny."""


def _rule(built: BuiltGuard, refs: tuple[str, ...], observe_only: bool) -> StreamRule:
    cfg = built.config
    action = Action.MONITOR if observe_only or cfg.mode is Mode.MONITOR else cfg.action

    def scan(text: str) -> list[Finding]:
        try:
            return scan_guard(built, Place.OUTPUT, text, refs)
        except Exception as exc:
            if cfg.on_error is OnError.ALLOW:
                return []
            raise GuardFailed(f"{cfg.name}: {type(exc).__name__}") from exc

    return StreamRule(action, scan)


class GuardStream:
    """A StreamTransform for one streamed answer; one StreamGuard per choice / content block."""

    def __init__(self, call: Call, rules: Sequence[StreamRule], state: PlaceholderState,
                 record: Callable[[DecisionEvent], None], revision: str, observe_only: bool) -> None:
        self.call = call
        self._rules = rules
        self._state = state
        self._record = record
        self._revision = revision
        self._mode = CheckMode.MONITOR if observe_only else CheckMode.ENFORCE
        self._guards: dict[Any, StreamGuard] = {}
        self._released: dict[Any, str] = {}

    def _guard(self, key: Any) -> StreamGuard:
        g = self._guards.get(key)
        if g is None:
            g = self._guards[key] = StreamGuard(self._rules, self._state)
        return g

    def _push(self, key: Any, text: str, final: bool = False) -> str:
        try:
            out = self._guard(key).push(text) if not final else self._guard(key).finish()
        except DetectorBlocked as blocked:
            self._trace(VerdictAction.DENY, Reason.CONTENT_BLOCKED, {"hits": [_hit(blocked.finding)]})
            raise StreamBlocked(Refusal(Reason.CONTENT_BLOCKED, BLOCKED, CHECK, self.call.id)) from blocked
        except GuardFailed as failed:
            self._trace(VerdictAction.DENY, Reason.CHECK_FAILED, {"failed": str(failed)})
            message = "An output guard failed and is configured to fail closed."
            raise StreamBlocked(Refusal(Reason.CHECK_FAILED, message, CHECK, self.call.id)) from failed
        self._released[key] = self._released.get(key, "") + out
        return out

    def _trace(self, action: VerdictAction, reason: Reason | None, detail: dict[str, Any]) -> None:
        c = self.call
        self._record(DecisionEvent(c.id, c.run_id, c.agent_id, Phase.STREAM, CHECK, action, self._mode,
                                   self._revision, time.time(), reason, "", detail))

    def feed(self, event: SseEvent) -> list[SseEvent]:
        obj = event.obj
        if not isinstance(obj, dict):
            return [event]
        if self.call.api is Api.CHAT:
            return self._chat(event, obj)
        if self.call.api is Api.MESSAGES:
            return self._messages(event, obj)
        if self.call.api is Api.RESPONSES:
            return self._responses(event, obj)
        return [event]

    def end(self) -> list[SseEvent]:
        out: list[SseEvent] = []
        for key in list(self._guards):
            rest = self._push(key, "", final=True)
            if rest and self.call.api is Api.CHAT:
                out.append(SseEvent.of({"object": "chat.completion.chunk", "choices": [
                    {"index": key, "delta": {"content": rest}}]}))
        findings = [f for g in self._guards.values() for f in g.findings]
        if findings:
            self._trace(VerdictAction.CONTINUE, None, {"hits": [_hit(f) for f in findings]})
        return out

    def _chat(self, event: SseEvent, obj: dict[str, Any]) -> list[SseEvent]:
        choices = obj.get("choices")
        if not isinstance(choices, list) or not choices:
            return [event]
        new = copy.deepcopy(obj)
        before: list[SseEvent] = []
        for choice in new["choices"]:
            idx = choice.get("index", 0)
            delta = choice.get("delta") or {}
            if isinstance(delta.get("content"), str):
                delta["content"] = self._push(idx, delta["content"])
            if choice.get("finish_reason") and idx in self._guards:
                rest = self._push(idx, "", final=True)
                if rest:
                    before.append(SseEvent.of({**{k: v for k, v in obj.items() if k != "choices"},
                                               "choices": [{"index": idx, "delta": {"content": rest}}]}))
        return [*before, SseEvent.of(new, event.event)]

    def _messages(self, event: SseEvent, obj: dict[str, Any]) -> list[SseEvent]:
        kind, idx = obj.get("type"), obj.get("index", 0)
        delta = obj.get("delta")
        if kind == "content_block_delta" and isinstance(delta, dict) and delta.get("type") == "text_delta":
            new = copy.deepcopy(obj)
            new["delta"]["text"] = self._push(idx, delta.get("text", ""))
            return [SseEvent.of(new, event.event)]
        if kind == "content_block_stop" and idx in self._guards:
            rest = self._push(idx, "", final=True)
            if rest:
                extra = {"type": "content_block_delta", "index": idx, "delta": {"type": "text_delta", "text": rest}}
                return [SseEvent.of(extra, "content_block_delta"), event]
        return [event]

    def _responses(self, event: SseEvent, obj: dict[str, Any]) -> list[SseEvent]:
        kind = obj.get("type")
        key = (obj.get("output_index", 0), obj.get("content_index", 0))
        if kind == "response.output_text.delta":
            new = {**obj, "delta": self._push(key, obj.get("delta", ""))}
            return [SseEvent.of(new, event.event)]
        if kind == "response.output_text.done":
            rest = self._push(key, "", final=True) if key in self._guards else ""
            out = [SseEvent.of({**obj, "type": "response.output_text.delta", "delta": rest},
                               "response.output_text.delta")] if rest else []
            return [*out, SseEvent.of({**obj, "text": self._released.get(key, obj.get("text", ""))}, event.event)]
        if kind == "response.output_item.done" and isinstance(obj.get("item"), dict):
            new = copy.deepcopy(obj)
            self._patch_item(new["item"], obj.get("output_index", 0))
            return [SseEvent.of(new, event.event)]
        if kind == "response.completed" and isinstance(obj.get("response"), dict):
            new = copy.deepcopy(obj)
            for i, item in enumerate(new["response"].get("output") or []):
                if isinstance(item, dict):
                    self._patch_item(item, i)
            return [SseEvent.of(new, event.event)]
        return [event]

    def _patch_item(self, item: dict[str, Any], output_index: int) -> None:
        for j, part in enumerate(item.get("content") or []):
            if isinstance(part, dict) and (output_index, j) in self._released:
                part["text"] = self._released[(output_index, j)]


def _hit(f: Finding) -> dict[str, Any]:
    return {"guard": f.detector, "entity": f.entity, "span": [f.start, f.end], "score": round(f.score, 3)}


def guard_transforms(call: Call, rules: RuleSet, placeholders: Callable[[str], PlaceholderState],
                     record: Callable[[DecisionEvent], None]) -> list[GuardStream]:
    if rules.guards is None or not call.api.is_llm:
        return []
    builts = rules.guards.for_place(Place.OUTPUT)
    if not builts:
        return []
    observe_only = rules.policy(CHECK).mode is CheckMode.MONITOR
    refs = system_references(call.api, call.payload)
    stream_rules = [_rule(b, refs, observe_only) for b in builts]
    return [GuardStream(call, stream_rules, placeholders(call.run_id), record, rules.revision, observe_only)]
