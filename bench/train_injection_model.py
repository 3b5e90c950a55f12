"""Train the learned injection tier, calibrate it on held-apart data, measure it, write the shipped weights.

Deterministic (no random numbers; splits by hashes of ids and texts; full-batch optimiser); numpy is
needed at run time too (the model scores with it). Sources and splits: `injection_data.py`; the
list with provenance and licences: `gateway/detectors/data/MANIFEST.md`.

Folds (`--folds`, comma-separated):

* `loso`: leave one DEV source group out (trained on everything else, including both writers'
  rows), measured on the held-out group;
* `cross-writer`: one fold per writer in `bench/training/` (`WRITERS`): trained on DEV + the other writers,
  measured on the held-out writer's rows;
* `final`: trained on the train split of every source; thresholds from the calibration split.

For every fold the thresholds of each placement are picked on that fold's calibration items only
(`calibrate`), then the held-out items are scanned three ways: rules only, the model alone, and the
shipped combination (the real `InjectionDetector` with the model as its second tier). `--scores
FILE` also writes every calibration and test item's raw score, for `injection_compare.py`.

Folds can run in two processes (`--only`): the one with `final --write` writes the weights, the
other adds its fold reports to their metadata with `--append-report`.

Usage:
  python bench/train_injection_model.py DEV.jsonl --corpus-cache FILE [--folds loso,cross-writer,final]
      [--only NAMES] [--write | --append-report] [--scores FILE] [--corpus-test N] [--hard-weight W]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import numpy.typing as npt
from injection_bound import (
    CORPUS_ADDED,
    added_share,
    bound_by_corpus,
    corpus_verdicts,
    detector_flags,
    is_corpus,
    shipped_added,
)
from injection_data import TRAINING, Fold, Item, corpus_chunks, every_source, folds, sample
from injection_fit import FitParams, fit, fit_lowrank

from gateway.detectors.injection.classifier import BITS, META_FILE, ORDERS, WEIGHTS_FILE, Classifier, Layer

DATA_DIR = Path(__file__).resolve().parents[1] / "gateway/detectors/data"
# Stand-alone block tier, per placement: at most this share of ordinary / hard benign calibration text
# above it. User input is held tighter: on writers held out of training, the calibration split's rates
# under-state the held-out ones (hard benign by 4-6 points at 3%), and DEV's benign-only user requests,
# held out, were flagged 3% at a threshold that kept 0.3% of the calibration split (see
# docs/guards-quality.md, "Fourth round").
FPR_BLOCK = {
    "chat": {"ordinary": 0.001, "hard": 0.015},
    "document": {"ordinary": 0.003, "hard": 0.03},
}
# Boost band (the model completes a rule cue of another family), per placement. Checked on out-of-fold scores
# (`bench/injection_oof.py`: 18 cross-writer folds and DEV's benign-only sources held out, pooled): for user input
# 0.01 instead of 0.005 gave held-out recall 0.341 instead of 0.313 for ordinary FPR 0.77% instead of 0.72%, but
# its model, trained, blocked the plainest of agent requests ("Send the meeting notes to … when you are done": one
# tool-order cue and the boost) as user input; kept at 0.005 (docs/guards-quality.md, "Eighth round").
FPR_BOOST = {"chat": 0.005, "document": 0.005}


def quantile_above(scores: Sequence[float], share: float) -> float:
    """The smallest threshold with at most `share` of `scores` at or above it."""
    if not scores:
        return 0.0
    ranked = sorted(scores, reverse=True)
    k = int(len(ranked) * share)
    return min(0.9999, ranked[k] + 1e-6) if k < len(ranked) else 0.0


# Whether the model may block on its own, per placement. Until the fourth round not for user input: with
# DEV's benign-only sources held out (gsm8k, self-instruct, spikee's false-positive set: ordinary requests),
# the stand-alone
# tier flagged 5.8% of them although it kept 0.3% on the calibration split (`--folds loso`,
# loso:dev-benign-only); a user's request is too varied for this model to judge alone. In tool results its
# held-out FPR stayed near 1% (BIPIA's benign documents 1.2%, the writers' 0.8-1.0%, corpus 0.4-0.5%).
# Re-checked with five writers (`injection_compare.py --standalone-chat`): on the held-out writer of hard
# cases a stand-alone user-input tier flagged 3.3% of ordinary and 10% of hard benign requests.
# Fourth round (ten writers): on five held-out writers a user-input tier at the threshold these limits
# give (about 0.85) lifted direct recall from 0.12 to 0.22 for +0.1 points of ordinary and +1.4 of hard
# benign FPR.
STANDALONE = {"chat": True, "document": True}


def calibrate(
    items: Sequence[Item], probs: Sequence[float], standalone: dict[str, bool] | None = None
) -> dict[str, dict[str, float]]:
    """Per placement: `block` keeps ordinary benign under FPR_BLOCK[placement]['ordinary'] and hard benign under
    FPR_BLOCK[placement]['hard'] (1.0, never, where `standalone` (default STANDALONE) is off); `boost` keeps
    ordinary benign under FPR_BOOST[placement]."""
    standalone = STANDALONE if standalone is None else standalone
    out = {}
    for profile in ("chat", "document"):
        ordinary = [p for it, p in zip(items, probs, strict=True) if it.profile == profile and not it.y and not it.hard]
        hard = [p for it, p in zip(items, probs, strict=True) if it.profile == profile and not it.y and it.hard]
        limit = FPR_BLOCK[profile]
        block = max(quantile_above(ordinary, limit["ordinary"]), quantile_above(hard, limit["hard"]), 0.5)
        block = block if standalone[profile] else 1.0
        boost = min(block, max(0.05, quantile_above(ordinary, FPR_BOOST[profile])))
        out[profile] = {"block": round(block, 6), "boost": round(boost, 6)}
    return out


def model_of(
    w: npt.NDArray[np.float32], b: float, p: FitParams, cal: dict[str, dict[str, float]], layer: Layer | None = None
) -> Classifier:
    return Classifier(w, b, thresholds=cal, window=p.window, words=p.words, concepts=p.concepts, layer=layer)


def rates(items: Sequence[Item], flags: Sequence[bool]) -> dict[str, str]:
    """Recall per placement (attacks that are attacks without a system prompt), FPR on labelled
    ordinary benign, hard benign and corpus chunks per placement."""
    out: dict[str, str] = {}

    def put(key: str, sel: list[bool]) -> None:
        if sel:
            out[key] = f"{sum(sel) / len(sel):.3f} ({sum(sel)}/{len(sel)})"

    for kind, prof in (("direct", "chat"), ("indirect", "document")):
        z = list(zip(items, flags, strict=True))
        put(f"recall_{kind}", [f for it, f in z if it.y and it.profile == prof and not it.context_dependent])
        put(f"fpr_{kind}", [f for it, f in z if not it.y and it.profile == prof and not it.hard and not is_corpus(it)])
        put(f"fpr_hard_{kind}", [f for it, f in z if not it.y and it.profile == prof and it.hard])
        put(f"fpr_corpus_{prof}", [f for it, f in z if it.profile == prof and is_corpus(it)])
    return out



def auc(items: Sequence[Item], probs: Sequence[float], profile: str) -> float | None:
    """Probability that an attack of `profile` outranks a labelled benign row of it (ties count half):
    threshold-free, so candidates compare without their calibration."""
    z = [(it, p) for it, p in zip(items, probs, strict=True) if it.profile == profile]
    pos = sorted(p for it, p in z if it.y and not it.context_dependent)
    neg = np.sort([p for it, p in z if not it.y and not is_corpus(it)])
    if not pos or not len(neg):
        return None
    lo = np.searchsorted(neg, pos, side="left")
    hi = np.searchsorted(neg, pos, side="right")
    return round(float((lo + (hi - lo) / 2).sum()) / (len(pos) * len(neg)), 4)


def run_fold(
    items: Sequence[Item], fold: Fold, p: FitParams, t0: float, with_rules: bool = True, corpus_bound: bool = True,
    shipped: Classifier | None = None, by_shipped: bool = False,
) -> tuple[dict[str, object], Classifier]:
    train = [items[i] for i in fold.train]
    w, b = fit(train, p)
    layer = fit_lowrank(train, p, w, b) if p.lowrank else None
    bare = model_of(w, b, p, {}, layer)
    calib = [items[i] for i in fold.calib]
    calib_p = [bare.raw_probability(it.text) for it in calib]
    cal = calibrate(calib, calib_p)
    quantiles = cal
    pool_report: dict[str, object] = {}
    if corpus_bound:
        always_boost = model_of(w, b, p, {prof: {"block": 1.0, "boost": 0.0} for prof in cal}, layer)
        spare = [items[i] for i in fold.spare]
        pool, pool_p = [*calib, *spare], [*calib_p, *(bare.raw_probability(it.text) for it in spare)]
        verdicts = corpus_verdicts(pool, pool_p, always_boost)
        reference = shipped_added(pool, shipped) if shipped is not None else None
        cal = bound_by_corpus(cal, verdicts, reference if by_shipped else None)
        pool_report = {prof: f"{added_share(verdicts, prof, t['block'], t['boost']):.5f} of "
                       f"{sum(1 for v in verdicts if v.profile == prof)}" for prof, t in cal.items()}
        if reference is not None:
            pool_report["shipped"] = {prof: f"{a:.5f}" for prof, a in reference.items()}
        pool_report["bound"] = "the shipped model's addition" if by_shipped else "CORPUS_ADDED"
    model = model_of(w, b, p, cal, layer)
    test = [items[i] for i in fold.test]
    test_p = [model.raw_probability(it.text) for it in test]
    alone = [pr >= cal[it.profile]["block"] for it, pr in zip(test, test_p, strict=True)]
    report: dict[str, object] = {
        "train_items": len(train),
        "calibration": cal,
        "calibration_quantiles": quantiles,
        "corpus_pool_added": pool_report,
        "auc_model": {k: auc(test, test_p, prof) for k, prof in (("direct", "chat"), ("indirect", "document"))},
        "rules_only": rates(test, detector_flags(test, None)) if with_rules else {},
        "model_alone": rates(test, alone),
        "rules_plus_model": rates(test, detector_flags(test, model)),
        "seconds": round(time.time() - t0),
    }
    report["_scores"] = {
        "calib": [[i, round(bare.raw_probability(items[i].text), 6)] for i in fold.calib],
        "test": [[i, round(pr, 6)] for i, pr in zip(fold.test, test_p, strict=True)],
    }
    return report, model


def write_model(model: Classifier, p: FitParams, report: dict[str, object]) -> None:
    layer = model._layer
    w = model._weights if layer is None else np.column_stack([model._weights, layer.emb])
    buf = io.BytesIO()
    np.save(buf, w.astype(np.float16), allow_pickle=False)
    blob = buf.getvalue()
    (DATA_DIR / WEIGHTS_FILE).write_bytes(blob)
    sha = hashlib.sha256(blob).hexdigest()
    report = {**_shipped_report(sha), **report}
    meta: dict[str, object] = {
        "format": 4 if layer is not None else 3 if p.words else 2,
        "model": "logistic regression, best window of consecutive character positions"
        + (f"; plus a low-rank hidden layer ({p.lowrank}-dimensional bucket embeddings, {p.hidden} ReLU units)"
           if layer is not None else ""),
        "features": "NFKC, lower-case, zero-width strip, digits->0, whitespace folded; hashed char n-grams"
        + (" and word unigrams/bigrams" if p.words else "")
        + ("; concept-lexicon marks and pairs" if p.concepts else ""),
        "orders": list(ORDERS),
        "word_ngrams": [1, 2] if p.words else [],
        "concepts": p.concepts,
        "bits": BITS,
        "window": p.window,
        "bias": round(float(model._bias), 6),
        "thresholds": model._thresholds,
        "params": {k: getattr(p, k) for k in p.__dataclass_fields__},
        "fpr_targets": {"block": FPR_BLOCK, "boost": FPR_BOOST, "standalone": STANDALONE,
                        "corpus_added": CORPUS_ADDED},
        "weights_sha256": sha,
        "weights_bytes": len(blob),
        "report": report,
    }
    if layer is not None:  # the weights file holds the embeddings as float16: the layer sees what ships
        meta["layer"] = {
            "a": layer.a.round(6).tolist(), "c": layer.c.round(6).tolist(), "v": layer.v.round(6).tolist(),
            "b2": round(layer.b2, 6),
        }
    (DATA_DIR / META_FILE).write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def _shipped_report(sha: str) -> dict[str, object]:
    """The fold reports already in the shipped metadata, when they belong to these very weights."""
    try:
        meta = json.loads((DATA_DIR / META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return dict(meta.get("report", {})) if meta.get("weights_sha256") == sha else {}


def append_report(results: dict[str, object]) -> None:
    """Add fold reports (run in another process than the one that wrote the weights) to the metadata."""
    meta = json.loads((DATA_DIR / META_FILE).read_text(encoding="utf-8"))
    meta["report"] = {**meta.get("report", {}), **results}
    (DATA_DIR / META_FILE).write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dev", type=Path, help="the DEV injection JSONL")
    ap.add_argument("--corpus-cache", type=Path, help="read/write the built benign corpus here (not shipped)")
    ap.add_argument("--folds", default="loso,cross-writer,final")
    ap.add_argument("--only", default="", help="comma-separated fold names to run (default: all)")
    ap.add_argument("--corpus-train", type=int, default=6000, help="corpus chunks in the train sample")
    ap.add_argument("--requests", type=int, default=15000, help="synthetic benign requests in the corpus")
    ap.add_argument("--window", type=int, default=384)
    ap.add_argument("--iters", type=int, default=80)
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--lr", type=float, default=0.05)
    ap.add_argument("--min-pos-groups", type=int, default=2, help="attack groups a positive bucket needs")
    ap.add_argument("--no-words", action="store_true", help="character n-grams only (the format-2 model)")
    ap.add_argument("--concepts", action="store_true", help="add the concept lexicon's marks and pairs as features")
    ap.add_argument("--hard-weight", type=float, default=3.0, help="weight of a hard benign row vs an ordinary one")
    ap.add_argument("--lowrank", type=int, default=0, help="k > 0: add a low-rank hidden layer (format 4)")
    ap.add_argument("--hidden", type=int, default=16, help="ReLU units of the low-rank layer")
    ap.add_argument("--training-dir", type=Path, default=TRAINING, help="folder of the writers' JSONL files")
    ap.add_argument("--corpus-test", type=int, default=0, help="scan a fixed sample of this many corpus test chunks")
    ap.add_argument("--skip-rules-only", action="store_true", help="do not rescan the test rows with the rules alone")
    ap.add_argument("--no-corpus-bound", action="store_true",
                    help="thresholds from the labelled quantiles alone (the ninth round's calibration)")
    ap.add_argument("--shipped-reference", action="store_true",
                    help="also report what the shipped model adds on the corpus pool the bound reads")
    ap.add_argument("--bound-by-shipped", action="store_true",
                    help="bound what the model adds on the corpus pool by what the shipped model adds there, per "
                         "placement, instead of CORPUS_ADDED")
    ap.add_argument("--write", action="store_true", help="write the `final` fold's model into the package")
    ap.add_argument("--append-report", action="store_true", help="add these folds' reports to the shipped metadata")
    ap.add_argument("--scores", type=Path, help="write per-item raw scores of every fold here (JSON)")
    args = ap.parse_args()
    t0 = time.time()
    p = FitParams(
        window=args.window, iters=args.iters, l2=args.l2, lr=args.lr,
        words=not args.no_words, concepts=args.concepts, hard_weight=args.hard_weight,
        min_pos_groups=args.min_pos_groups,
        lowrank=args.lowrank, hidden=args.hidden,
    )
    items = every_source(args.dev, corpus_chunks(args.corpus_cache, 7, args.requests), args.training_dir)
    print(f"{len(items)} items ({time.time() - t0:.0f}s)", flush=True)
    wanted = {f for f in args.only.split(",") if f}
    scores: dict[str, object] = {}
    results: dict[str, object] = {}
    shipped: Classifier | None = None
    for which in args.folds.split(","):
        for fold in folds(items, which, args.corpus_train):
            if wanted and fold.name not in wanted:
                continue
            if args.corpus_test:
                keep = {id(it) for it in sample([items[i] for i in fold.test if items[i].group.startswith("corpus:")],
                                                 args.corpus_test, "corpus-test")}
                fold = replace(fold, test=[i for i in fold.test
                                           if not items[i].group.startswith("corpus:") or id(items[i]) in keep])
            report, model = run_fold(items, fold, p, t0, not args.skip_rules_only, not args.no_corpus_bound,
                                     Classifier.load_default() if args.shipped_reference or args.bound_by_shipped
                                     else None, args.bound_by_shipped)
            scores[fold.name] = report.pop("_scores")
            results[fold.name] = report
            print(fold.name, json.dumps(report), flush=True)
            if fold.name == "final" and args.write:
                shipped = model
                write_model(model, p, results)
                print(f"wrote {DATA_DIR / WEIGHTS_FILE}", flush=True)
    if shipped is not None and len(results) > 1:  # the folds run after `final` go into its metadata too
        write_model(shipped, p, results)
    elif args.append_report and results:
        append_report(results)
    if args.scores:
        args.scores.write_text(json.dumps(scores), encoding="utf-8")


if __name__ == "__main__":
    main()
