"""The detector contract: a finding (what, where, how sure) and the protocol every detector meets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a detector found; `start`/`end` index the original text (Python str offsets)."""

    detector: str
    entity: str
    start: int
    end: int
    score: float


class Detector(Protocol):
    """Pure and thread-safe: may run off the event loop, holds no per-call state."""

    name: str

    def scan(self, text: str) -> list[Finding]: ...
