"""Redaction: replace findings with typed placeholders (`<EMAIL_ADDRESS_1>`), consistent within a run."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

from gateway.detectors.base import Finding


@dataclass(slots=True)
class PlaceholderState:
    """Per-run memory so one value always gets the same placeholder. Not shared across runs; a run's streams
    redact from worker threads, so numbering a new value is locked."""

    by_value: dict[tuple[str, str], str] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def placeholder(self, entity: str, value: str) -> str:
        key = (entity, value)
        found = self.by_value.get(key)
        if found is None:
            with self._lock:
                found = self.by_value.get(key)
                if found is None:
                    n = self.counters.get(entity, 0) + 1
                    self.counters[entity] = n
                    found = self.by_value[key] = f"<{entity.upper().replace('-', '_')}_{n}>"
        return found


def merge_overlaps(findings: Iterable[Finding]) -> list[Finding]:
    """Union overlapping spans; a merged span keeps the entity of its best-scoring (then longest) member."""
    merged: list[Finding] = []
    for f in sorted((f for f in findings if f.end > f.start), key=lambda f: (f.start, -f.end)):
        if merged and f.start < merged[-1].end:
            last = merged[-1]
            best = max(last, f, key=lambda x: (x.score, x.end - x.start))
            merged[-1] = Finding(best.detector, best.entity, last.start, max(last.end, f.end), best.score)
        else:
            merged.append(f)
    return merged


def redact(text: str, findings: Iterable[Finding], state: PlaceholderState) -> str:
    """`text` with every finding's span replaced by its placeholder; overlapping findings become one."""
    out: list[str] = []
    pos = 0
    for f in merge_overlaps(findings):
        if f.start < pos or f.end > len(text):
            continue
        out.append(text[pos : f.start])
        out.append(state.placeholder(f.entity, text[f.start : f.end]))
        pos = f.end
    out.append(text[pos:])
    return "".join(out)
