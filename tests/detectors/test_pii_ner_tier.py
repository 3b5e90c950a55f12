"""The optional NER tier finds names (that spaCy and Presidio load only with it: tests/test_lazy_imports.py)."""

from __future__ import annotations

import pytest

from gateway.detectors.pii import PiiDetector
from gateway.detectors.pii_ner import NER_MODEL


def test_the_tier_finds_a_person_and_a_place() -> None:
    pytest.importorskip(NER_MODEL)
    detector = PiiDetector("pii", use_ner=True)
    text = "Yesterday Angela Fischer flew from Berlin to Lisbon; call +1 212 555 0143."
    found = {(f.entity, text[f.start : f.end]) for f in detector.scan(text)}
    assert ("PERSON", "Angela Fischer") in found
    assert ("LOCATION", "Berlin") in found
    assert ("PHONE_NUMBER", "+1 212 555 0143") in found
