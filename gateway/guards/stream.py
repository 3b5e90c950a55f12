"""Output guards on streams: every event that carries model text passes a sliding-window guard.

Each text (a choice's content, a content block, a Responses output part, a tool call's arguments) has its own
window, keyed by where it sits. Deltas are held and released as the window allows; events that repeat the whole
text (`*.done`, items, `response.completed`) carry what was released; text that arrives only in such events is
guarded whole. Events are handled a batch at a time: a batch is scanned once per text, whatever its size."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from gateway.config.ruleset import RuleSet
from gateway.detectors.base import Finding
from gateway.detectors.factory import BuiltGuard, scan_guard
from gateway.detectors.holdback import hold_for
from gateway.detectors.kinds import Action, Mode, OnError, Place
from gateway.detectors.redact import PlaceholderState
from gateway.detectors.stream import StreamBlocked as DetectorBlocked
from gateway.detectors.stream import StreamGuard, StreamRule
from gateway.errors import Reason, Refusal
from gateway.flow.stream import StreamBlocked
from gateway.guards.checks import BLOCKED
from gateway.guards.stream_apis import API_HANDLERS, Handler
from gateway.guards.stream_batch import Batch, Key
from gateway.guards.texts import system_references
from gateway.model import Action as VerdictAction
from gateway.model import Call
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

    return StreamRule(action, scan, hold_for(cfg))


class GuardStream:
    """A StreamTransform for one streamed answer. The per-API event shapes live in `stream_apis`; this class
    owns the windows, what each released, and the trace."""

    def __init__(self, call: Call, rules: Sequence[StreamRule], state: PlaceholderState,
                 record: Callable[[DecisionEvent], None], revision: str, observe_only: bool) -> None:
        self.call = call
        self._rules = rules
        self._state = state
        self._record = record
        self._revision = revision
        self._mode = CheckMode.MONITOR if observe_only else CheckMode.ENFORCE
        self._open: dict[Key, StreamGuard] = {}
        self._all: list[StreamGuard] = []
        self.released: dict[Key, str] = {}  # everything released per text, for events that repeat it whole
        self._handler: Handler | None = API_HANDLERS.get(call.api)
        self.memo: dict[str, Any] = {}  # per-stream facts the API handler keeps (e.g. a chunk's id fields)

    # -- windows -----------------------------------------------------------------------------------
    def _guarded(self, op: Callable[[], str]) -> str:
        try:
            return op()
        except DetectorBlocked as blocked:
            self._trace(VerdictAction.DENY, Reason.CONTENT_BLOCKED, {"hits": [_hit(blocked.finding)]})
            raise StreamBlocked(Refusal(Reason.CONTENT_BLOCKED, BLOCKED, CHECK, self.call.id)) from blocked
        except GuardFailed as failed:
            self._trace(VerdictAction.DENY, Reason.CHECK_FAILED, {"failed": str(failed)})
            message = "An output guard failed and is configured to fail closed."
            raise StreamBlocked(Refusal(Reason.CHECK_FAILED, message, CHECK, self.call.id)) from failed

    def _new(self) -> StreamGuard:
        g = StreamGuard(self._rules, self._state)
        self._all.append(g)
        return g

    def push(self, batch: Batch, key: Key, text: str, slot: Callable[[str], None]) -> None:
        """Add a delta's text to its window; the delta's own field becomes `slot`, filled at release."""
        g = self._open.get(key)
        if g is None:
            g = self._open[key] = self._new()
        g.add(text)
        batch.slots[key] = slot

    def flush(self, batch: Batch, key: Key, extra: Callable[[str], SseEvent | None]) -> str:
        """The text `key` is complete: release the rest (into its last slot of this batch, or as an extra delta
        event built by `extra`); return the whole released text."""
        g = self._open.pop(key, None)
        if g is not None:
            rest = self._guarded(g.finish)
            self._deliver(batch, key, rest, extra)
        return self.released.get(key, "")

    def flush_where(self, batch: Batch, match: Callable[[Key], bool],
                    extra: Callable[[Key, str], SseEvent | None]) -> None:
        for key in [k for k in self._open if match(k)]:
            self.flush(batch, key, lambda rest, k=key: extra(k, rest))  # type: ignore[misc]

    def whole(self, key: Key, text: str) -> str:
        """A text carried whole (a `*.done` event, an item): what was released for it, else the text guarded."""
        if key in self.released and key not in self._open:
            return self.released[key]
        if key in self._open:  # an item repeating a text whose deltas are still held: release them here
            g = self._open.pop(key)
            self.released[key] = self.released.get(key, "") + self._guarded(g.finish)
            return self.released[key]
        g = self._new()
        g.add(text)
        self.released[key] = self._guarded(g.finish)
        return self.released[key]

    def _deliver(self, batch: Batch, key: Key, text: str, extra: Callable[[str], SseEvent | None]) -> None:
        self.released[key] = self.released.get(key, "") + text
        if not text:
            return
        slot = batch.slots.get(key)
        if slot is not None:
            slot(text)
            return
        event = extra(text)
        if event is not None:
            batch.add(event)

    # -- the transform -----------------------------------------------------------------------------
    def feed(self, events: list[SseEvent]) -> list[SseEvent]:
        if self._handler is None:
            return events
        batch = Batch()
        for event in events:
            if isinstance(event.obj, dict):
                self._handler.event(self, batch, event, event.obj)
            else:
                batch.add(event)
        for key, slot in list(batch.slots.items()):
            g = self._open.get(key)
            if g is not None:
                text = self._guarded(g.release)
                self.released[key] = self.released.get(key, "") + text
                if text:
                    slot(text)
        return batch.events()

    def end(self) -> list[SseEvent]:
        out: list[SseEvent] = []
        if self._handler is not None and self._open:
            batch = Batch()
            self._handler.end(self, batch)
            out = batch.events()
        findings = [f for g in self._all for f in g.findings]
        if findings:
            self._trace(VerdictAction.CONTINUE, None, {"hits": [_hit(f) for f in findings]})
        return out

    def knows(self, key: Key) -> bool:
        return key in self._open or key in self.released

    def open_keys(self) -> list[Key]:
        return list(self._open)

    def _trace(self, action: VerdictAction, reason: Reason | None, detail: dict[str, Any]) -> None:
        c = self.call
        self._record(DecisionEvent(c.id, c.run_id, c.agent_id, Phase.STREAM, CHECK, action, self._mode,
                                   self._revision, time.time(), reason, "", detail))


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
    return [GuardStream(call, stream_rules, placeholders(call.run_key), record, rules.revision, observe_only)]
