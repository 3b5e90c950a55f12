"""The rule-tier injection detectors the detector tests share (no classifier), one per profile."""

from __future__ import annotations

from gateway.detectors.injection import InjectionDetector, Profile

CHAT = InjectionDetector("injection", Profile.CHAT)
DOC = InjectionDetector("injection", Profile.DOCUMENT)


def top(detector: InjectionDetector, text: str) -> float:
    """The highest finding score of `text` (0 when nothing is found)."""
    return max((f.score for f in detector.scan(text)), default=0.0)
