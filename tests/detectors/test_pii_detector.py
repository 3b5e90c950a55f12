"""PII detector: structured identifiers with checksums, and numbers that look like PII but fail them."""

from __future__ import annotations

import pytest

from gateway.detectors.pii import PiiDetector


@pytest.mark.parametrize(
    ("text", "entity", "value"),
    [
        ("write to jane.doe@example.org today", "EMAIL_ADDRESS", "jane.doe@example.org"),
        ("call me at (212) 555-0143 tonight", "PHONE_NUMBER", "(212) 555-0143"),
        ("card 4111 1111 1111 1111 exp 12/29", "CREDIT_CARD", "4111 1111 1111 1111"),
        ("IBAN GB82 WEST 1234 5698 7654 32 please", "IBAN_CODE", "GB82 WEST 1234 5698 7654 32"),
        ("my ssn is 536-90-4399", "US_SSN", "536-90-4399"),
        ("server at 10.20.30.40 is down", "IP_ADDRESS", "10.20.30.40"),
        ("v6 host 2001:db8::1 answers", "IP_ADDRESS", "2001:db8::1"),
        ("my iban is gb82west12345698765432", "IBAN_CODE", "gb82west12345698765432"),
        ("desk: +1-415-555-0132x77 after lunch", "PHONE_NUMBER", "+1-415-555-0132x77"),
        ("(31) 555-0199-Office", "PHONE_NUMBER", "(31) 555-0199"),
        ("fax 4155550132 anytime", "PHONE_NUMBER", "4155550132"),
    ],
)
def test_finds(pii: PiiDetector, text: str, entity: str, value: str) -> None:
    hits = [text[f.start : f.end] for f in pii.scan(text) if f.entity == entity and f.score >= 0.4]
    assert value in hits


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("card 4111 1111 1111 1112 exp 12/29", "CREDIT_CARD"),  # fails Luhn
        ("IBAN GB82 WEST 1234 5698 7654 33 please", "IBAN_CODE"),  # fails mod-97
        ("my iban is gb82west12345698765433", "IBAN_CODE"),  # lower case, fails mod-97
        ("order 3660170548 shipped", "PHONE_NUMBER"),  # a bare digit run, no phone word, no valid area code
        ("my ssn is 000-12-3456", "US_SSN"),  # area 000 is never issued
        ("my ssn is 666-12-3456", "US_SSN"),  # area 666 is never issued
        ("version 1.2.3 of the app", "IP_ADDRESS"),
        ("no email here: user at example dot com", "EMAIL_ADDRESS"),
    ],
)
def test_near_misses(pii: PiiDetector, text: str, entity: str) -> None:
    assert not [f for f in pii.scan(text) if f.entity == entity and f.score >= 0.4]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("just words, nothing else", []),
        ("mail x@y.io", ["EMAIL_ADDRESS"]),
        ("order 12 of 3", []),
    ],
)
def test_prescreen(pii: PiiDetector, text: str, expected: list[str]) -> None:
    assert pii.candidates(text) == expected
