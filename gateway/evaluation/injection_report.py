"""Injection metrics: overall, per kind, per source, CyberSecEval with and without context-dependent rows,
and the consistency of verdicts when the same rows are scanned in both placements."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any

from gateway.detectors.factory import DetectorSet
from gateway.detectors.kinds import DetectorKind, Place
from gateway.evaluation.dataset import InjectionRow
from gateway.evaluation.metrics import confusion, percentile

CYBERSECEVAL_PREFIX = "purplellama-cyberseceval"


class Placement(StrEnum):
    """Where the evaluated rows are scanned. `native`: by the row's kind (direct rows as user input,
    indirect rows as tool results); `user` / `tool_result`: every row there; `both`: every row in
    each of the two, plus how often the two verdicts differ."""

    NATIVE = "native"
    USER = "user"
    TOOL_RESULT = "tool_result"
    BOTH = "both"


def place_for(row: InjectionRow, placement: Placement = Placement.NATIVE) -> Place:
    """Direct rows are user input; indirect rows are content, i.e. what a tool result looks like."""
    if placement is Placement.USER:
        return Place.INPUT
    if placement is Placement.TOOL_RESULT:
        return Place.TOOL_RESULT
    return Place.TOOL_RESULT if row.kind == "indirect" else Place.INPUT


def injection_predictor(
    detectors: DetectorSet, placement: Placement = Placement.NATIVE
) -> Callable[[InjectionRow], bool]:
    """A row is flagged when any injection guard looking at its place reports a finding."""

    def predict(row: InjectionRow) -> bool:
        place = place_for(row, placement)
        if not any(g.config.detector is DetectorKind.INJECTION for g in detectors.for_place(place)):
            place = Place.INPUT
        outcomes = detectors.scan(place, row.text)
        return any(o.guard.detector is DetectorKind.INJECTION and (o.findings or o.error) for o in outcomes)

    return predict


def consistency_report(
    rows: Sequence[InjectionRow], as_user: Sequence[bool], as_tool_result: Sequence[bool]
) -> dict[str, Any]:
    """Pure: how many rows get a different verdict as user input than as a tool result, overall, by
    label and by source (the verdict should not depend on where a text arrives)."""
    triples = list(zip(rows, as_user, as_tool_result, strict=True))

    def share(selected: list[tuple[InjectionRow, bool, bool]]) -> dict[str, Any]:
        differ = sum(1 for _, a, b in selected if a != b)
        only_user = sum(1 for _, a, b in selected if a and not b)
        return {
            "rows": len(selected),
            "differ": differ,
            "share": round(differ / len(selected), 4) if selected else None,
            "flagged_only_as_user": only_user,
            "flagged_only_as_tool_result": differ - only_user,
        }

    report = share(triples)
    report["by_label"] = {
        label: share([t for t in triples if t[0].is_injection is (label == "injection")])
        for label in ("injection", "benign")
    }
    report["by_source"] = {s: share([t for t in triples if t[0].source == s]) for s in sorted({r.source for r in rows})}
    return report


def run_predictions(
    rows: Sequence[InjectionRow],
    predict: Callable[[InjectionRow], bool],
    clock: Callable[[], float] = time.perf_counter,
) -> tuple[list[bool], list[float]]:
    """Predictions and per-row latency in milliseconds per KB of UTF-8 text."""
    predictions, per_kb = [], []
    for row in rows:
        t0 = clock()
        predictions.append(predict(row))
        elapsed_ms = (clock() - t0) * 1000
        per_kb.append(elapsed_ms / max(len(row.text.encode()) / 1024, 1e-9))
    return predictions, per_kb


def injection_report(
    rows: Sequence[InjectionRow], predictions: Sequence[bool], latency_ms_per_kb: Sequence[float] = ()
) -> dict[str, Any]:
    """Pure: every metric from rows and their predictions."""
    pairs = list(zip(rows, predictions, strict=True))

    def summary(selected: list[tuple[InjectionRow, bool]]) -> dict[str, Any]:
        counts = confusion((r.is_injection, p) for r, p in selected)
        return {**counts.as_dict(), "rows": len(selected)}

    report: dict[str, Any] = summary(pairs)
    report["by_kind"] = {k: summary([x for x in pairs if x[0].kind == k]) for k in sorted({r.kind for r in rows})}
    report["by_kind_without_context_dependent"] = {
        k: summary([x for x in pairs if x[0].kind == k and not x[0].context_dependent])
        for k in sorted({r.kind for r in rows})
    }
    report["by_source"] = {s: summary([x for x in pairs if x[0].source == s]) for s in sorted({r.source for r in rows})}
    cse = [x for x in pairs if x[0].source.startswith(CYBERSECEVAL_PREFIX)]
    if cse:
        report["cyberseceval"] = {
            "recall_all": summary(cse)["recall"],
            "recall_without_context_dependent": summary([x for x in cse if not x[0].context_dependent])["recall"],
            "recall_context_dependent_only": summary([x for x in cse if x[0].context_dependent])["recall"],
            "by_kind": {
                k: {
                    "recall_all": summary([x for x in cse if x[0].kind == k])["recall"],
                    "recall_without_context_dependent": summary(
                        [x for x in cse if x[0].kind == k and not x[0].context_dependent]
                    )["recall"],
                }
                for k in sorted({x[0].kind for x in cse})
            },
        }
    if latency_ms_per_kb:
        report["latency_ms_per_kb"] = {
            "p50": round(percentile(latency_ms_per_kb, 50), 4),
            "p99": round(percentile(latency_ms_per_kb, 99), 4),
        }
    return report
