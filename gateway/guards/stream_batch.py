"""One batch of stream events being rewritten: text slots whose released text is filled in at the end."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from gateway.upstream.sse import SseEvent

Key = tuple[Any, ...]


@dataclass(slots=True)
class Entry:
    """An event of the batch; `obj` is its rewritten copy once a text in it changed."""

    event: SseEvent
    obj: dict[str, Any] | None = None
    droppable: Callable[[dict[str, Any]], bool] | None = None  # an empty text delta carrying nothing else

    def emit(self) -> SseEvent | None:
        if self.obj is None:
            return self.event
        if self.droppable is not None and self.droppable(self.obj):
            return None
        return SseEvent.of(self.obj, self.event.event)


@dataclass(slots=True)
class Batch:
    entries: list[Entry] = field(default_factory=list)
    # key -> setter of the latest text slot of that key in this batch (its released text goes there)
    slots: dict[Key, Callable[[str], None]] = field(default_factory=dict)

    def add(self, event: SseEvent, obj: dict[str, Any] | None = None,
            droppable: Callable[[dict[str, Any]], bool] | None = None) -> Entry:
        entry = Entry(event, obj, droppable)
        self.entries.append(entry)
        return entry

    def events(self) -> list[SseEvent]:
        return [e for e in (entry.emit() for entry in self.entries) if e is not None]
