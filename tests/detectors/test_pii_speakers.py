"""A transcript's speaker labels say who speaks, not what the number after them is: "Customer: (303) 555-0147."
answers a question about a phone. A label that repeats in a form without a dialogue ("Customer: 4471 882 9031")
keeps labelling its number, and a type's own label ("Phone:") stays a key. Every row is written for this test."""

from __future__ import annotations

import pytest

from gateway.detectors.pii import PiiDetector
from gateway.detectors.pii_speakers import speaker_labels

THRESHOLD = 0.5


def phones(pii: PiiDetector, text: str) -> list[str]:
    return [text[f.start : f.end] for f in pii.scan(text) if f.entity == "PHONE_NUMBER" and f.score >= THRESHOLD]


CASES = [
    # the speaker "Customer" gives the number asked for two turns up
    ("Agent: Thanks for calling Brightline, how can I help?\nCustomer: I moved, can you update my mobile number?\n"
     "Agent: Sure, go ahead.\nCustomer: (303) 555-0147.\nAgent: Done.", ["(303) 555-0147"]),
    # near misses: the question names an identifier; a form repeats one key without a dialogue; a phone's own key
    ("Agent: Which account is this about?\nCustomer: The joint one.\nAgent: And the reference?\nCustomer: 4471 882 9031",
     []),
    ("Customer: 4471 882 9031\nStatus: open\nCustomer: 4471 882 9032\nStatus: closed", []),
    # the reply gives the identifier asked for; its phone word labels the number after it
    ("Agent: Sorry about that. What is your order number?\nCustomer: 2506-1244-18, and call me on 0917 418 2093 "
     "please\nAgent: Will do.", ["0917 418 2093"]),
    ("Name: Ana Ruiz\nPhone: (303) 555-0147\nName: Joe Park\nPhone: (303) 555-0188", ["(303) 555-0147", "(303) 555-0188"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_speakers_and_keys(pii: PiiDetector, text: str, expected: list[str]) -> None:
    assert phones(pii, text) == expected


LABELS = [
    ("Agent: hi, how can I help?\nCustomer: my card was charged twice\nAgent: let me check that\nCustomer: thanks",
     ["Agent", "Customer", "Agent", "Customer"]),
    ("[00:14:02] Dana (Sales): the price for year one is fixed\n[00:14:15] Client: got it, thanks\n"
     "[00:14:20] Dana (Sales): and the uplift is small\n[00:14:31] Client: fine by us", ["Dana", "Client", "Dana", "Client"]),
    ("Camille : qui conduit vendredi ?\nYanis : moi, départ à 17h\nCamille : je peux venir avec toi\nYanis : oui",
     ["Camille", "Yanis", "Camille", "Yanis"]),
    # a form's repeated keys with bare values, or labels that name a type: no dialogue
    ("Customer: 1\nStatus: open\nCustomer: 2\nStatus: closed", []),
    ("Name: Ana Ruiz\nPhone: 1\nName: Joe Park\nPhone: 2", []),
]


@pytest.mark.parametrize(("text", "expected"), LABELS)
def test_speaker_labels(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in speaker_labels(text)] == expected
