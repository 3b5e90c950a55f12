"""Card numbers, US SSNs and IBANs: candidates by shape, kept when the standard check and the context agree."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gateway.detectors.base import Finding
from gateway.detectors.pii_checks import IBAN_LENGTHS, aba_ok, card_network, embedded, iban_ok, luhn_ok, ssn_ok
from gateway.detectors.pii_tags import Lean
from gateway.detectors.pii_words import ContextIndex

AGAINST_SCORE = 0.15  # an identifier word is the nearest context: reported, below any sensible threshold

# 4-4-4-4(-3), 4-6-5 / 4-6-4 (Amex, Diners), 4-4-4(-1/2), or one unbroken run of 12-19 digits.
# One separator throughout: `4111 1111-1111.1111` is not how any issuer or form prints a card.
# Separators: space, dash, dot, and the no-break / narrow no-break spaces of typeset text. The first four digits are
# matched once for every form.
_CARD = re.compile(
    r"(?<!\d)\d{4}(?:([ .\-\u00a0\u202f])\d{4}\1\d{4}\1\d{4}(?:\1\d{3})?"
    r"|([ .\-\u00a0\u202f])\d{6}\2\d{4,5}"
    r"|([ .\-\u00a0\u202f])\d{4}\3\d{4}(?:\3\d{1,2})?|\d{8,15})(?!\d)"
)
# 3-2-4 with one separator throughout: a dash, a typeset en dash (\u2013), a space or a dot. Matched from its first
# separator, which the regex engine skips to (a pattern that starts with a digit is tried at every digit of
# digit-dense text); the look-behind asks for the three digits before it.
_SSN_SPLIT = re.compile(r"([- .\u2013])(?<=(?<![\d-])\d{3}[- .\u2013])(\d{2})\1(\d{4})(?!\d)")
# A key that names a US taxpayer id (`taxId`, `tax_id`, `TaxIdNumber`, `Taxpayer ID:`, `TIN`), right before the value:
# an EIN is written 12-3456789, so a value in the 3-2-4 form under it is an SSN.
_TAX_KEY = re.compile(
    r"(?i)(?<![^\W_])(?:(?:taxpayer|tax)[\s_-]?id(?:entification)?(?:[\s_-]?(?:no|number|nr))?|tin)[\"'\s]{0,2}[:=][\s\"']{0,2}$"
)
# A number read out in a call or typed as it is said: its groups joined by a pause (`4927... 6470... 0552... 6132`,
# `137, 81, 6975`, `5507 - 1462 - 0916 - 9471`, `3564、7855`), one kind of pause throughout. A list of numbers looks
# the same, so such a form counts only where the type's word is the nearest context. Matched from the first pause
# (its first group in the look-behind), as `_SSN_SPLIT` is, and only in a text that names the type somewhere.
_PAUSE = r"(?:\s?(?:\.{2,3}|…)\s?|,\s?|、|\s[-–]\s)"
_CARD_SPOKEN = re.compile(
    rf"(?<=(?<![\d,.])\d{{4}})({_PAUSE})(?:\d{{4}}\1\d{{4}}\1\d{{4}}(?:\1\d{{1,3}})?|\d{{6}}\1\d{{4,5}})(?!\d)"
)
_SSN_SPOKEN = re.compile(rf"(?<=(?<![\d,.])\d{{3}})({_PAUSE})(\d{{2}})\1(\d{{4}})(?!\d)")
_SSN_RUN = re.compile(r"(?<!\d)(?=\d{9}(?!\d))(\d{3})(\d{2})(\d{4})(?!\d)")
_NON_DIGIT = re.compile(r"\D")
_IBAN_START = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{2})\d{2}")


def _chained(text: str, start: int, end: int, sep: str) -> bool:
    """A group of four characters (with a digit) joined by the same separator right before the match, or
    of four digits right after it."""
    before = text[max(0, start - 5) : start]
    after = text[end : end + 6]
    group = before[:4]
    left = len(before) == 5 and before[4] == sep and group.isalnum() and any(c.isdigit() for c in group)
    if left and (start < 6 or not text[start - 6].isalnum()):
        return True
    return len(after) >= 5 and after[0] == sep and after[1:5].isdigit() and (len(after) == 5 or not after[5].isalnum())


def card_findings(name: str, ctx: ContextIndex) -> list[Finding]:
    """Luhn and a network's prefix and length; 1.0 with a card word, 0.8 grouped, 0.5 an unbroken run.

    A Luhn-valid number outside the network table (private-label cards, ranges the table does not
    list) counts only with a card word nearest (0.7)."""
    text = ctx.text
    found = []
    for m in _CARD.finditer(text):
        value = m.group()
        digits = value if value.isdecimal() else _NON_DIGIT.sub("", value)
        # Glued into a longer token (a tracking number, a hash: tested before Luhn, which costs more), no Luhn, or
        # one repeated digit: `0000 0000 0000 0000` passes Luhn and is a placeholder.
        if embedded(text, m.start(), m.end()) or not luhn_ok(digits) or len(set(digits)) == 1:
            continue
        grouped = len(digits) != len(value)
        if grouped and _chained(text, m.start(), m.end(), m.group(1) or m.group(2) or m.group(3)):
            continue  # four groups of a longer grouped run: an IBAN, a USPS tracking number
        pull = ctx.lean("CREDIT_CARD", m.start(), m.end(), strong=grouped)
        if card_network(digits) is None:
            if pull is not Lean.FOR:
                continue
            score = 0.7
        else:
            score = {Lean.FOR: 1.0, Lean.AGAINST: AGAINST_SCORE}.get(pull, 0.8 if grouped else 0.5)
        found.append(Finding(name, "CREDIT_CARD", m.start(), m.end(), score))
    for m in _CARD_SPOKEN.finditer(text) if ctx.names("CREDIT_CARD") else ():
        start = m.start() - 4
        digits = _NON_DIGIT.sub("", text[start : m.end()])
        if luhn_ok(digits) and card_network(digits) is not None and _spoken_for(ctx, "CREDIT_CARD", start, m.end()):
            found.append(Finding(name, "CREDIT_CARD", start, m.end(), 1.0))
    return found


def _spoken_for(ctx: ContextIndex, entity: str, start: int, end: int) -> bool:
    """Whether the type's word is the nearest context of a number read out in groups (`_PAUSE`)."""
    if ctx.lean(entity, start, end) is Lean.FOR:
        return True
    return ctx.named_earlier(entity, start) or ctx.said_before(entity, start)


