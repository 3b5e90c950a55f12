"""Context-gated recognizers that widen Presidio's card and phone coverage (other issuers, other locales)."""

from __future__ import annotations

import re

from gateway.detectors.base import Finding

# Card numbers from issuers Presidio's pattern omits (JCB 2131/1800, Maestro 12-digit, Mir 2xxx…):
# any 12–19 digits passing Luhn, but only next to a card word, since ~10% of random numbers pass Luhn.
_CARD = re.compile(r"(?<![\d-])(?:\d[ -]?){11,18}\d(?![\d-])")
_CARD_CONTEXT = re.compile(r"(?i)\b(?:card|credit|debit|visa|mastercard|amex|maestro|jcb|discover|diners|cc|pan)\b")
# Local-format phone numbers (7–15 digits in groups, or one unbroken run) next to a phone word.
# A label glued on with a dash ("…-Office") or an extension ("x769") may follow.
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}(?:[ .-]\d{2,6}){1,4}|\+?\d{7,15})"
    r"(?:\s?(?:x|ext\.?)\s?\d{1,5})?(?![\w]|-\d)"
)
_PHONE_CONTEXT = re.compile(
    r"(?i)\b(?:phone|call|calling|tel|telephone|mobile|cell|fax|reach|contact|dial|text|whatsapp|number|no|desk|office|"
    r"home|work|answering|messages?|registered|sms)\b"
)
_WINDOW = 48
# IBANs written in lower case, which Presidio's upper-case pattern misses; mod-97 decides.
_IBAN = re.compile(r"(?i)(?<![a-z0-9])[a-z]{2}\d{2}(?:[ -]?[a-z0-9]){11,30}(?![a-z0-9])")


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def iban_ok(candidate: str) -> bool:
    compact = re.sub(r"[ -]", "", candidate).upper()
    if not 15 <= len(compact) <= 34 or not compact.isalnum():
        return False
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def _near(context: re.Pattern[str], text: str, start: int, end: int) -> bool:
    return bool(context.search(text, max(0, start - _WINDOW), start) or context.search(text, end, end + 16))


# Digit strings a more specific recognizer has already explained are not also phone numbers.
_SPECIFIC = frozenset({"CREDIT_CARD", "US_SSN", "IP_ADDRESS", "IBAN_CODE"})


def drop_shadowed_phones(findings: list[Finding]) -> list[Finding]:
    specific = [f for f in findings if f.entity in _SPECIFIC]
    return [
        f
        for f in findings
        if f.entity != "PHONE_NUMBER" or not any(g.start < f.end and f.start < g.end for g in specific)
    ]


def context_findings(
    name: str, text: str, want_card: bool, want_phone: bool, want_iban: bool = False
) -> list[Finding]:
    found: list[Finding] = []
    if want_iban:
        for m in _IBAN.finditer(text):
            if not m.group()[:2].isupper() and iban_ok(m.group()):
                found.append(Finding(name, "IBAN_CODE", m.start(), m.end(), 0.8))
    if want_card:
        for m in _CARD.finditer(text):
            digits = re.sub(r"\D", "", m.group())
            if 12 <= len(digits) <= 19 and luhn_ok(digits) and _near(_CARD_CONTEXT, text, m.start(), m.end()):
                found.append(Finding(name, "CREDIT_CARD", m.start(), m.end(), 0.7))
    if want_phone:
        for m in _PHONE.finditer(text):
            n_digits = sum(c.isdigit() for c in m.group())
            if 7 <= n_digits <= 15 and _near(_PHONE_CONTEXT, text, m.start(), m.end()):
                found.append(Finding(name, "PHONE_NUMBER", m.start(), m.end(), 0.5))
    return found
