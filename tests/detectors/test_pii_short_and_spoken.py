"""Phone numbers of small countries, numbers written with middle dots, numbers spoken digit by digit, asides in
brackets, digits of other scripts, the regions an international number points to, and two-word labels of a number
after a phone: one table, a row per rule. Every
row is written for this test; none comes from an evaluation or tuning set."""

from __future__ import annotations

import pytest

from gateway.detectors.pii import PiiDetector

THRESHOLD = 0.5


def phones(pii: PiiDetector, text: str) -> list[str]:
    return [text[f.start : f.end] for f in pii.scan(text) if f.entity == "PHONE_NUMBER" and f.score >= THRESHOLD]


CASES = [
    # --- five or six digits in groups, a phone word right before, valid where the text points ---
        ("Telefonnummarið hjá Rói er 41 22 90.", ["41 22 90"]),  # Faroese: six-digit numbers
        ("Büro Luxemburg: Tel. +352 44 12 33 | Fax: 44 12 34", ["+352 44 12 33", "44 12 34"]),
        # an unbroken run is a code however near a phone word (an OTP sent by SMS)
        ("[sms] OTP 739105 sent to +49 1590 1234567", ["+49 1590 1234567"]),
        # no phone word: grouped digits are an amount or a postcode
        ("Montant réglé : 41 220 euros, code 75 011.", []),
        # a phone word far away does not label the short number
        ("Call us any time on the hotline. The depot ships from warehouse 41 22 90 on weekdays.", []),
    # --- the middle dot Catalan and Spanish numbers are written with ---
        ("El mòbil d'en Pau és el 612·48·90·33, truca-li a la tarda.", ["612·48·90·33"]),
        ("Escríbeme al +34 611·27·40·85 por Signal.", ["+34 611·27·40·85"]),
    # --- digits spoken in a transcript, with a phone word ---
        ("agent: what's your mobile number? | caller: it's oh seven nine double one four eight two six three",
         ["oh seven nine double one four eight two six three"]),
        ("agent: and your phone? | caller: two one two five five five oh one four four",
         ["two one two five five five oh one four four"]),
        # spoken digits with no phone word are anything (a count, a code read out)
        ("caller: the reference is four four one nine two seven three three", []),
        # fewer than seven digits is no phone
        ("agent: your phone extension? | caller: four one two two", []),
        # a few other digits in the transcript (a postcode) do not hide the spoken number
        ("agent: a mobile number? | caller: oh seven nine double one four eight two six three | caller: postcode M4 1AB",
         ["oh seven nine double one four eight two six three"]),
    # --- a bracket opened after the number and never closed is an aside ---
        ("Freephone 0800 917 2231 (24h, free from mobiles).", ["0800 917 2231"]),
    # --- digits of other scripts, the fullwidth hyphen of Japanese forms ---
        ("電話番号：０３－５５１２－４４０９", ["０３－５５１２－４４０９"]),
        ("মোবাইল নম্বর: ০১৭১১-২৪৮৯৩৬", ["০১৭১১-২৪৮৯৩৬"]),
    # --- the region of an international number the text writes ---
        # Malta's eight-digit national number is valid in no region the English words point to
        ("Valletta: +356 2122 4455 or 7912 3456.", ["+356 2122 4455", "7912 3456"]),
    # --- a word after the number labels its own number, also as the first of two words ---
        ("konsultant: poproszę numer telefonu | klient: tak, to jest 512 448 190, a kod pocztowy 00-950",
         ["512 448 190"]),
]


@pytest.fixture(scope="module")
def pii() -> PiiDetector:
    return PiiDetector("pii")


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_phone_or_not(pii: PiiDetector, text: str, expected: list[str]) -> None:
    assert phones(pii, text) == expected