def ssn_findings(name: str, ctx: ContextIndex) -> list[Finding]:
    """SSA-valid area/group/serial; 0.85 with an SSN word, 0.5 in the 3-2-4 form, unbroken only with the word (in
    its own sentence or announced in the sentence before).

    An unbroken run that passes the ABA routing checksum needs the SSN word to be the nearest one."""
    text = ctx.text
    found = []
    for start, end, area, group, serial, split in _ssn_candidates(text):
        if not ssn_ok(area, group, serial) or ctx.in_token(start, end, "US_SSN"):
            continue
        pull = ctx.lean("US_SSN", start, end, strong=split)
        if pull is Lean.AGAINST and split and _TAX_KEY.search(text, max(0, start - 40), start):
            pull = Lean.FOR  # `"taxId": "531-25-1492"`: a person's US taxpayer id in the SSN's own 3-2-4 form is one
        if pull is Lean.FOR:
            score = 0.85
        elif pull is Lean.AGAINST:
            score = AGAINST_SCORE
        elif ctx.named_earlier("US_SSN", start) or ctx.said_before("US_SSN", start):
            score = 0.85  # "… the applicant's SSN. It is 536904399.": announced a sentence back, or asked for in a call
        elif split and not aba_ok(area + group + serial):
            score = 0.5
        else:
            continue
        found.append(Finding(name, "US_SSN", start, end, score))
    for m in _SSN_SPOKEN.finditer(text) if ctx.names("US_SSN") else ():
        start = m.start() - 3
        if ssn_ok(text[start : m.start()], m.group(2), m.group(3)) and _spoken_for(ctx, "US_SSN", start, m.end()):
            found.append(Finding(name, "US_SSN", start, m.end(), 0.85))
    return found


def _ssn_candidates(text: str) -> Iterator[tuple[int, int, str, str, str, bool]]:
    """(start, end, area, group, serial, split) of each 3-2-4 SSN shape, then of each nine-digit run."""
    for m in _SSN_SPLIT.finditer(text):
        start = m.start() - 3
        yield start, m.end(), text[start : m.start()], m.group(2), m.group(3), True
    for m in _SSN_RUN.finditer(text):
        yield m.start(), m.end(), m.group(1), m.group(2), m.group(3), False


def iban_findings(name: str, ctx: ContextIndex) -> list[Finding]:
    """Known country, that country's length (spaces or dashes allowed between characters), mod-97."""
    text = ctx.text
    found = []
    n = len(text)
    for m in _IBAN_START.finditer(text):
        want = IBAN_LENGTHS.get(m.group(1).upper())
        if want is None:
            continue
        i, count = m.start(), 0
        while i < n and count < want:
            ch = text[i]
            if ch.isascii() and ch.isalnum():
                count += 1
                i += 1
            elif ch in " -" and count >= 4 and i + 1 < n and text[i + 1].isalnum():
                i += 1
            else:
                break
        if count == want and not embedded(text, m.start(), i) and iban_ok(text[m.start() : i]):
            found.append(Finding(name, "IBAN_CODE", m.start(), i, 1.0))
    return found
