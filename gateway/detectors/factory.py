"""Build every configured guard once (regexes, Presidio analyzer, classifier) into a DetectorSet."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from gateway.detectors.base import Detector, Finding
from gateway.detectors.config import GuardConfig, GuardsConfig
from gateway.detectors.injection import InjectionDetector, Profile
from gateway.detectors.injection.classifier import Classifier
from gateway.detectors.kinds import DetectorKind, ObfuscatedEmails, PiiTier, Place
from gateway.detectors.leakage import LeakageDetector
from gateway.detectors.pattern import PatternDetector, compile_patterns
from gateway.detectors.pii import NER_MODEL, PiiDetector
from gateway.detectors.secrets import SECRET_KINDS, SecretsDetector


@dataclass(frozen=True, slots=True)
class GuardOutcome:
    """What one guard saw in one text: findings at or above its threshold, or the error it raised.

    The caller applies `guard.action`, `guard.mode` and, when `error` is set, `guard.on_error`."""

    guard: GuardConfig
    findings: tuple[Finding, ...]
    error: str | None = None


@dataclass(frozen=True, slots=True)
class BuiltGuard:
    config: GuardConfig
    detectors: Mapping[Place, Detector]


@dataclass(frozen=True, slots=True)
class DetectorSet:
    """The compiled guard set; immutable, shared by all requests, swapped whole on rule reload."""

    guards: tuple[BuiltGuard, ...]

    def for_place(self, place: Place) -> tuple[BuiltGuard, ...]:
        return tuple(g for g in self.guards if place in g.detectors)

    def scan(self, place: Place, text: str, references: tuple[str, ...] = ()) -> list[GuardOutcome]:
        """Run every guard that looks at `place`; a guard's exception becomes an outcome, never escapes.

        `references` feeds leakage guards (e.g. this request's system prompt)."""
        outcomes: list[GuardOutcome] = []
        for built in self.for_place(place):
            try:
                found = scan_guard(built, place, text, references)
            except Exception as exc:  # a crashing guard is a decision input (on_error), not a crash
                outcomes.append(GuardOutcome(built.config, (), f"{type(exc).__name__}: {exc}"))
                continue
            if found:
                outcomes.append(GuardOutcome(built.config, tuple(found)))
        return outcomes

    def scanner(self, name: str, place: Place) -> Callable[[str], list[Finding]]:
        """A threshold-filtered scan function for one guard, e.g. for a StreamRule."""
        built = next(g for g in self.guards if g.config.name == name)
        return lambda text: scan_guard(built, place, text, ())


def scan_guard(
    built: BuiltGuard, place: Place, text: str, references: tuple[str, ...], label: str | None = None
) -> list[Finding]:
    """`label`: the key the text sits under in a JSON tool result, read by PII guards as its context."""
    detector = built.detectors[place]
    if references and isinstance(detector, LeakageDetector):
        raw = detector.scan_against(text, references)
    elif label and isinstance(detector, _Renamed) and isinstance(detector.inner, PiiDetector):
        raw = detector.scan_labelled(text, label)
    else:
        raw = detector.scan(text)
    threshold = built.config.threshold_for(place)
    return [f for f in raw if f.score >= threshold]


def _profile(place: Place) -> Profile:
    return Profile.DOCUMENT if place is Place.TOOL_RESULT else Profile.CHAT


def build_detectors(
    config: GuardsConfig, classifier: Classifier | None = None, ner_model: str = NER_MODEL
) -> DetectorSet:
    """Compile every guard once. The shipped injection model is loaded unless one is passed in; weights
    that cannot be loaded give an unavailable model, whose scans fail (the guard's `on_error` applies).
    `ner_model` is the spaCy package of PII guards with `models: ner`.

    Reads no environment; PII analyzers are shared between guards with the same entities and tier."""
    pii_cache: dict[tuple[frozenset[str], PiiTier, ObfuscatedEmails], PiiDetector] = {}
    model = classifier
    built: list[BuiltGuard] = []
    for guard in config.guards:
        kind = guard.detector
        detectors: dict[Place, Detector] = {}
        if kind is DetectorKind.INJECTION:
            if guard.classifier and model is None:
                model = Classifier.load_default()
            for place in guard.where:
                detectors[place] = InjectionDetector(guard.name, _profile(place), model if guard.classifier else None)
        else:
            single: Detector
            if kind is DetectorKind.PII:
                key = (frozenset(guard.entities), guard.models, guard.obfuscated_emails)
                if key not in pii_cache:
                    pii_cache[key] = PiiDetector(
                        guard.name, guard.entities, guard.models is PiiTier.NER, guard.obfuscated_emails, ner_model
                    )
                single = _Renamed(guard.name, pii_cache[key])
            elif kind is DetectorKind.SECRETS:
                single = SecretsDetector(guard.name, frozenset(guard.entities) or SECRET_KINDS)
            elif kind is DetectorKind.LEAKAGE:
                single = LeakageDetector(guard.name, guard.min_words, guard.references)
            else:
                regexes = compile_patterns(guard.patterns, guard.keywords)
                single = PatternDetector(guard.name, guard.entity or guard.name.upper(), regexes)
            detectors = dict.fromkeys(guard.where, single)
        built.append(BuiltGuard(guard, detectors))
    return DetectorSet(tuple(built))


@dataclass(slots=True)  # not frozen: the Detector protocol declares a plain `name` attribute
class _Renamed:
    """A shared detector reporting under this guard's name."""

    name: str
    inner: Detector

    def scan(self, text: str) -> list[Finding]:
        return [Finding(self.name, f.entity, f.start, f.end, f.score) for f in self.inner.scan(text)]

    def scan_labelled(self, text: str, label: str) -> list[Finding]:
        inner = self.inner
        found = inner.scan_labelled(text, label) if isinstance(inner, PiiDetector) else inner.scan(text)
        return [Finding(self.name, f.entity, f.start, f.end, f.score) for f in found]
