"""System-prompt leakage: an output that repeats a long verbatim word run of a reference text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from gateway.detectors.base import Finding

_WORD = re.compile(r"\w+")


def _shingles(words: Sequence[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def find_leaks(output: str, references: Sequence[str], min_words: int, name: str = "leakage") -> list[Finding]:
    """Spans of `output` that repeat ≥ `min_words` consecutive words (case-insensitive) of any reference.

    Pure: punctuation and whitespace between words are ignored, so reformatting does not hide a leak.
    Overlapping runs are merged into one finding; score grows with the run length.
    """
    grams: set[tuple[str, ...]] = set()
    for ref in references:
        grams |= _shingles([w.lower() for w in _WORD.findall(ref)], min_words)
    if not grams:
        return []
    matches = list(_WORD.finditer(output))
    words = [m.group().lower() for m in matches]
    hits = [i for i in range(len(words) - min_words + 1) if tuple(words[i : i + min_words]) in grams]
    findings: list[Finding] = []
    run_start = run_end = -1
    for i in [*hits, None]:
        if i is not None and run_start >= 0 and i <= run_end:
            run_end = i + min_words
            continue
        if run_start >= 0:
            n_words = run_end - run_start
            score = min(1.0, 0.5 + 0.5 * n_words / (2 * min_words))
            findings.append(
                Finding(name, "system-prompt", matches[run_start].start(), matches[run_end - 1].end(), score)
            )
        if i is not None:
            run_start, run_end = i, i + min_words
    return findings


@dataclass(slots=True)  # not frozen: the Detector protocol declares a plain `name` attribute
class LeakageDetector:
    """`scan` checks configured confidential texts; `scan_against` adds per-request references."""

    name: str
    min_words: int
    references: tuple[str, ...] = ()

    def scan(self, text: str) -> list[Finding]:
        return find_leaks(text, self.references, self.min_words, self.name)

    def scan_against(self, text: str, references: Sequence[str]) -> list[Finding]:
        return find_leaks(text, [*self.references, *references], self.min_words, self.name)
