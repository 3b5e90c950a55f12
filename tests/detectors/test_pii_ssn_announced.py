"""An SSN announced in the sentence before: a sentence names the number's type, the next one gives it unbroken
("… the applicant's SSN. It is 536904399."); or a taxpayer-id key names it (`"taxId": "531-25-1492"`). Every row is
written for this test; none comes from an evaluation set."""

from __future__ import annotations

import pytest

from gateway.detectors.pii import PiiDetector

THRESHOLD = 0.5


def ssns(pii: PiiDetector, text: str) -> list[str]:
    return [text[f.start : f.end] for f in pii.scan(text) if f.entity == "US_SSN" and f.score >= THRESHOLD]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Please verify the applicant's SSN before Friday. It is 536904399.", ["536904399"]),
        ("Her Social Security number was missing from the form. She sent it today: 412873305", ["412873305"]),
        ("Falta el número de Seguro Social (SSN). El empleado lo dio por teléfono: 231570948.", ["231570948"]),
        # the sentence before names an identifier: the nearer word decides
        ("SSN check passed. Order 536904399 ships Monday.", []),
        # two sentences back: too far to be announced
        ("We need the SSN. The form is on the portal. Ticket 536904399 tracks it.", []),
        # another number between the word and the run belongs to the word
        ("SSN on file ends in 4399. Call 2 agents about 536904399.", []),
        # a new paragraph is a new subject
        ("Remember to redact every SSN.\n\nBatch 536904399 was uploaded.", []),
        # a US taxpayer id key over the SSN's own 3-2-4 form names an SSN; an order id over it does not
        ('{"applicant": {"name": "R. Diaz", "taxId": "531-25-1492", "phone": "(303) 555-0147"}}', ["531-25-1492"]),
        ("tax_id=531-25-1492 status=ok", ["531-25-1492"]),
        ('{"orderId": "531-25-1492", "status": "shipped"}', []),
    ],
)
def test_an_ssn_announced_in_the_sentence_before(pii: PiiDetector, text: str, expected: list[str]) -> None:
    assert ssns(pii, text) == expected
