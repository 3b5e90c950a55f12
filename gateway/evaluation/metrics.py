"""Pure metric arithmetic: confusion counts, precision/recall/F1/FPR, span matching, percentiles."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Confusion:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def __add__(self, other: Confusion) -> Confusion:
        return Confusion(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn, self.tn + other.tn)

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def fpr(self) -> float | None:
        return _ratio(self.fp, self.fp + self.tn)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None if p is None or r is None else 0.0
        return 2 * p * r / (p + r)

    def as_dict(self) -> dict[str, float | int | None]:
        return {
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "f1": _round(self.f1),
            "fpr": _round(self.fpr),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
        }


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def confusion(pairs: Iterable[tuple[bool, bool]]) -> Confusion:
    """From (actual, predicted) pairs."""
    tp = fp = fn = tn = 0
    for actual, predicted in pairs:
        if actual and predicted:
            tp += 1
        elif predicted:
            fp += 1
        elif actual:
            fn += 1
        else:
            tn += 1
    return Confusion(tp, fp, fn, tn)


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass(frozen=True, slots=True)
class SpanCounts:
    """Span matching for one entity type: predictions that hit a gold span, gold spans that were found."""

    predicted: int = 0
    predicted_matched: int = 0
    gold: int = 0
    gold_matched: int = 0

    def __add__(self, other: SpanCounts) -> SpanCounts:
        return SpanCounts(
            self.predicted + other.predicted,
            self.predicted_matched + other.predicted_matched,
            self.gold + other.gold,
            self.gold_matched + other.gold_matched,
        )

    @property
    def precision(self) -> float | None:
        return _ratio(self.predicted_matched, self.predicted)

    @property
    def recall(self) -> float | None:
        return _ratio(self.gold_matched, self.gold)

    def as_dict(self) -> dict[str, float | int | None]:
        return {
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "predicted": self.predicted,
            "predicted_matched": self.predicted_matched,
            "gold": self.gold,
            "gold_matched": self.gold_matched,
        }


def match_spans(gold: Sequence[tuple[int, int]], predicted: Sequence[tuple[int, int]], exact: bool) -> SpanCounts:
    """Count matches of one type in one text; a match is any overlap, or identical offsets when `exact`."""

    def hit(a: tuple[int, int], b: tuple[int, int]) -> bool:
        return a == b if exact else overlaps(a, b)

    return SpanCounts(
        predicted=len(predicted),
        predicted_matched=sum(any(hit(p, g) for g in gold) for p in predicted),
        gold=len(gold),
        gold_matched=sum(any(hit(g, p) for p in predicted) for g in gold),
    )
