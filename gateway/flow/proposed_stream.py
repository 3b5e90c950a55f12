"""Streamed tool-call deltas are held until each proposed call is complete, then judged like whole answers."""

from __future__ import annotations

import copy
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from gateway.config.agents_file import ProposedCallAction
from gateway.config.ruleset import RuleSet
from gateway.errors import Reason, Refusal
from gateway.flow.stream import StreamBlocked
from gateway.model import Action, Api, Call, Mode, Verdict
from gateway.tools.proposed import judge, parse_arguments
from gateway.trace.events import DecisionEvent, Phase
from gateway.upstream.sse import SseEvent

CHECK = "proposed_calls"


@dataclass(slots=True)
class _Held:
    events: list[SseEvent] = field(default_factory=list)
    name: str = ""
    arguments: str = ""
    initial: Any = None


class ProposedCallStream:
    """Holds the events of each proposed tool call until it is complete; then releases, strips or blocks it.

    Text deltas are never held here (the output guards hold text on their own window). Stripped calls
    leave no gap: later content-block / output indexes are renumbered so SDK accumulators stay valid."""

    def __init__(self, call: Call, rules: RuleSet, record: Callable[[DecisionEvent], None]) -> None:
        self.call = call
        self.rules = rules
        self._record = record
        agent = rules.agents.get(call.agent_id or "")
        self._agent = agent
        self._action = agent.proposed_tool_calls if agent else ProposedCallAction.BLOCK
        self._held: dict[Any, _Held] = {}
        self._dropped: list[int] = []  # stripped block / output indexes (Anthropic, Responses)
        self._released_calls = 0
        self._violations: list[dict[str, Any]] = []

    # -- judging -------------------------------------------------------------------------------
    def _judge(self, where: Any, held: _Held) -> bool:
        """True to release the call's events, False to strip them; raises StreamBlocked to block."""
        args = parse_arguments(held.arguments) if held.arguments else parse_arguments(held.initial or {})
        user_tools = self.call.principal.user_scopes if self.call.principal else None
        verdict: Verdict = judge(self.call.agent_id or "", self._agent, user_tools, held.name, args, self.rules.tools)
        if verdict.action is Action.CONTINUE:
            return True
        self._violations.append({"where": where if isinstance(where, list) else [where], "tool": held.name,
                                 "reason": verdict.reason.value if verdict.reason else None})
        if self._action is ProposedCallAction.BLOCK:
            self._trace(Action.DENY, verdict.reason)
            reason = verdict.reason or Reason.TOOL_NOT_ALLOWED
            message = f"The model proposed a tool call this agent may not make: {verdict.message}"
            raise StreamBlocked(Refusal(reason, message, CHECK, self.call.id))
        return self._action is ProposedCallAction.MONITOR

    def _trace(self, action: Action, reason: Reason | None) -> None:
        c = self.call
        detail = {"action": self._action.value, "violations": self._violations}
        self._record(DecisionEvent(c.id, c.run_id, c.agent_id, Phase.STREAM, CHECK, action, Mode.ENFORCE,
                                   self.rules.revision, time.time(), reason, "", detail))

    def end(self) -> list[SseEvent]:
        out = [e for key, held in list(self._held.items()) for e in (held.events if self._judge(key, held) else [])]
        self._held.clear()
        if self._violations:
            self._trace(Action.CONTINUE, None)
        return out

    def feed(self, events: list[SseEvent]) -> list[SseEvent]:
        return [out for event in events for out in self._one(event)]

    def _one(self, event: SseEvent) -> list[SseEvent]:
        obj = event.obj
        if not isinstance(obj, dict):
            return [event]
        if self.call.api is Api.CHAT:
            return self._chat(event, obj)
        if self.call.api is Api.MESSAGES:
            return self._indexed(event, obj, "index", self._messages_key)
        if self.call.api is Api.RESPONSES:
            return self._indexed(event, obj, "output_index", self._responses_key)
        return [event]

    # -- Chat Completions: tool_calls deltas inside choices ------------------------------------------
    def _chat(self, event: SseEvent, obj: dict[str, Any]) -> list[SseEvent]:
        choices = obj.get("choices") or []
        if any((c.get("delta") or {}).get("tool_calls") for c in choices if isinstance(c, dict)):
            for c in choices:
                for tc in (c.get("delta") or {}).get("tool_calls") or []:
                    held = self._held.setdefault((c.get("index", 0), tc.get("index", 0)), _Held())
                    fn = tc.get("function") or {}
                    held.name += fn.get("name") or ""
                    held.arguments += fn.get("arguments") or ""
                first = next(iter(self._held.values()))
                first.events.append(event)  # chunks are released in order; one list keeps that order
            return []
        finishing = [c for c in choices if isinstance(c, dict) and c.get("finish_reason")]
        if not finishing or not self._held:
            return [event]
        keep = {key for key, held in self._held.items() if self._judge(list(key), held)}
        held_events = next(iter(self._held.values())).events
        dropped = set(self._held) - keep
        self._held.clear()
        out = [e for e in (self._filter_chat(h, dropped) for h in held_events) if e is not None]
        if dropped and not keep:
            new = copy.deepcopy(obj)
            for c in new["choices"]:
                if c.get("finish_reason") == "tool_calls":
                    c["finish_reason"] = "stop"
            return [*out, SseEvent.of(new, event.event)]
        return [*out, event]

    @staticmethod
    def _filter_chat(event: SseEvent, dropped: set[Any]) -> SseEvent | None:
        if not dropped:
            return event
        new = copy.deepcopy(event.obj)
        for c in new.get("choices") or []:
            delta = c.get("delta") or {}
            ci = c.get("index", 0)
            calls = [tc for tc in delta.get("tool_calls") or [] if (ci, tc.get("index", 0)) not in dropped]
            if calls:
                delta["tool_calls"] = calls
            else:
                delta.pop("tool_calls", None)
        if not any(c.get("delta") for c in new.get("choices") or []):
            return None
        return SseEvent.of(new, event.event)

    # -- Anthropic content blocks / Responses output items --------------------------------------------
    @staticmethod
    def _messages_key(obj: dict[str, Any]) -> tuple[str, str | None, str] | None:
        kind = obj.get("type")
        if kind == "content_block_start" and (obj.get("content_block") or {}).get("type") == "tool_use":
            block = obj["content_block"]
            return ("start", block.get("name", ""), json.dumps(block.get("input") or {}))
        if kind == "content_block_delta" and (obj.get("delta") or {}).get("type") == "input_json_delta":
            return ("delta", None, obj["delta"].get("partial_json", ""))
        if kind == "content_block_stop":
            return ("stop", None, "")
        return None

    @staticmethod
    def _responses_key(obj: dict[str, Any]) -> tuple[str, str | None, str] | None:
        kind = obj.get("type")
        item = obj.get("item") or {}
        if kind == "response.output_item.added" and item.get("type") == "function_call":
            return ("start", item.get("name", ""), "")
        if kind == "response.function_call_arguments.delta":
            return ("delta", None, obj.get("delta", ""))
        if kind == "response.output_item.done" and item.get("type") == "function_call":
            return ("stop", None, "")
        if kind == "response.function_call_arguments.done":
            return ("delta", None, "")
        return None

    def _indexed(self, event: SseEvent, obj: dict[str, Any], field_name: str,
                 classify: Callable[[dict[str, Any]], tuple[str, str | None, str] | None]) -> list[SseEvent]:
        index = obj.get(field_name)
        step = classify(obj)
        if step is not None and isinstance(index, int):
            phase, name, text = step
            if phase == "start":
                self._held[index] = _Held(name=name or "", initial=json.loads(text) if text else None)
            held = self._held.get(index)
            if held is not None:
                if phase == "delta":
                    held.arguments += text
                held.events.append(event)
                if phase != "stop":
                    return []
                del self._held[index]
                if self._judge(index, held):
                    self._released_calls += 1
                    return [self._renumber(e, field_name) for e in held.events]
                self._dropped.append(index)
                return []
        return [self._patch_end(self._renumber(event, field_name), field_name)]

    def _renumber(self, event: SseEvent, field_name: str) -> SseEvent:
        index = event.obj.get(field_name) if isinstance(event.obj, dict) else None
        if not isinstance(index, int):
            return event
        shift = sum(1 for d in self._dropped if d < index)
        if not shift:
            return event
        return SseEvent.of({**event.obj, field_name: index - shift}, event.event)

    def _patch_end(self, event: SseEvent, field_name: str) -> SseEvent:
        """Final events that summarise the answer must not mention stripped calls."""
        obj = event.obj
        if not self._dropped or not isinstance(obj, dict):
            return event
        stop = (obj.get("delta") or {}).get("stop_reason")
        if obj.get("type") == "message_delta" and stop == "tool_use" and not self._released_calls:
            return SseEvent.of({**obj, "delta": {**obj["delta"], "stop_reason": "end_turn"}}, event.event)
        if obj.get("type") == "response.completed" and isinstance(obj.get("response"), dict):
            new = copy.deepcopy(obj)
            new["response"]["output"] = [o for i, o in enumerate(new["response"].get("output") or [])
                                         if i not in self._dropped]
            return SseEvent.of(new, event.event)
        return event


def proposed_transforms(
    call: Call, rules: RuleSet, record: Callable[[DecisionEvent], None]
) -> list[ProposedCallStream]:
    if call.api not in (Api.CHAT, Api.MESSAGES, Api.RESPONSES):
        return []
    return [ProposedCallStream(call, rules, record)]
