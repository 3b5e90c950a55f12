"""Constructions of the twelfth session: an area code of another length before the region's own subscriber
groups, and weekday names as a hint of the text's language.

Every row is written for this test from how the language writes it; none comes from an evaluation set."""

from __future__ import annotations

import pytest

from gateway.detectors.kinds import ObfuscatedEmails
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


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Escríbeme a rodrigo.almeida arroba correofamilia punto example", "rodrigo.almeida arroba correofamilia punto example"),
        ("Pište na jan.novak zavináč posta tečka cz, díky.", "jan.novak zavináč posta tečka cz"),
        ("Пишите: irina_k собака mail точка ru", "irina_k собака mail точка ru"),
        ("mail me: ana87 at mail dot com", "ana87 at mail dot com"),
        ("Mejl: esther dot visser snabel-a hemma punkt se", "esther dot visser snabel-a hemma punkt se"),
    ],
)
def test_a_spelled_out_address_with_a_mailbox_local_part_under_brackets(text: str, value: str) -> None:
    pii = PiiDetector("pii", obfuscated_emails=ObfuscatedEmails.BRACKETS)
    assert flagged(pii, text, "EMAIL_ADDRESS") == [value]


@pytest.mark.parametrize(
    ("text", "under_words"),
    [
        ("Have a look at example dot org for the docs.", "look at example dot org"),
        ("I work at acme dot com these days.", "work at acme dot com"),
    ],
)
def test_prose_before_a_spelled_at_is_no_mailbox_under_brackets(text: str, under_words: str) -> None:
    brackets = PiiDetector("pii", obfuscated_emails=ObfuscatedEmails.BRACKETS)
    words = PiiDetector("pii", obfuscated_emails=ObfuscatedEmails.WORDS)
    assert flagged(brackets, text, "EMAIL_ADDRESS") == []
    assert flagged(words, text, "EMAIL_ADDRESS") == [under_words]  # `words` reads any spelled form
