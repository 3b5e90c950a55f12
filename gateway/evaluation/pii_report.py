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
# geopolitical entities are both what the NER tier reports as LOCATION. Other gold types
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


def pii_report(
    rows: Sequence[PiiRow], predictions: Sequence[Sequence[Finding]], latency_ms_per_kb: Sequence[float] = ()
) -> dict[str, Any]:
    """Pure: per scored type, overlap and exact span matching; a type never predicted has recall 0."""
    predicted_types = {f.entity for fs in predictions for f in fs}
    types = sorted(
        set(GOLD_TO_SCORED.values())
        & (predicted_types | {GOLD_TO_SCORED[s.type] for r in rows for s in r.spans if s.type in GOLD_TO_SCORED})
    )
    overlap = dict.fromkeys(types, SpanCounts())
    exact = dict.fromkeys(types, SpanCounts())
    clean_rows = clean_rows_flagged = clean_fp_spans = 0
    for row, found in zip(rows, predictions, strict=True):
        for t in types:
            gold = [(s.start, s.end) for s in row.spans if GOLD_TO_SCORED.get(s.type) == t]
            pred = [(f.start, f.end) for f in found if f.entity == t]
            overlap[t] += match_spans(gold, pred, exact=False)
            exact[t] += match_spans(gold, pred, exact=True)
        if not row.spans:
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
        "rows_without_spans": {
            "rows": clean_rows,
            "rows_flagged": clean_rows_flagged,
            "false_positive_spans": clean_fp_spans,
        },
    }
    if latency_ms_per_kb:
        report["latency_ms_per_kb"] = {
            "p50": round(percentile(latency_ms_per_kb, 50), 4),
            "p99": round(percentile(latency_ms_per_kb, 99), 4),
        }
    return report
