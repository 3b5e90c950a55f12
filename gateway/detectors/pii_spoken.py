"""Phone numbers spoken digit by digit, as a speech-to-text transcript writes them (`it's oh seven seven double oh
nine …`): English digit words, `oh` for zero, `double` and `triple` for a repeated digit."""

from __future__ import annotations

import re

from gateway.detectors.base import Finding
from gateway.detectors.pii_tags import Lean
from gateway.detectors.pii_words import ContextIndex

_DIGIT = {
    "zero": 1, "oh": 1, "o": 1, "nought": 1, "one": 1, "two": 1, "three": 1, "four": 1, "five": 1, "six": 1,
    "seven": 1, "eight": 1, "nine": 1,
}
_WORD = r"(?:zero|oh|o|nought|one|two|three|four|five|six|seven|eight|nine)"
# Digit words (each maybe after `double` or `triple`), joined by spaces, commas or hyphens; at least five words,
# so that "one or two" or "five to nine" never starts a candidate.
_SPOKEN = re.compile(
    rf"(?i)(?<![\w-])(?:(?:double|triple)[ ]+)?{_WORD}(?:[ ,-]+(?:(?:double|triple)[ ]+)?{_WORD}){{4,}}(?![\w-])"
)
_REPEAT = {"double": 2, "triple": 3}


def _digits(spoken: str) -> int:
    count, times = 0, 1
    for word in re.findall(r"[a-z]+", spoken.lower()):
        if word in _REPEAT:
            times = _REPEAT[word]
        else:
            count += times * _DIGIT[word]
            times = 1
    return count


def spoken_findings(name: str, ctx: ContextIndex) -> list[Finding]:
    """Seven to fifteen spoken digits with a phone word nearest (the caller's question counts): score 0.7."""
    found = []
    for m in _SPOKEN.finditer(ctx.text):
        if not 7 <= _digits(m.group()) <= 15:
            continue
        if ctx.lean("PHONE_NUMBER", m.start(), m.end(), only_for=True) is Lean.FOR:
            found.append(Finding(name, "PHONE_NUMBER", m.start(), m.end(), 0.7))
    return found


_COUNTED = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "zero", " oh")


def may_hold_spoken(text: str) -> bool:
    """A cheap first cut (substring counts, a few microseconds per KB, where the pattern costs tens): a text with
    fewer than five digit words is not looked at."""
    if not text.isascii():
        return False
    low = text.lower()
    return sum(low.count(w) for w in _COUNTED) >= 5
