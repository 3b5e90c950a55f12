"""Candidate (d) of the learned injection tier: the linear n-gram model plus a low-rank hidden layer.

Same hashed features, windows, items, folds and item weights as `train_injection_model.py`. Every
n-gram bucket also gets a `k`-dimensional embedding; a window's embeddings are summed (over the square
root of its length, like the linear score), passed through one ReLU layer of `hidden` units, and the
layer's output is added to the linear logit:

    logit(window) = b + lin(window) + v . relu(A e(window) + c) + b2

The linear part is fitted first (`injection_fit.fit`, unchanged); the low-rank part is then fitted on
its residual with full-batch Adam (`injection_fit.fit_lowrank`; scored by `classifier.Layer`): every
window of a benign text counts, and of an attack only the window the linear model ranks best. A
hidden layer can score a conjunction ("addressed to the assistant" and "send / pay / delete") that a
sum of n-gram weights cannot, and a shared embedding can carry what one writer's phrasing teaches to
the n-grams of another's: the question this candidate asks on the cross-writer folds. Deterministic:
a fixed seed initialises the embeddings.

Writes per-item raw scores of both the linear model and the candidate, per fold, for
`injection_compare.py` (same rows, thresholds calibrated the shipped way), and the candidate's cost
per 1 KB.

Usage: python bench/injection_lowrank_candidate.py DEV.jsonl --corpus-cache FILE --linear-scores A.json
    --scores D.json [--folds cross-writer] [--only NAMES] [--k 8] [--hidden 16] [--iters 60]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Sequence
from pathlib import Path

from injection_data import Fold, corpus_chunks, every_source, folds, sample
from injection_fit import FitParams, fit, fit_lowrank

from gateway.detectors.injection.classifier import Classifier


def cost_ms(model: Classifier, texts: Sequence[str]) -> tuple[float, float]:
    times = []
    for text in texts:
        t0 = time.thread_time()
        model.raw_probability(text)
        times.append((time.thread_time() - t0) * 1000)
    times.sort()
    return round(statistics.median(times), 3), round(times[int(0.99 * (len(times) - 1))], 3)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dev", type=Path)
    ap.add_argument("--corpus-cache", type=Path)
    ap.add_argument("--folds", default="cross-writer")
    ap.add_argument("--only", default="")
    ap.add_argument("--corpus-train", type=int, default=6000)
    ap.add_argument("--corpus-test", type=int, default=3000)
    ap.add_argument("--k", type=int, default=8)
    ap.add_argument("--hidden", type=int, default=16)
    ap.add_argument("--iters", type=int, default=60)
    ap.add_argument("--lr", type=float, default=0.02)
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--linear-scores", type=Path, required=True)
    ap.add_argument("--scores", type=Path, required=True)
    args = ap.parse_args()
    p = FitParams(lowrank=args.k, hidden=args.hidden, lowrank_iters=args.iters, lowrank_lr=args.lr, l2=args.l2)
    items = every_source(args.dev, corpus_chunks(args.corpus_cache, 7, 15000))
    wanted = {f for f in args.only.split(",") if f}
    out_lin: dict[str, object] = {}
    out_lr: dict[str, object] = {}
    t0 = time.time()
    for which in args.folds.split(","):
        for fold in folds(items, which, args.corpus_train):
            if wanted and fold.name not in wanted:
                continue
            keep = {id(it) for it in sample([items[i] for i in fold.test if items[i].group.startswith("corpus:")],
                                             args.corpus_test, "corpus-test")}
            fold = Fold(fold.name, fold.train, fold.calib,
                        [i for i in fold.test if not items[i].group.startswith("corpus:") or id(items[i]) in keep])
            train = [items[i] for i in fold.train]
            w, b = fit(train, p)
            lin = Classifier(w, b, window=p.window, words=p.words)
            cand = Classifier(w, b, window=p.window, words=p.words, layer=fit_lowrank(train, p, w, b))
            for out, model in ((out_lin, lin), (out_lr, cand)):
                out[fold.name] = {
                    part: [[i, round(model.raw_probability(items[i].text), 6)] for i in getattr(fold, part)]
                    for part in ("calib", "test")
                }
            texts = [items[i].text for i in fold.test[:400]]
            out_lr["_cost"] = {"lowrank_ms_p50_p99": cost_ms(cand, texts), "linear_ms_p50_p99": cost_ms(lin, texts)}
            print(fold.name, f"{time.time() - t0:.0f}s", json.dumps(out_lr["_cost"]), flush=True)
            args.linear_scores.write_text(json.dumps(out_lin), encoding="utf-8")
            args.scores.write_text(json.dumps(out_lr), encoding="utf-8")


if __name__ == "__main__":
    main()
