"""Constructions of the twelfth session: an area code of another length before the region's own subscriber
groups, and weekday names as a hint of the text's language.

Every row is written for this test from how the language writes it; none comes from an evaluation set."""

from __future__ import annotations

import pytest

from gateway.detectors.pii import PiiDetector
from gateway.detectors.pii_phone import _valid
from gateway.detectors.pii_regions import regions

THRESHOLD = 0.4


def flagged(pii: PiiDetector, text: str, entity: str) -> list[str]:
    return [text[f.start : f.end] for f in pii.scan(text) if f.entity == entity and f.score >= THRESHOLD]


@pytest.mark.parametrize(
    ("number", "region", "valid"),
    [
        ("91 123 45 67", "ES", True),  # Madrid: a two-digit area code, then 3-2-2 as the plan groups
        ("911 23 45 67", "ES", True),  # the plan's own grouping
        ("9112 34 567", "ES", False),  # neither: the last groups are not the plan's
        ("030 1234 5678", "DE", True),
    ],
)
def test_an_area_code_of_another_length(number: str, region: str, valid: bool) -> None:
    assert _valid(number, (region,)) is valid


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Abierto de lunes a viernes, 9 a 14 h.", "ES"),
        ("Geöffnet montags bis freitags.", "DE"),
        ("Otwarte od poniedziałku, w czwartek krócej.", "PL"),
        ("Avoin maanantaista perjantaihin.", "FI"),
        ("Nyitva hétfőtől péntekig.", "HU"),
        ("Buka Senin sampai Jumat.", "ID"),
    ],
)
def test_a_weekday_name_points_to_its_language(text: str, region: str) -> None:
    assert region in regions(text)


def test_a_madrid_number_in_a_spanish_notice(pii: PiiDetector) -> None:
    text = "Oficina central en Madrid: 91 123 45 67, de lunes a viernes."
    assert flagged(pii, text, "PHONE_NUMBER") == ["91 123 45 67"]
