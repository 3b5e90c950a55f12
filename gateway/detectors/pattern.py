"""Custom pattern detector: named regexes and keyword lists from a rule file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gateway.detectors.base import Finding


def compile_patterns(patterns: tuple[str, ...], keywords: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """Each regex compiled on its own (so inline flags like `(?i)` work); keywords become one
    case-insensitive alternation matched on word boundaries."""
    compiled = [re.compile(p) for p in patterns]
    if keywords:
        words = "|".join(re.escape(k) for k in sorted(keywords, key=len, reverse=True))
        compiled.append(re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE))
    return tuple(compiled)


@dataclass(slots=True)  # not frozen: the Detector protocol declares a plain `name` attribute
class PatternDetector:
    name: str
    entity: str
    regexes: tuple[re.Pattern[str], ...] = field(repr=False)

    def scan(self, text: str) -> list[Finding]:
        found = [
            Finding(self.name, self.entity, m.start(), m.end(), 1.0)
            for rx in self.regexes
            for m in rx.finditer(text)
            if m.end() > m.start()
        ]
        return sorted(found, key=lambda f: (f.start, f.end))
