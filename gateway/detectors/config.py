"""The `guards.yaml` vocabulary as frozen pydantic models, validated once at load."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from gateway.detectors.kinds import Action, DetectorKind, Mode, ObfuscatedEmails, OnError, PiiTier, Place
from gateway.detectors.pii_entities import NER_ENTITIES, PATTERN_ENTITIES
from gateway.detectors.secrets import SECRET_KINDS

_NAME = r"^[a-z][a-z0-9_-]{0,62}$"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class GuardConfig(_Frozen):
    """One guard: which detector, where it looks, what happens on a hit."""

    name: str = Field(pattern=_NAME)
    detector: DetectorKind
    where: tuple[Place, ...] = Field(min_length=1)
    action: Action
    mode: Mode = Mode.ENFORCE
    on_error: OnError = OnError.DENY
    threshold: float = Field(default=0.5, ge=0.0, le=1.0)
    # Per-place override, e.g. a stricter bar for tool results than for user input.
    thresholds: dict[Place, float] = Field(default_factory=dict)
    # pii: entity names to report; secrets: secret kinds; empty = all supported.
    entities: tuple[str, ...] = ()
    # pii only.
    models: PiiTier = PiiTier.PATTERNS
    # pii only: also report spelled-out addresses (`name[at]domain.de`; `words`: `name at domain dot com`).
    obfuscated_emails: ObfuscatedEmails = ObfuscatedEmails.OFF
    # injection only: a locally trained classifier as a second tier (off: it did not generalise
    # across held-apart sources; see bench/train_injection_classifier.py).
    classifier: bool = False
    # pattern only.
    patterns: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    entity: str | None = Field(default=None, pattern=r"^[A-Za-z][A-Za-z0-9_-]*$")
    # leakage only: how many consecutive words repeated verbatim count as a leak.
    min_words: int = Field(default=12, ge=3, le=200)
    references: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _check_kind_fields(self) -> GuardConfig:
        kind = self.detector
        if len(set(self.where)) != len(self.where):
            raise ValueError("'where' lists a place twice")
        for place, value in self.thresholds.items():
            if place not in self.where:
                raise ValueError(f"threshold for '{place}' but the guard does not look there")
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"threshold for '{place}' must be within 0..1")
        if kind is not DetectorKind.PATTERN and (self.patterns or self.keywords or self.entity):
            raise ValueError("'patterns', 'keywords' and 'entity' belong to pattern guards")
        if kind is DetectorKind.PATTERN:
            if not self.patterns and not self.keywords:
                raise ValueError("a pattern guard needs 'patterns' or 'keywords'")
            for i, pattern in enumerate(self.patterns):
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise ValueError(f"patterns[{i}] is not a valid regex: {exc}") from exc
        if kind is not DetectorKind.PII and self.obfuscated_emails is not ObfuscatedEmails.OFF:
            raise ValueError("'obfuscated_emails' belongs to pii guards")
        if kind is DetectorKind.PII:
            known = PATTERN_ENTITIES | (NER_ENTITIES if self.models is PiiTier.NER else frozenset())
            unknown = [e for e in self.entities if e not in known]
            if unknown:
                raise ValueError(f"unknown pii entities for models={self.models}: {unknown}")
        elif kind is DetectorKind.SECRETS:
            unknown = [e for e in self.entities if e not in SECRET_KINDS]
            if unknown:
                raise ValueError(f"unknown secret kinds: {unknown}")
        elif self.entities:
            raise ValueError("'entities' belongs to pii and secrets guards")
        if kind is not DetectorKind.LEAKAGE and self.references:
            raise ValueError("'references' belongs to leakage guards")
        if self.action is Action.REDACT and kind in (DetectorKind.INJECTION, DetectorKind.LEAKAGE):
            raise ValueError(f"{kind} guards cannot redact: use block or monitor")
        return self

    def threshold_for(self, place: Place) -> float:
        return self.thresholds.get(place, self.threshold)


class GuardsConfig(_Frozen):
    """The whole `guards.yaml` file."""

    version: Literal[1] = 1
    guards: tuple[GuardConfig, ...] = ()

    @model_validator(mode="after")
    def _unique_names(self) -> GuardsConfig:
        names = [g.name for g in self.guards]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"guard names must be unique: {dupes}")
        return self
