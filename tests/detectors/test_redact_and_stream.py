"""Redaction placeholders (consistency, overlaps) and the streaming hold-back window."""

from __future__ import annotations

import re

import pytest

from gateway.detectors.base import Finding
from gateway.detectors.kinds import Action
from gateway.detectors.redact import PlaceholderState, merge_overlaps, redact
from gateway.detectors.stream import StreamBlocked, StreamGuard, StreamRule

EMAIL = re.compile(r"[\w.]+@[\w-]+\.[a-z]{2,}")


def email_scan(text: str) -> list[Finding]:
    return [Finding("pii", "EMAIL_ADDRESS", m.start(), m.end(), 1.0) for m in EMAIL.finditer(text)]


def F(entity: str, start: int, end: int, score: float = 1.0) -> Finding:
    return Finding("t", entity, start, end, score)


@pytest.mark.parametrize(
    ("text", "findings", "expected"),
    [
        (
            "a@x.io and b@x.io and a@x.io",
            [F("EMAIL_ADDRESS", 0, 6), F("EMAIL_ADDRESS", 11, 17), F("EMAIL_ADDRESS", 22, 28)],
            "<EMAIL_ADDRESS_1> and <EMAIL_ADDRESS_2> and <EMAIL_ADDRESS_1>",
        ),
        (
            "call 555-0100 now",
            [F("PHONE_NUMBER", 5, 13, 0.4), F("US_SSN", 5, 13, 0.9)],
            "call <US_SSN_1> now",
        ),
        ("abcdefgh", [F("A", 0, 5), F("B", 3, 8, 0.5)], "<A_1>"),  # overlap merges, higher score names it
        ("abcdefgh", [F("A", 2, 4, 0.5), F("B", 0, 8)], "<B_1>"),  # contained span: the union is replaced
        ("key sk-1", [F("openai-key", 4, 8)], "key <OPENAI_KEY_1>"),
        ("nothing", [], "nothing"),
    ],
)
def test_redact(text: str, findings: list[Finding], expected: str) -> None:
    assert redact(text, findings, PlaceholderState()) == expected


def test_placeholders_stay_consistent_across_calls() -> None:
    state = PlaceholderState()
    assert redact("x a@b.io", email_scan("x a@b.io"), state) == "x <EMAIL_ADDRESS_1>"
    assert redact("c@d.io, a@b.io", email_scan("c@d.io, a@b.io"), state) == "<EMAIL_ADDRESS_2>, <EMAIL_ADDRESS_1>"


def test_merge_overlaps_keeps_disjoint() -> None:
    assert len(merge_overlaps([F("A", 0, 2), F("B", 2, 4)])) == 2


def guard(holdback: int = 20, action: Action = Action.REDACT) -> StreamGuard:
    return StreamGuard([StreamRule(action, email_scan)], PlaceholderState(), holdback=holdback)


def test_text_is_held_back_then_released() -> None:
    g = guard(holdback=20)
    assert g.push("short") == ""  # could still grow into a match
    out = g.push(" sentence that is long enough to release")
    assert out == "short sentence that is lon"[: len(out)] and len(out) > 0
    assert out + g.finish() == "short sentence that is long enough to release"


@pytest.mark.parametrize("cuts", [[3], [9, 14], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]])
def test_email_split_across_deltas_is_redacted(cuts: list[int]) -> None:
    text = "mail jane.doe@example.org and then some more words to push the window along"
    g = guard(holdback=24)
    out, prev = [], 0
    for c in [*cuts, len(text)]:
        out.append(g.push(text[prev:c]))
        prev = c
    out.append(g.finish())
    assert "".join(out) == "mail <EMAIL_ADDRESS_1> and then some more words to push the window along"
    assert [f.entity for f in g.findings] == ["EMAIL_ADDRESS"]


def test_released_text_never_exceeds_holdback() -> None:
    g = guard(holdback=10)
    released = "".join(g.push(ch) for ch in "abcdefghijklmnopqrstuvwxyz")
    assert released == "abcdefghijklmnop"  # 26 pushed, 10 held
    assert g.finish() == "qrstuvwxyz"


def test_block_raises_with_the_finding() -> None:
    g = guard(action=Action.BLOCK)
    g.push("hello ")
    with pytest.raises(StreamBlocked) as err:
        g.push("x@evil.io ")
    assert err.value.finding.entity == "EMAIL_ADDRESS"


def test_monitor_passes_text_unchanged_and_records() -> None:
    g = guard(action=Action.MONITOR)
    assert g.push("to a@b.io ok") + g.finish() == "to a@b.io ok"
    assert len(g.findings) == 1
