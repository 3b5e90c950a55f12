"""The injection rule tier alone, as the table-driven rule tests read it: does it flag a text in a placement."""

from __future__ import annotations

from gateway.detectors.injection import InjectionDetector, Profile

_DETECTORS = {p: InjectionDetector("injection", p, None) for p in Profile}


def rule_flags(text: str, profile: Profile) -> bool:
    """Whether the rule tier alone scores `text` at 0.5 or more in `profile` (the shipped block threshold)."""
    return max((f.score for f in _DETECTORS[profile].scan(text)), default=0.0) >= 0.5
