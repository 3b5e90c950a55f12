"""Readers for the labelled JSONL formats (injection rows, PII rows with character spans)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class InjectionRow:
    id: str
    text: str
    is_injection: bool
    source: str
    kind: str  # "direct" | "indirect"
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def context_dependent(self) -> bool:
        return bool(self.meta.get("context_dependent", False))


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    type: str


@dataclass(frozen=True, slots=True)
class PiiRow:
    id: str
    text: str
    spans: tuple[Span, ...]
    source: str
    lookalike_only: bool = False  # written to hold only look-alikes (versions, order numbers, hashes…)


def _lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield n, json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{n}: not JSON: {exc}") from exc


def read_injection(path: Path) -> list[InjectionRow]:
    rows = []
    for n, obj in _lines(path):
        label = obj.get("label")
        if label not in ("injection", "benign") or obj.get("kind") not in ("direct", "indirect"):
            raise ValueError(f"{path}:{n}: label must be injection|benign and kind direct|indirect")
        rows.append(
            InjectionRow(
                str(obj["id"]),
                obj["text"],
                label == "injection",
                obj.get("source", "?"),
                obj["kind"],
                obj.get("meta") or {},
            )
        )
    return rows


def read_pii(path: Path) -> list[PiiRow]:
    rows = []
    for n, obj in _lines(path):
        text = obj["text"]
        spans = tuple(Span(int(s["start"]), int(s["end"]), str(s["type"])) for s in obj.get("spans", []))
        for s in spans:
            if not 0 <= s.start < s.end <= len(text):
                raise ValueError(f"{path}:{n}: span {s} outside the text")
        meta = obj.get("meta") or {}
        lookalike = bool(obj.get("lookalike_only", meta.get("lookalike_only", False)))
        rows.append(PiiRow(str(obj["id"]), text, spans, obj.get("source", "?"), lookalike))
    return rows
