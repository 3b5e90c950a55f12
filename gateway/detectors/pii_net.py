"""E-mail addresses (plain and, when the guard asks, obfuscated) and IP addresses with a real parse."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable

from gateway.detectors.base import Finding
from gateway.detectors.kinds import ObfuscatedEmails
from gateway.detectors.pii_checks import embedded
from gateway.detectors.pii_numbers import AGAINST_SCORE
from gateway.detectors.pii_words import VERSION_MARKERS, ContextIndex, Lean

_LOCAL = re.compile(r"(?<![\w.+-])[\w+-]+(?:\.[\w+-]+)*\Z")
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)+")
# "@" may be written plainly when a dot is bracketed (`name@domain[.]com`), or full-width (`name＠domain.jp`).
_AT_BRACKET = r"(?:\s*[\[({<]\s*(?:at|@|arroba|ät|chez)\s*[\]})>]\s*|\s*＠\s*|@)"
_DOT_BRACKET = r"(?:\s*[\[({<]\s*(?:dot|punkt|punto|point|ponto|kropka|punt|\.)\s*[\]})>]\s*|\.)"
_OBFUSCATED_BRACKETS = re.compile(
    rf"(?i)(?<![\w.+-])([\w+-]+(?:\.[\w+-]+)*){_AT_BRACKET}([\w-]+(?:{_DOT_BRACKET}[\w-]+)+)(?![\w-])"
)
_DOT_WORD = r"\s+(?:dot|punkt|punto|point|ponto|kropka|punt)\s+"
_OBFUSCATED_WORDS = re.compile(
    rf"(?i)(?<![\w.+-])([\w+-]+(?:\.[\w+-]+)*)\s+(?:at|arroba)\s+([\w-]+(?:{_DOT_WORD}[\w-]+)+)(?![\w-])"
)
# Cheap markers: the full obfuscated-address regexes run only on texts that hold one.
AT_MARK = {
    ObfuscatedEmails.BRACKETS: re.compile(r"(?i)[\[({<]\s*(?:at|@|arroba|ät|chez|\.|dot)\s*[\]})>]|＠"),
    ObfuscatedEmails.WORDS: re.compile(r"(?i)\s(?:at|arroba)\s"),
}
_DOT_SPLIT = re.compile(rf"(?i){_DOT_BRACKET}|{_DOT_WORD}")

_IPV4 = re.compile(r"(?<![\w.])(?=\d{1,3}\.)(?:\d{1,3}\.){3}\d{1,3}(?!\w|\.\d)")
_IPV6 = re.compile(r"(?<![\w:])(?=[0-9A-Fa-f]{0,4}:)(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])")

DomainCheck = Callable[[str], bool]


def email_findings(name: str, text: str, domain_ok: DomainCheck, obfuscated: ObfuscatedEmails) -> list[Finding]:
    """Plain addresses whose domain ends in a public suffix (1.0); obfuscated forms when the rule asks.

    `name[at]domain.de`, `name (at) domain [dot] com` score 0.8 under `brackets`; `name at domain dot
    com` (the word "dot" spelled out) 0.6 under `words`, which also includes the bracket forms."""
    found = []
    at = text.find("@")
    while at >= 0:  # anchored on each "@": a regex scan of every word of a long text costs more
        local = _LOCAL.search(text, max(0, at - 64), at)
        domain = _DOMAIN.match(text, at + 1)
        if local and domain:
            end = domain.end()
            while text[end - 1] in ".-":
                end -= 1
            if domain_ok(text[at + 1 : end]):
                found.append(Finding(name, "EMAIL_ADDRESS", local.start(), end, 1.0))
        at = text.find("@", at + 1)
    forms: list[tuple[re.Pattern[str], float]] = []
    if obfuscated is not ObfuscatedEmails.OFF and AT_MARK[ObfuscatedEmails.BRACKETS].search(text):
        forms.append((_OBFUSCATED_BRACKETS, 0.8))
    if obfuscated is ObfuscatedEmails.WORDS and AT_MARK[ObfuscatedEmails.WORDS].search(text):
        forms.append((_OBFUSCATED_WORDS, 0.6))
    for rx, score in forms:
        for hit in rx.finditer(text):
            if "@" in hit.group() and not AT_MARK[ObfuscatedEmails.BRACKETS].search(hit.group()):
                continue  # a plain address: found above, or rejected there
            spelled = ".".join(_DOT_SPLIT.split(hit.group(2)))
            if domain_ok(spelled) and not any(f.start < hit.end() and hit.start() < f.end for f in found):
                found.append(Finding(name, "EMAIL_ADDRESS", hit.start(), hit.end(), score))
    return found


def _ip_score(ctx: ContextIndex, start: int, end: int) -> float:
    pull = ctx.lean("IP_ADDRESS", start, end, strong=True)
    return {Lean.FOR: 0.9, Lean.AGAINST: AGAINST_SCORE}.get(pull, 0.6)


def ip_findings(name: str, ctx: ContextIndex) -> list[Finding]:
    """IPv4/IPv6 that parse; never a version (`v`/`version`/`build`/`OID` … right before, a `-`/`+`
    suffix, more than four dotted parts), a MAC (six pairs of hex digits) or a time (`10:30:45`)."""
    text = ctx.text
    found = []
    for m in _IPV4.finditer(text):
        start, end = m.start(), m.end()
        if embedded(text, start, end) or ctx.word_before(start) in VERSION_MARKERS:
            continue
        if end + 1 < len(text) and text[end] in "-+" and text[end + 1].isalnum():
            continue  # 8.0.20.101-beta, 1.2.3.4+build5
        try:
            ipaddress.IPv4Address(m.group())
        except ValueError:
            continue
        found.append(Finding(name, "IP_ADDRESS", start, end, _ip_score(ctx, start, end)))
    for m in _IPV6.finditer(text):
        value = m.group()
        groups = [g for g in value.split(":") if g]
        if "::" not in value and len(value.split(":")) != 8:
            continue  # MACs (6 groups), times (3 groups)
        if len(groups) < 2 or not any(c.isdigit() for c in value):
            continue  # C++ `std::map`, `dead::beef`
        try:
            ipaddress.IPv6Address(value)
        except ValueError:
            continue
        found.append(Finding(name, "IP_ADDRESS", m.start(), m.end(), _ip_score(ctx, m.start(), m.end())))
    return found
