"""PII metrics: span precision/recall per entity type (overlap and exact), false positives on clean rows."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from gateway.detectors.base import Finding
from gateway.detectors.factory import DetectorSet
from gateway.detectors.kinds import DetectorKind, Place
from gateway.evaluation.dataset import PiiRow
from gateway.evaluation.metrics import SpanCounts, match_spans, percentile

# Gold type (dataset vocabulary) -> scored type (detector vocabulary). Street addresses and
# geopolitical entities are both what the NER tier reports as LOCATION; gold typed with the
# detector's own names (LOCATION) is accepted as is. Other gold types
# (ORGANIZATION, DATE_TIME, TITLE, AGE, NRP, ZIP_CODE, DOMAIN_NAME, US_DRIVER_LICENSE) are
# outside the shipped PII policy and not scored.
GOLD_TO_SCORED: Mapping[str, str] = {
    "EMAIL_ADDRESS": "EMAIL_ADDRESS",
    "PHONE_NUMBER": "PHONE_NUMBER",
    "CREDIT_CARD": "CREDIT_CARD",
    "IBAN_CODE": "IBAN_CODE",
    "US_SSN": "US_SSN",
    "IP_ADDRESS": "IP_ADDRESS",
    "PERSON": "PERSON",
    "GPE": "LOCATION",
    "STREET_ADDRESS": "LOCATION",
    "LOCATION": "LOCATION",
}
STRUCTURED = ("EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "IP_ADDRESS")


def pii_predictor(detectors: DetectorSet) -> Callable[[PiiRow], list[Finding]]:
    def predict(row: PiiRow) -> list[Finding]:
        outcomes = detectors.scan(Place.INPUT, row.text)
        return [f for o in outcomes if o.guard.detector is DetectorKind.PII for f in o.findings]

    return predict


def run_pii(
    rows: Sequence[PiiRow],
    predict: Callable[[PiiRow], list[Finding]],
    clock: Callable[[], float] = time.perf_counter,
) -> tuple[list[list[Finding]], list[float]]:
    found, per_kb = [], []
    for row in rows:
        t0 = clock()
        found.append(predict(row))
        per_kb.append((clock() - t0) * 1000 / max(len(row.text.encode()) / 1024, 1e-9))
    return found, per_kb


def row_result(row: PiiRow, found: Sequence[Finding], types: Sequence[str]) -> dict[str, Any]:
    """One row: gold and predicted spans of the scored types, and which of them have no overlapping partner."""
    gold = [(GOLD_TO_SCORED[s.type], s.start, s.end) for s in row.spans if GOLD_TO_SCORED.get(s.type) in types]
    pred = [(f.entity, f.start, f.end, f.score) for f in found if f.entity in types]

    def hit(t: str, a: int, b: int, others: Sequence[tuple[Any, ...]]) -> bool:
        return any(o[0] == t and o[1] < b and a < o[2] for o in others)

    missed = [f"{t}:{row.text[a:b]}" for t, a, b in gold if not hit(t, a, b, pred)]
    extra = [f"{t}:{row.text[a:b]}" for t, a, b, _ in pred if not hit(t, a, b, gold)]
    return {
        "id": row.id,
        "ok": not missed and not extra,
        "lookalike_only": row.lookalike_only or not row.spans,
        "gold": [f"{t}:{row.text[a:b]}" for t, a, b in gold],
        "predicted": [f"{t}:{row.text[a:b]}:{score}" for t, a, b, score in pred],
        "missed": missed,
        "extra": extra,
    }


def pii_report(
    rows: Sequence[PiiRow],
    predictions: Sequence[Sequence[Finding]],
    latency_ms_per_kb: Sequence[float] = (),
    per_row: bool = False,
) -> dict[str, Any]:
    """Pure: per scored type, overlap and exact span matching; a type never predicted has recall 0.

    Look-alike-only rows (marked `lookalike_only`, or with no spans) measure how often text that holds
    no PII gets something redacted. `per_row` adds each row's gold, predicted, missed and extra spans."""
    predicted_types = {f.entity for fs in predictions for f in fs}
    types = sorted(
        set(GOLD_TO_SCORED.values())
        & (predicted_types | {GOLD_TO_SCORED[s.type] for r in rows for s in r.spans if s.type in GOLD_TO_SCORED})
    )
    overlap = dict.fromkeys(types, SpanCounts())
    exact = dict.fromkeys(types, SpanCounts())
    clean_rows = clean_rows_flagged = clean_fp_spans = 0  # look-alike-only rows: flagged or no spans
    for row, found in zip(rows, predictions, strict=True):
        for t in types:
            gold = [(s.start, s.end) for s in row.spans if GOLD_TO_SCORED.get(s.type) == t]
            pred = [(f.start, f.end) for f in found if f.entity == t]
            overlap[t] += match_spans(gold, pred, exact=False)
            exact[t] += match_spans(gold, pred, exact=True)
        if row.lookalike_only or not row.spans:
            clean_rows += 1
            scored = [f for f in found if f.entity in types]
            clean_fp_spans += len(scored)
            clean_rows_flagged += bool(scored)

    def total(table: dict[str, SpanCounts], only: Sequence[str]) -> SpanCounts:
        acc = SpanCounts()
        for t in only:
            acc += table[t]
        return acc

    structured = [t for t in types if t in STRUCTURED]
    all_overlap = total(overlap, structured)
    report: dict[str, Any] = {
        "precision": all_overlap.as_dict()["precision"],
        "recall": all_overlap.as_dict()["recall"],
        "scope": "structured types, overlap match",
        "structured_exact": total(exact, structured).as_dict(),
        "by_type": {t: {"overlap": overlap[t].as_dict(), "exact": exact[t].as_dict()} for t in types},
        "lookalike_only_rows": {
            "rows": clean_rows,
            "rows_flagged": clean_rows_flagged,
            "flag_rate": round(clean_rows_flagged / clean_rows, 4) if clean_rows else None,
            "false_positive_spans": clean_fp_spans,
        },
    }
    if per_row:
        report["rows"] = [row_result(row, found, types) for row, found in zip(rows, predictions, strict=True)]
    if latency_ms_per_kb:
        report["latency_ms_per_kb"] = {
            "p50": round(percentile(latency_ms_per_kb, 50), 4),
            "p99": round(percentile(latency_ms_per_kb, 99), 4),
        }
    return report
