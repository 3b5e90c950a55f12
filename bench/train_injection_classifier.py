"""Train the injection classifier's weights and measure them on held-apart data.

Deterministic (fixed seeds, sorted file lists, hash-based splits); numpy is needed here only, never at
run time.

Data
----
Positives: the `injection` rows of the DEV file given on the command line (no other injection data).

Negatives: the DEV `benign` rows, plus an *offline benign corpus* built from text already installed on
the training machine, none of it from the evaluation sources and none of it injection data:

* `man-en`, `man-l10n`: manual pages (roff stripped), English and the localised pages installed
  with the system (German, French, Spanish, Japanese, Korean, Russian, Chinese, ...);
* `gettext`: translated UI message catalogs (`.mo` files under the system locale directory), in
  every installed language (many with imperative UI strings: "Delete all files", "Enter password");
* `sysdoc`: package documentation (READMEs, NEWS, changelogs, copyright/licence files);
* `pydoc`: README-like documentation of the installed Python packages (`METADATA` long
  descriptions, `.md`/`.rst`/`.txt` files);
* `pycode`: Python source of the standard library and installed packages: raw code blocks (tool-
  output-like), docstrings and comments, string literals (includes spaCy's per-language example
  sentences);
* `data`: small JSON/CSV/TSV/INI-like data files (tool-output-like tables and records).

Text is cut into chunks of log-uniform length (30 to 3,000 characters) at paragraph or line breaks;
chunks under 300 characters are scanned as chat input, longer ones as documents. Chunks mentioning
"prompt injection", "jailbreak" or "ignore previous instructions" are dropped. Licences are those of
the installed packages; no corpus text is shipped, only learned weights. The split into
train/calibration/test is by source file (a hash of its path), so no file contributes to two splits.

Evaluation
----------
Leave-one-source-GROUP-out: CyberSecEval English + multilingual (one is a translation of the other),
the two self-instruct files, spikee seeds, spikee false-positive set, BIPIA, gsm8k. For each held-out
group, train on the other groups plus the training part of the corpus, calibrate the two thresholds
on the calibration part of the corpus *only* (the held-out group is never used to pick anything),
then report recall/FPR of the held-out group and FPR on the corpus test part, with the rule tier
alone and with rules + classifier, through the real `InjectionDetector`.

Usage: python bench/train_injection_classifier.py DEV.jsonl [--no-write] [--folds-only]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import sysconfig
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from benign_corpus import Chunk, build_corpus, synthetic_requests

from gateway.detectors.injection import InjectionDetector, Profile
from gateway.detectors.injection.classifier import (
    META_FILE,
    MODEL_FILE,
    WINDOW,
    Classifier,
    position_features,
    profile_feature,
    tokens,
)
from gateway.evaluation.dataset import InjectionRow, read_injection

GROUPS = {
    "purplellama-cyberseceval-pi": "cyberseceval",
    "purplellama-cyberseceval-pi-multilingual": "cyberseceval",
    "self-instruct-user-oriented": "self-instruct",
    "self-instruct-seed": "self-instruct",
}


# -------------------------------------------------------------------------------------- features


@dataclass
class Example:
    feats: list[list[str]]  # per position
    profile: str
    y: float
    weight: float
    group: str


def windows(per_pos: list[list[str]], window: int) -> list[list[list[str]]]:
    """Non-overlapping windows (the last one flush with the end) used as training instances."""
    n = len(per_pos)
    if n <= window:
        return [per_pos]
    starts = list(range(0, n - window + 1, window))
    if starts[-1] != n - window:
        starts.append(n - window)
    return [per_pos[s : s + window] for s in starts]


class Design:
    """Sparse design matrix (CSR-like, counts) over a fixed vocabulary."""

    def __init__(self, vocab: dict[str, int], instances: Sequence[tuple[list[list[str]], str]]) -> None:
        idx: list[int] = []
        ptr = [0]
        for per_pos, profile in instances:
            row = [vocab[f] for pos in per_pos for f in pos if f in vocab]
            row.append(vocab[profile_feature(profile)])
            idx.extend(row)
            ptr.append(len(idx))
        self.indices = np.asarray(idx, dtype=np.int64)
        self.indptr = np.asarray(ptr, dtype=np.int64)
        self.n = len(instances)
        self.rows = np.repeat(np.arange(self.n), np.diff(self.indptr))

    def dot(self, w: np.ndarray) -> np.ndarray:
        return np.bincount(self.rows, weights=w[self.indices], minlength=self.n)

    def tdot(self, r: np.ndarray, dim: int) -> np.ndarray:
        return np.bincount(self.indices, weights=r[self.rows], minlength=dim)


def fit(
    design: Design, y: np.ndarray, sw: np.ndarray, dim: int, l2: float, iters: int, may_be_positive: np.ndarray
) -> tuple[np.ndarray, float]:
    """Full-batch Adam on the weighted logistic loss with L2 (deterministic). Features outside
    `may_be_positive` are projected to weights <= 0 after every step."""
    w = np.zeros(dim)
    b = 0.0
    m = np.zeros(dim)
    v = np.zeros(dim)
    mb = vb = 0.0
    lr, b1, b2 = 0.05, 0.9, 0.999
    total = sw.sum()
    for t in range(1, iters + 1):
        z = design.dot(w) + b
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        r = (p - y) * sw / total
        g = design.tdot(r, dim) + l2 * w
        gb = float(r.sum())
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        w -= lr * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + 1e-8)
        mb = b1 * mb + (1 - b1) * gb
        vb = b2 * vb + (1 - b2) * gb * gb
        b -= lr * (mb / (1 - b1**t)) / (math.sqrt(vb / (1 - b2**t)) + 1e-8)
        np.minimum(w, 0.0, out=w, where=~may_be_positive)
    return w, b


def train_model(rows: Sequence[InjectionRow], corpus: Sequence[Chunk], args: argparse.Namespace) -> Classifier:
    """Two rounds: all windows of a long positive share its weight; then only its best window counts.

    Positives are weighted so every source group has the same total weight, and a feature may get a
    positive weight only if it occurs in the attacks of at least `min_pos_groups` groups: a word
    that only one source's attacks use (a topic, a language of one translated set) is an artefact
    of that source, not evidence of an attack."""
    inst: list[tuple[list[list[str]], str]] = []
    ys: list[float] = []
    ws: list[float] = []
    owner: list[int] = []
    pos_rows = [r for r in rows if r.is_injection]
    neg_rows = [r for r in rows if not r.is_injection]
    pos_groups = Counter(GROUPS.get(r.source, r.source) for r in pos_rows)
    w_dev_neg = args.dev_neg_share / max(1, len(neg_rows))
    w_corpus = (1.0 - args.dev_neg_share) / max(1, len(corpus))
    items: list[tuple[str, str, float, float, str]] = []
    for r in rows:
        grp = GROUPS.get(r.source, r.source)
        if r.is_injection:
            items.append((r.text, _profile(r), 1.0, 1.0 / (len(pos_groups) * pos_groups[grp]), grp))
        else:
            items.append((r.text, _profile(r), 0.0, w_dev_neg, grp))
    items += [(c.text, c.profile, 0.0, w_corpus, "corpus") for c in corpus]
    pos_item_w: dict[int, float] = {}
    groups_of: dict[str, set[str]] = {}
    for k, (text, prof, y, w, grp) in enumerate(items):
        wins = windows(position_features(tokens(text)), args.window)
        if y:
            pos_item_w[k] = w
            for f in {f for win in wins for pos in win for f in pos}:
                groups_of.setdefault(f, set()).add(grp)
        for win in wins:
            inst.append((win, prof))
            ys.append(y)
            ws.append(w / len(wins) if y else w)
            owner.append(k)
    df: Counter[str] = Counter()
    for win, _ in inst:
        df.update({f for pos in win for f in pos})
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in df.items() if c >= args.min_df and f))}
    for p in ("chat", "document"):
        vocab.setdefault(profile_feature(p), len(vocab))
    may_be_positive = np.zeros(len(vocab), dtype=bool)
    for f, i in vocab.items():
        may_be_positive[i] = f.startswith("__profile_") or len(groups_of.get(f, ())) >= args.min_pos_groups
    design = Design(vocab, inst)
    y = np.asarray(ys)
    sw = np.asarray(ws)
    w, b = fit(design, y, sw, len(vocab), args.l2, args.iters, may_be_positive)
    # round 2: each multi-window positive keeps only its best-scoring window
    z = design.dot(w) + b
    own = np.asarray(owner)
    best: dict[int, int] = {}
    for i in np.flatnonzero(y > 0):
        k = int(own[i])
        if k not in best or z[i] > z[best[k]]:
            best[k] = int(i)
    keep = np.ones(len(y), dtype=bool)
    for i in np.flatnonzero(y > 0):
        keep[i] = best[int(own[i])] == i
    sw2 = sw.copy()
    for k, i in best.items():
        sw2[i] = pos_item_w[k]
    sw2[~keep] = 0.0
    w, b = fit(design, y, sw2, len(vocab), args.l2, args.iters, may_be_positive)
    names = sorted(vocab, key=vocab.__getitem__)
    order = np.argsort(-np.abs(w), kind="stable")[: args.keep]
    weights = {names[i]: round(float(w[i]), 4) for i in sorted(order) if abs(w[i]) >= 1e-3}
    return Classifier(weights, round(b, 4), window=args.window)


def _profile(r: InjectionRow) -> str:
    return (Profile.DOCUMENT if r.kind == "indirect" else Profile.CHAT).value


# ------------------------------------------------------------------------------------ evaluation


def calibrate(model: Classifier, calib: Sequence[Chunk], fpr_high: float, fpr_low: float) -> dict[str, float]:
    """Thresholds at the given classifier-alone FPRs on the calibration slice; `fpr_high <= 0`
    disables the stand-alone tier (the classifier can then only lift a rule cue)."""
    ps = sorted((model.raw_probability(c.text, c.profile) for c in calib), reverse=True)
    hi = ps[int(len(ps) * fpr_high)]
    lo = ps[int(len(ps) * fpr_low)]
    t_high = 1.0 if fpr_high <= 0 else min(0.999, max(0.5, hi + 1e-6))
    t_low = min(t_high, max(0.05, lo + 1e-6))
    return {"t_low": round(t_low, 6), "t_high": round(t_high, 6), "boost": 0.34}


def with_calibration(model: Classifier, cal: dict[str, float]) -> Classifier:
    return Classifier(
        model._weights, model._bias, t_low=cal["t_low"], t_high=cal["t_high"], boost=cal["boost"], window=model._window
    )


def flags(texts: Sequence[tuple[str, str]], model: Classifier | None, threshold: float = 0.5) -> list[bool]:
    det = {
        "chat": InjectionDetector("injection", Profile.CHAT, model),
        "document": InjectionDetector("injection", Profile.DOCUMENT, model),
    }
    return [max((f.score for f in det[p].scan(t)), default=0.0) >= threshold for t, p in texts]


def rates(rows: Sequence[InjectionRow], model: Classifier | None) -> dict[str, object]:
    out: dict[str, object] = {}
    pred = flags([(r.text, _profile(r)) for r in rows], model)
    for kind in ("direct", "indirect"):
        pos = [
            p for r, p in zip(rows, pred, strict=True) if r.is_injection and r.kind == kind and not r.context_dependent
        ]
        neg = [p for r, p in zip(rows, pred, strict=True) if not r.is_injection and r.kind == kind]
        if pos:
            out[f"recall_{kind}"] = round(sum(pos) / len(pos), 3)
            out[f"n_pos_{kind}"] = len(pos)
        if neg:
            out[f"fpr_{kind}"] = round(sum(neg) / len(neg), 4)
            out[f"fp_{kind}"] = f"{sum(neg)}/{len(neg)}"
    return out


def corpus_fpr(chunks: Sequence[Chunk], model: Classifier | None) -> dict[str, str]:
    pred = flags([(c.text, c.profile) for c in chunks], model)
    out = {}
    for prof in ("chat", "document"):
        sel = [p for c, p in zip(chunks, pred, strict=True) if c.profile == prof]
        out[prof] = f"{sum(sel)}/{len(sel)} = {sum(sel) / max(1, len(sel)):.4f}"
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", type=Path, help="injection JSONL (the DEV file)")
    here = Path(__file__).resolve().parents[1] / "gateway/detectors/data"
    ap.add_argument("--out-dir", type=Path, default=here)
    ap.add_argument(
        "--sysroot", type=Path, default=Path("/usr"), help="system prefix holding share/man, share/locale, share/doc"
    )
    ap.add_argument("--corpus-cache", type=Path, help="read/write the built corpus here (JSONL, not shipped)")
    ap.add_argument("--iters", type=int, default=150)
    ap.add_argument("--l2", type=float, default=1e-5)
    ap.add_argument("--min-df", type=int, default=3)
    ap.add_argument("--keep", type=int, default=60000)
    ap.add_argument("--window", type=int, default=WINDOW)
    ap.add_argument("--requests", type=int, default=15000, help="synthetic benign requests to add")
    ap.add_argument("--min-pos-groups", type=int, default=2)
    ap.add_argument("--dev-neg-share", type=float, default=0.3)
    ap.add_argument("--fpr-high", type=float, default=0.002, help="classifier-alone FPR on the calibration slice")
    ap.add_argument("--fpr-low", type=float, default=0.02, help="FPR of the boost tier on the calibration slice")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--groups", default="", help="comma-separated held-out groups (default: all)")
    ap.add_argument("--folds-only", action="store_true")
    ap.add_argument("--no-folds", action="store_true")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    t0 = time.time()
    rows = read_injection(args.data)
    if args.corpus_cache and args.corpus_cache.is_file():
        corpus = [Chunk(**json.loads(line)) for line in args.corpus_cache.open(encoding="utf-8")]
    else:
        site = Path(np.__file__).resolve().parents[1]
        stdlib = Path(sysconfig.get_paths()["stdlib"])
        corpus = build_corpus(site, stdlib, args.sysroot, args.seed)
        if args.corpus_cache:
            with args.corpus_cache.open("w", encoding="utf-8") as fh:
                for c in corpus:
                    fh.write(
                        json.dumps(
                            {"text": c.text, "origin": c.origin, "split": c.split, "profile": c.profile},
                            ensure_ascii=False,
                        )
                        + "\n"
                    )
    corpus = corpus + synthetic_requests(corpus, args.seed, args.requests)
    sizes = Counter((c.origin, c.split) for c in corpus)
    chars = sum(len(c.text) for c in corpus)
    print(f"corpus: {len(corpus)} chunks, {chars / 1e6:.1f} M chars ({time.time() - t0:.0f}s)", flush=True)
    for (o, s), n in sorted(sizes.items()):
        print(f"  {o:<10} {s:<6} {n}")
    train_c = [c for c in corpus if c.split == "train"]
    calib_c = [c for c in corpus if c.split == "calib"]
    test_c = [c for c in corpus if c.split == "test"]
    group = {r.id: GROUPS.get(r.source, r.source) for r in rows}
    report: dict[str, object] = {}
    if not args.no_folds:
        base_corpus = corpus_fpr(test_c, None)
        print("rules only, corpus test FPR:", base_corpus, flush=True)
        report["corpus_test_rules_only"] = base_corpus
        wanted = [g for g in args.groups.split(",") if g] or sorted(set(group.values()))
        for held in wanted:
            tr = [r for r in rows if group[r.id] != held]
            te = [r for r in rows if group[r.id] == held]
            model = train_model(tr, train_c, args)
            cal = calibrate(model, calib_c, args.fpr_high, args.fpr_low)
            model = with_calibration(model, cal)
            report[held] = {
                "rules_only": rates(te, None),
                "rules_plus_classifier": rates(te, model),
                "corpus_test_fpr_with_classifier": corpus_fpr(test_c, model),
                "calibration": cal,
            }
            print(held, json.dumps(report[held]), f"({time.time() - t0:.0f}s)", flush=True)
    if args.folds_only:
        return
    model = train_model(rows, train_c, args)
    cal = calibrate(model, calib_c, args.fpr_high, args.fpr_low)
    model = with_calibration(model, cal)
    final = {
        "in_distribution_dev": {"rules_only": rates(rows, None), "rules_plus_classifier": rates(rows, model)},
        "corpus_test_fpr_with_classifier": corpus_fpr(test_c, model),
    }
    print("final (in-distribution, trained on all DEV):", json.dumps(final), flush=True)
    if args.no_write:
        return
    weights = model._weights
    payload = {
        "format": 1,
        "window": args.window,
        "bias": model._bias,
        "calibration": cal,
        "weights": dict(sorted(weights.items())),
    }
    blob = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    out = args.out_dir / MODEL_FILE
    out.write_text(blob, encoding="utf-8")
    meta = {
        "trained": dt.date.today().isoformat(),
        "model": "logistic regression, max over windows of consecutive token positions",
        "features": "NFKC+lower+zero-width strip; words, word bigrams, 5-char word prefixes, "
        "CJK/Thai char bigrams; profile",
        "hyperparameters": {
            k: getattr(args, k)
            for k in (
                "iters",
                "l2",
                "min_df",
                "keep",
                "window",
                "requests",
                "min_pos_groups",
                "dev_neg_share",
                "fpr_high",
                "fpr_low",
                "seed",
            )
        },
        "calibration": cal,
        "training_rows": {
            "dev_injection": sum(r.is_injection for r in rows),
            "dev_benign": sum(not r.is_injection for r in rows),
        },
        "offline_corpus": {f"{o}/{s}": n for (o, s), n in sorted(sizes.items())},
        "offline_corpus_chars": chars,
        "features_kept": len(weights),
        "held_apart": report,
        "final": final,
        "sha256": hashlib.sha256(blob.encode("utf-8")).hexdigest(),
        "bytes": len(blob.encode("utf-8")),
    }
    (args.out_dir / META_FILE).write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out} ({len(weights)} features, {meta['bytes']} bytes)")


if __name__ == "__main__":
    main()
