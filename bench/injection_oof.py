"""Calibration shares chosen on out-of-fold scores: what the thresholds give on writers the model never saw.

`train_injection_model.py` picks each placement's `block` and `boost` thresholds as quantiles of its
calibration split (`FPR_BLOCK`, `FPR_BOOST`: the share of ordinary / hard benign calibration text allowed
above them). The calibration split comes from the same writers as the training split, so those shares
under-state the false-positive rate on a new writer's text (the cross-writer folds: 1.6-3.0% of a held-out
writer's ordinary requests blocked at a calibrated 0.1% + 0.5%).

This script reads the per-item scores of the cross-writer folds (`--scores` of the training script) and
turns every held-out score into its fold's *exceedance rate*: the share of that fold's calibration
ordinary (and hard) benign scores at or above it. Exceedance rates are on one scale across folds, so the
held-out items of every fold pool. For each candidate triple of shares (block on ordinary, block on hard,
boost on ordinary) per placement it gives the pooled held-out recall and false-positive rates of the
shipped combination: the real `InjectionDetector` with a stand-in model tier whose score is what those
thresholds would give (block: flagged; boost: the detector's noisy-OR with the rule cues; below: nothing).

Usage:
  python bench/injection_oof.py DEV.jsonl --corpus-cache FILE SCORES.json [SCORES.json ...] [--json]
"""

from __future__ import annotations

import argparse
import json
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from injection_data import Item, corpus_chunks, every_source
from train_injection_model import FPR_BLOCK, FPR_BOOST

from gateway.detectors.injection import InjectionDetector, Profile
from gateway.detectors.injection.classifier import BOOST

# DEV's benign-only sources (ordinary requests from public sets), held out together: a fold like a writer's.
HELD_OUT_DEV = "loso:dev-benign-only"
GRID_ORDINARY = (0.001, 0.002, 0.003, 0.005, 0.01)
GRID_HARD = (0.01, 0.015, 0.02, 0.03, 0.05)
GRID_BOOST = (0.002, 0.005, 0.01, 0.02)


class _FixedTier:
    """The model tier of the detector, answering one fixed score on the detector's scale."""

    def __init__(self, score: float) -> None:
        self._score = score

    def probability(self, text: str, profile: str) -> float:
        return self._score


@dataclass(frozen=True, slots=True)
class Held:
    """One held-out item: its exceedance rates in its fold, and the detector's verdict without the model
    tier and with a boost-level model finding."""

    profile: str
    y: int
    hard: bool
    corpus: bool
    context_dependent: bool
    p: float
    ex_ordinary: float
    ex_hard: float
    rules: bool
    boosted: bool


def _exceedance(sorted_scores: Sequence[float], p: float) -> float:
    """Share of `sorted_scores` (ascending) at or above `p`."""
    if not sorted_scores:
        return 0.0
    return (len(sorted_scores) - bisect_left(sorted_scores, p)) / len(sorted_scores)


def held_items(items: Sequence[Item], folds: dict[str, dict[str, list[list[float]]]]) -> list[Held]:
    det = {
        (prof, boost): InjectionDetector("injection", Profile(prof), _FixedTier(BOOST) if boost else None)  # type: ignore[arg-type]
        for prof in ("chat", "document")
        for boost in (False, True)
    }
    verdicts: dict[tuple[str, str], tuple[bool, bool]] = {}

    def verdict(it: Item) -> tuple[bool, bool]:
        key = (it.profile, it.text)
        if key not in verdicts:
            plain, boosted = (
                max((f.score for f in det[(it.profile, b)].scan(it.text)), default=0.0) >= 0.5 for b in (False, True)
            )
            verdicts[key] = (plain, boosted)
        return verdicts[key]

    out = []
    for fold in folds.values():
        calib: dict[tuple[str, bool], list[float]] = {}
        for i, p in fold["calib"]:
            it = items[int(i)]
            if not it.y:  # as `calibrate` reads the split: corpus chunks are ordinary benign text too
                calib.setdefault((it.profile, it.hard), []).append(p)
        for scores in calib.values():
            scores.sort()
        for i, p in fold["test"]:
            it = items[int(i)]
            if it.group == "own":
                continue  # held out of every fold: it would count once per fold
            rules, boosted = verdict(it)
            out.append(Held(
                it.profile, it.y, it.hard, it.group.startswith("corpus:"), it.context_dependent, p,
                _exceedance(calib.get((it.profile, False), []), p), _exceedance(calib.get((it.profile, True), []), p),
                rules, boosted,
            ))
    return out


def rates(held: Sequence[Held], profile: str, q_ord: float, q_hard: float, q_boost: float) -> dict[str, float]:
    """Pooled recall and FPRs of one placement at these calibration shares (block needs both shares, as
    `calibrate` takes the larger threshold, and never under a raw 0.5; boost never under a raw 0.05)."""

    def flagged(h: Held) -> bool:
        if h.ex_ordinary <= q_ord and h.ex_hard <= q_hard and h.p >= 0.5:
            return True
        return h.boosted if h.ex_ordinary <= q_boost and h.p >= 0.05 else h.rules

    mine = [h for h in held if h.profile == profile]
    groups = {
        "recall": [h for h in mine if h.y and not h.context_dependent],
        "fpr_ordinary": [h for h in mine if not h.y and not h.hard and not h.corpus],
        "fpr_hard": [h for h in mine if not h.y and h.hard],
        "fpr_corpus": [h for h in mine if h.corpus],
    }
    return {k: round(sum(map(flagged, g)) / len(g), 4) if g else 0.0 for k, g in groups.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dev", type=Path)
    ap.add_argument("scores", type=Path, nargs="+", help="--scores files of cross-writer fold runs")
    ap.add_argument("--corpus-cache", type=Path, required=True)
    ap.add_argument("--requests", type=int, default=15000, help="as given to the training run")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    items = every_source(args.dev, corpus_chunks(args.corpus_cache, 7, args.requests))
    folds: dict[str, dict[str, list[list[float]]]] = {}
    for path in args.scores:
        scores = json.loads(path.read_text(encoding="utf-8"))
        folds.update({k: v for k, v in scores.items() if k.startswith("xw:") or k == HELD_OUT_DEV})
    held = held_items(items, folds)
    rows = []
    for profile in ("chat", "document"):
        shipped = (FPR_BLOCK[profile]["ordinary"], FPR_BLOCK[profile]["hard"], FPR_BOOST[profile])
        for q in sorted({shipped, *((o, h, b) for o in GRID_ORDINARY for h in GRID_HARD for b in GRID_BOOST)}):
            rows.append({"profile": profile, "q_ordinary": q[0], "q_hard": q[1], "q_boost": q[2],
                         "shipped": q == shipped, **rates(held, profile, *q)})
    if args.json:
        print(json.dumps({"folds": sorted(folds), "rows": rows}))
        return
    print(f"# {len(folds)} cross-writer folds pooled; rates of the held-out items")
    print("profile   q_ord  q_hard q_boost  recall  fpr_ord fpr_hard fpr_corpus")
    for r in rows:
        mark = "  <- shipped" if r["shipped"] else ""
        print(f"{r['profile']:8} {r['q_ordinary']:6} {r['q_hard']:6} {r['q_boost']:7}  {r['recall']:.3f}   "
              f"{r['fpr_ordinary']:.4f}  {r['fpr_hard']:.4f}   {r['fpr_corpus']:.4f}{mark}")


if __name__ == "__main__":
    main()
