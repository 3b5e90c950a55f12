"""Cards and SSNs read out in a call or a chat: groups joined by pauses ("4539... 1488... 0343... 6467", "536, 90,
4399"), kept only where the type was asked for; an SSN asked for turns earlier in a dialogue; a taxpayer-id label and
a chat export's time stamps. Every row is written for this test; none comes from an evaluation set."""

from __future__ import annotations

import pytest

from gateway.detectors.pii import PiiDetector

THRESHOLD = 0.5


def found(pii: PiiDetector, text: str, entity: str) -> list[str]:
    return [text[f.start : f.end] for f in pii.scan(text) if f.entity == entity and f.score >= THRESHOLD]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # groups read out with pauses, the card asked for in the line above or named in the sentence
        ("AGENT: Which card would you like to use?\nCALLER: The Visa. 4539, 1488, 0343, 6467.", ["4539, 1488, 0343, 6467"]),
        ("CALLER: my card number is 5218... 7106... 4409... 3370, expiry 04/29", ["5218... 7106... 4409... 3370"]),
        ("Kartennummer: 2221 - 0553 - 8190 - 4773", ["2221 - 0553 - 8190 - 4773"]),
        ("AGENT: The Amex, then?\nCALLER: Yes, card 3742... 056190... 39178", ["3742... 056190... 39178"]),
        # the same digits as a list with no card word: numbers, not a card
        ("Lottery picks this week: 4539, 1488, 0343, 6467.", []),
        ("Rooms booked: 4539, 1488, 0343, 6467 (east wing)", []),
        # Luhn-broken: no card whatever the context
        ("CALLER: card number 4539, 1488, 0343, 6468", []),
        # an order number in the card's shape, labelled as one (Dutch "bestelnummer")
        ("Opmerking: bestelnummer 2221 0553 8190 4773", []),
    ],
)
def test_cards_read_out(pii: PiiDetector, text: str, expected: list[str]) -> None:
    assert found(pii, text, "CREDIT_CARD") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AGENT: I need your social security number.\nCLIENT: Sure. 536, 90, 4399.", ["536, 90, 4399"]),
        # asked for three turns back, a side question between
        (
            "AGENT: Now the nine digits of your Social Security number.\nCLIENT: Is this line recorded?\n"
            "AGENT: It is, and the number gets masked.\nCLIENT: Fine. 412... 87... 3305",
            ["412... 87... 3305"],
        ),
        (
            "AGENT: Now your SSN, please.\nCLIENT: Do you need the whole thing?\nAGENT: Yes.\nCLIENT: 231570948",
            ["231570948"],
        ),
        # the last thing asked for was a policy number: an identifier, not the SSN
        (
            "AGENT: I have your SSN on file.\nCLIENT: Good.\nAGENT: And the policy number?\nCLIENT: 231570948",
            [],
        ),
        # not a dialogue: a number three lines under the word is not announced by it
        ("Forms to collect: SSN, W-4, I-9.\nBring two copies.\nBadge photos at noon.\nRoom 231570948", []),
        # a list read out without the SSN asked for
        ("Scores: 536, 90, 4399.", []),
        # a chat export's time stamps are not numbers between the word and the reply
        (
            "[20/11/26 19:02] Ana: the accountant needs your SSN for the return\n[20/11/26 19:03] Luis: 536904399",
            ["536904399"],
        ),
        # a taxpayer-id label before the 3-2-4 form, an employer's EIN on the next line
        ("Name: Q. Ashby\nTaxpayer ID: 571-34-4574\nEmployer: Ridgeway (EIN 83-2210457)", ["571-34-4574"]),
    ],
)
def test_ssns_read_out_or_asked_for(pii: PiiDetector, text: str, expected: list[str]) -> None:
    assert found(pii, text, "US_SSN") == expected
