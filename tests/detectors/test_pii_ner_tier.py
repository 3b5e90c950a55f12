"""The optional NER tier: spaCy and Presidio load only when a guard turns it on, and then find names."""

from __future__ import annotations

import subprocess
import sys

import pytest

from gateway.detectors.pii import PiiDetector
from gateway.detectors.pii_ner import NER_MODEL


def _loaded_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys; print(' '.join(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
        env={"TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS": "", "PATH": ""},
    )
    return {m.split(".")[0] for m in out.stdout.split()}


@pytest.mark.parametrize(
    ("code", "heavy"),
    [
        ("import gateway.app", False),
        ("from gateway.detectors.pii import PiiDetector; PiiDetector('pii')", False),
        (
            f"from gateway.detectors.pii import PiiDetector; PiiDetector('pii', use_ner=True, ner_model={NER_MODEL!r})",
            True,
        ),
    ],
)
def test_spacy_and_presidio_load_only_with_the_tier(code: str, heavy: bool) -> None:
    loaded = _loaded_after(code)
    assert ({"spacy", "presidio_analyzer"} <= loaded) is heavy
    assert bool({"spacy", "presidio_analyzer"} & loaded) is heavy


def test_the_tier_finds_a_person_and_a_place() -> None:
    pytest.importorskip(NER_MODEL)
    detector = PiiDetector("pii", use_ner=True)
    text = "Yesterday Angela Fischer flew from Berlin to Lisbon; call +1 212 555 0143."
    found = {(f.entity, text[f.start : f.end]) for f in detector.scan(text)}
    assert ("PERSON", "Angela Fischer") in found
    assert ("LOCATION", "Berlin") in found
    assert ("PHONE_NUMBER", "+1 212 555 0143") in found
