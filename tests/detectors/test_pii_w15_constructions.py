"""Constructions of the W15 round: the subscriber number in three and pairs after the area code (Russian and
Ukrainian `067 448 21 09`), and verbs of calling in Catalan, Lithuanian, Latvian, Serbian, Macedonian, Bengali and
Georgian.

Every row is written for this test from how the language writes it; none comes from an evaluation set."""

from __future__ import annotations

import pytest

from gateway.detectors.pii import PiiDetector
from gateway.detectors.pii_phone import _valid

THRESHOLD = 0.4


def phones(pii: PiiDetector, text: str) -> list[str]:
    return [text[f.start : f.end] for f in pii.scan(text) if f.entity == "PHONE_NUMBER" and f.score >= THRESHOLD]


@pytest.mark.parametrize(
    ("number", "region", "valid"),
    [
        ("067 123 45 67", "UA", True),  # area code, then three and pairs
        ("050 765 43 21", "UA", True),
        ("8 916 234 56 78", "RU", True),
        ("067 12 345 67", "UA", False),  # pairs, then three: not how the plan writes it
    ],
)
def test_three_and_pairs_after_the_area_code(number: str, region: str, valid: bool) -> None:
    assert _valid(number, (region,)) is valid


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Es lloga traster al centre. Truqueu al 972 11 22 33 a la tarda.", ["972 11 22 33"]),
        ("Kurjeris atvyks rytoj. Skambinkite 8 612 34567", ["8 612 34567"]),
        ("Ja kavējas, zvaniet 2612 3456.", ["2612 3456"]),
        ("Ако нешто треба, позовите 011 234 5678 после пет.", ["011 234 5678"]),
        ("Kurjeris atvyks rytoj, siuntos kodas 8612 34567.", []),  # no verb of calling: the code is an id
    ],
)
def test_verbs_of_calling(pii: PiiDetector, text: str, expected: list[str]) -> None:
    assert phones(pii, text) == expected
