"""PII detector: own recognizers for structured identifiers behind a cheap pre-screen; optional Presidio NER tier.

Structured types (e-mail, phone, card, IBAN, SSN, IP) are found by the recognizers beside this module:
a shape, the standard's validity check, and the context words around the candidate. They replaced
Presidio's pattern recognizers, which cost 18 ms per KB on digit-dense text (`bench/pii_cost.py`).
Presidio remains the engine of the NER tier (PERSON, LOCATION from a local spaCy model), in `pii_ner`, which
imports spaCy and Presidio only when the tier is on."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

import tldextract

from gateway.detectors.base import Finding
from gateway.detectors.kinds import ObfuscatedEmails
from gateway.detectors.pii_email import AT_SIGNS, email_findings, obfuscation_marked, private_domain
from gateway.detectors.pii_entities import NER_ENTITIES, PATTERN_ENTITIES
from gateway.detectors.pii_ner import NER_MODEL, MissingModelError, NerAnalyzer, ner_analyzer
from gateway.detectors.pii_net import ip_findings
from gateway.detectors.pii_numbers import card_findings, iban_findings, ssn_findings
from gateway.detectors.pii_phone import phone_findings
from gateway.detectors.pii_regions import preload_metadata
from gateway.detectors.pii_spoken import may_hold_spoken
from gateway.detectors.pii_words import ContextIndex

__all__ = ["NER_MODEL", "MissingModelError", "PiiDetector", "drop_shadowed_phones"]


# Necessary conditions of the structured types, one cheap test per family: a text none fires on cannot
# hold that entity, so skipping its recognizers loses no recall. The recognizers' own regexes are the
# finer screen (a per-type regex pre-screen cost more than it saved on digit-dense text).
# ASCII digits and the Arabic-Indic, Persian, Devanagari, Bengali and fullwidth ones phones are written with
# (`۰۹۱۲ ۴۸۳ ۳۰۷۷`, `০১৮১৯-৪০৮২৭৩`, `０６－６３７１－２０４８`).
_OTHER_DIGITS = "".join(
    chr(c) for first in (0x0660, 0x06F0, 0x0966, 0x09E6, 0xFF10) for c in range(first, first + 10)
)
_DIGIT_FREE = str.maketrans("", "", "0123456789" + _OTHER_DIGITS)
# `d.d.d.d` or `:hex:` (every `h:h:` holds one); written to start with the literal `.` or `:`, which the regex engine
# skips to directly, where a leading `\d` is tried at every digit of digit-dense text.
_IP_SHAPE = re.compile(r"\.(?<=\d\.)\d{1,3}\.\d{1,3}\.\d|:[0-9A-Fa-f]{0,4}:")
_NUMERIC = ("PHONE_NUMBER", "CREDIT_CARD", "US_SSN", "IBAN_CODE")  # each needs at least 7 digits
_NER_PRESCREEN = re.compile(r"[A-Z]")  # the small English model only tags capitalised names
# Digit strings a more specific recognizer has already explained are not also phone numbers.
_SPECIFIC = frozenset({"CREDIT_CARD", "US_SSN", "IP_ADDRESS", "IBAN_CODE"})


def drop_shadowed_phones(findings: list[Finding]) -> list[Finding]:
    """A phone finding and a more specific one (card, SSN, IBAN, IP) over the same digits: the specific one
    wins, unless the phone scores higher, i.e. a phone word or key labels the digits and nothing labels them as
    the other type (`{"phone": 4915112345678}` is a number that also passes Luhn, not a card)."""
    specific = [f for f in findings if f.entity in _SPECIFIC and f.score >= 0.4]
    phones = [f for f in findings if f.entity == "PHONE_NUMBER"]
    beaten: set[int] = set()
    for f in phones:
        rivals = [g for g in specific if g.start < f.end and f.start < g.end]
        if rivals and all(f.score > g.score for g in rivals):
            beaten.update(id(g) for g in rivals)
        elif rivals:
            beaten.add(id(f))
    return [f for f in findings if id(f) not in beaten]


def drop_inside_iban(findings: list[Finding]) -> list[Finding]:
    """A card, phone or SSN whose digits lie inside an IBAN (`RO67 VZNR 6951 2503 1610 0301` holds a Luhn-valid
    sixteen-digit run): the account's digits, not a second value."""
    ibans = [(f.start, f.end) for f in findings if f.entity == "IBAN_CODE"]
    if not ibans:
        return findings
    return [
        f for f in findings if f.entity == "IBAN_CODE" or not any(a <= f.start and f.end <= b for a, b in ibans)
    ]


