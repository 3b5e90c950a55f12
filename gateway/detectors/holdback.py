"""How much of a streamed text a detector may still match: the point from which text must be held back.

A hold function returns the index from which `text` must wait for more input, because a match could still
start there and extend past the current end. Everything before it can be released once scanned. Pure and cheap
(no detector runs): it only looks at the characters a pattern needs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from gateway.detectors.config import GuardConfig
from gateway.detectors.kinds import DetectorKind, PiiTier

Hold = Callable[[str], int]

# Entities written with digits (and IPv6 colons) that may run across spaces: '4111 1111 1111 1111',
# '+1 (212) 555-0100', 'GB82 WEST 1234 5698 7654 32', '078-05-1120'.
_SPANNING = frozenset({"PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "IP_ADDRESS"})
# The longest such match, separators included (an IBAN: 34 characters plus 8 group separators), with margin.
SPANNING_REACH = 64
_DIGITISH = re.compile(r"[0-9:]")


def open_token(text: str) -> int:
    """Start of the trailing token: no whitespace has closed it yet, so an e-mail, a key or a number can still
    grow from it ('jane.' + 'roe@example.org', 'AKIA' + 'IOSF…'). Patterns that cannot cross whitespace end
    before it."""
    for i in range(len(text) - 1, -1, -1):
        if text[i].isspace():
            return i + 1
    return 0


def _token_start(text: str, i: int) -> int:
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return i


def spanning_hold(text: str, reach: int = SPANNING_REACH) -> int:
    """Hold from the token of the first digit (or ':') within the last `reach` characters, and from an IBAN's
    two-letter country code just before it ('GB 82…'): a digit entity extending past the end starts there.
    No digit, nothing held."""
    m = _DIGITISH.search(text, max(len(text) - reach, 0))
    if m is None:
        return len(text)
    start = _token_start(text, m.start())
    if start >= 3 and text[start - 1] == " ":
        prev = _token_start(text, start - 1)
        if start - 1 - prev == 2 and text[prev : start - 1].isalpha():
            start = prev
    return start


def word_hold(spanning: bool) -> Hold:
    if not spanning:
        return open_token
    return lambda text: min(open_token(text), spanning_hold(text))


def hold_for(config: GuardConfig) -> Hold | None:
    """The hold function of a guard whose patterns are known; None for the others (NER names, custom regexes,
    leakage n-grams, injection), which keep the fixed hold-back window."""
    if config.detector is DetectorKind.SECRETS:
        return word_hold(spanning=False)
    if config.detector is DetectorKind.PII and config.models is PiiTier.PATTERNS:
        entities: Collection[str] = config.entities or _SPANNING
        return word_hold(spanning=bool(_SPANNING.intersection(entities)))
    return None