# Two digit groups: a phone of five or six digits is written grouped (`31 82 07`); an ungrouped run is a code.
_GROUPED = re.compile(r"\d[ .\-/\u00b7]\d")


class PiiDetector:
    """Thread-safe after construction: the recognizers are pure functions, Presidio's analyze() keeps no
    per-call state on the engine."""

    __slots__ = ("_domain_ok", "_entities", "_ner", "_obfuscated", "_recognizers", "name")

    def __init__(
        self,
        name: str,
        entities: Collection[str] = (),
        use_ner: bool = False,
        obfuscated_emails: ObfuscatedEmails = ObfuscatedEmails.OFF,
        ner_model: str = NER_MODEL,
    ) -> None:
        self.name = name
        wanted = frozenset(entities) or (PATTERN_ENTITIES | (NER_ENTITIES if use_ner else frozenset()))
        self._entities = wanted
        self._obfuscated = obfuscated_emails
        # The public suffix list snapshot shipped with tldextract: never fetched from the network.
        extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)
        self._domain_ok: Callable[[str], bool] = lambda domain: bool(extract(domain).fqdn) or private_domain(domain)
        self._recognizers: dict[str, Callable[[ContextIndex], list[Finding]]] = {
            "EMAIL_ADDRESS": lambda c: email_findings(name, c.text, self._domain_ok, self._obfuscated),
            "PHONE_NUMBER": lambda c: phone_findings(name, c),
            "CREDIT_CARD": lambda c: card_findings(name, c),
            "IBAN_CODE": lambda c: iban_findings(name, c),
            "US_SSN": lambda c: ssn_findings(name, c),
            "IP_ADDRESS": lambda c: ip_findings(name, c),
        }
        self._ner: NerAnalyzer | None = ner_analyzer(ner_model) if use_ner and wanted & NER_ENTITIES else None
        if "PHONE_NUMBER" in wanted:
            preload_metadata()
        self.scan("warm-up: mail a.b@example.com, call +1 212 555 0100, 4111 1111 1111 1111, 10.0.0.1, Paris")

    def scan_labelled(self, text: str, label: str) -> list[Finding]:
        return self.scan(text, label=label)

    def candidates(self, text: str) -> list[str]:
        """Entities that could possibly be in `text` (the pre-screen)."""
        digits = len(text) - len(text.translate(_DIGIT_FREE))
        found = []
        at_sign = any(mark in text for mark in AT_SIGNS)
        if "EMAIL_ADDRESS" in self._entities and (at_sign or obfuscation_marked(text, self._obfuscated)):
            found.append("EMAIL_ADDRESS")
        if digits >= 7:
            found.extend(e for e in _NUMERIC if e in self._entities)
        elif "PHONE_NUMBER" in self._entities and (
            (digits >= 5 and _GROUPED.search(text)) or may_hold_spoken(text)
        ):
            found.append("PHONE_NUMBER")  # a small country's grouped number, or digits spoken in a transcript
        if "IP_ADDRESS" in self._entities and (("." in text or ":" in text) and _IP_SHAPE.search(text)):
            found.append("IP_ADDRESS")
        if self._ner and _NER_PRESCREEN.search(text):
            found.extend(e for e in sorted(NER_ENTITIES) if e in self._entities)
        return found

    def scan(self, text: str, prescreen: bool = True, label: str | None = None) -> list[Finding]:
        """Findings of every wanted entity; `prescreen=False` runs every recognizer (to check the screen).

        `label`: the key `text` sits under in a JSON result; for a bare value it is the context word."""
        entities = self.candidates(text) if prescreen else sorted(self._entities)
        if not entities:
            return []
        structured = [self._recognizers[e] for e in entities if e in self._recognizers]
        ctx = ContextIndex(text, label) if structured else None
        found = [f for recognize in structured for f in recognize(ctx)] if ctx else []
        if self._ner is not None:
            wanted = [e for e in entities if e in NER_ENTITIES]
            if wanted:
                results = self._ner.analyze(text=text, language="en", entities=wanted)
                found += [Finding(self.name, r.entity_type, r.start, r.end, round(float(r.score), 3)) for r in results]
        return sorted(drop_inside_iban(drop_shadowed_phones(found)), key=lambda f: (f.start, f.end))
