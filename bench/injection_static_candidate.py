"""Candidate (c) of the learned injection tier: static (distilled) token embeddings + a logistic head.

Measured against the shipped n-gram model fold by fold (see docs/guards-quality.md, "Learned tier").
The embeddings are WordLlama's `l2_supercat_256` (MIT): a 32,000 x 256 table distilled from a large
language model's token embeddings, with its byte-fallback BPE tokenizer, both inside the registry
package `wordllama`; nothing is fetched at run time. Only the table and the tokenizer are used (with
`tokenizers` and `safetensors`), not the package's own code:

    .venv/bin/pip install --no-deps wordllama safetensors
    .venv/bin/python bench/injection_static_candidate.py DEV.jsonl --corpus-cache FILE --scores static.json

Same items, folds and splits as `train_injection_model.py` (`injection_data.py`). A text is cut into
windows of `--window` tokens (at most `--max-windows`); each window's token vectors are averaged and
L2-normalised; the head is the weighted logistic regression of `injection_embedding_candidate.py`'s
kind (same item weights as the linear model) and a text's score is its best window's. `--mix N=SCORES`
also writes a combined candidate: the n-gram model's logit plus `--mix-weight` times this one's, from
a `train_injection_model.py --scores` file of the same folds.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import time
from pathlib import Path

import numpy as np
from injection_data import Fold, corpus_chunks, every_source, folds, item_weights
from injection_head import fit_head
from numpy.typing import NDArray

Matrix = NDArray[np.float32]


def wordllama_files() -> tuple[Path, Path]:
    import wordllama  # type: ignore[import-untyped]

    root = Path(wordllama.__file__).resolve().parent
    return root / "weights" / "l2_supercat_256.safetensors", root / "tokenizers" / "l2_supercat_tokenizer_config.json"


class StaticEmbedder:
    def __init__(self, window: int, max_windows: int) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        weights, tokenizer = wordllama_files()
        self.table: Matrix = load_file(str(weights))["embedding.weight"].astype(np.float32)
        self.tok = Tokenizer.from_file(str(tokenizer))
        self.window = window
        self.max_windows = max_windows

    def embed_many(self, texts: list[str]) -> list[Matrix]:
        out: list[Matrix] = []
        for enc in self.tok.encode_batch(texts, add_special_tokens=False):
            ids = np.asarray(enc.ids or [0], dtype=np.int64)
            spans = [ids[i : i + self.window] for i in range(0, len(ids), self.window)][: self.max_windows]
            vecs = np.stack([self.table[s].mean(axis=0) for s in spans])
            vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-9
            out.append(vecs)
        return out


def _logit(p: float) -> float:
    p = min(max(p, 1e-9), 1 - 1e-9)
    return math.log(p / (1 - p))


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def mixed(ngram: dict[str, object], static: dict[str, object], weight: float) -> dict[str, object]:
    """Per fold and item: sigmoid(logit(n-gram) + weight * logit(static))."""
    out: dict[str, object] = {}
    for fold, parts in static.items():
        if fold.startswith("_") or fold not in ngram:
            continue
        theirs = ngram[fold]
        assert isinstance(parts, dict) and isinstance(theirs, dict)
        fold_out = {}
        for part in ("calib", "test"):
            mine = dict(parts[part])
            fold_out[part] = [
                [i, round(_sigmoid(_logit(p) + weight * _logit(mine[i])), 6)] for i, p in theirs[part] if i in mine
            ]
        out[fold] = fold_out
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dev", type=Path)
    ap.add_argument("--corpus-cache", type=Path)
    ap.add_argument("--folds", default="cross-writer,final")
    ap.add_argument("--corpus-train", type=int, default=6000)
    ap.add_argument("--requests", type=int, default=15000)
    ap.add_argument("--window", type=int, default=96, help="tokens per window")
    ap.add_argument("--max-windows", type=int, default=16)
    ap.add_argument("--iters", type=int, default=400)
    ap.add_argument("--l2", type=float, default=1e-5)
    ap.add_argument("--hard-weight", type=float, default=3.0)
    ap.add_argument("--scores", type=Path, required=True)
    ap.add_argument("--mix", help="NGRAM_SCORES.json: also write a combined candidate beside --scores")
    ap.add_argument("--mix-weight", type=float, default=1.0)
    args = ap.parse_args()
    t0 = time.time()
    items = every_source(args.dev, corpus_chunks(args.corpus_cache, 7, args.requests))
    all_folds: list[Fold] = [f for which in args.folds.split(",") for f in folds(items, which, args.corpus_train)]
    needed = sorted({i for f in all_folds for i in (*f.train, *f.calib, *f.test)})
    emb = StaticEmbedder(args.window, args.max_windows)
    text = ("The quarterly planning meeting covered the roadmap for the search service and the hiring plan. " * 12)[
        :1024
    ]
    samples = []
    for _ in range(200):
        a = time.process_time()
        emb.embed_many([text])
        samples.append((time.process_time() - a) * 1000)
    samples.sort()
    p99 = samples[int(0.99 * len(samples))]
    cost = {"p50_ms_1kb": round(statistics.median(samples), 3), "p99_ms_1kb": round(p99, 3)}
    print("cost", cost, flush=True)
    vecs: dict[int, Matrix] = {}
    for s in range(0, len(needed), 2000):
        chunk = needed[s : s + 2000]
        vecs.update(zip(chunk, emb.embed_many([items[i].text for i in chunk]), strict=True))
    print(f"embedded {len(needed)} items ({time.time() - t0:.0f}s)", flush=True)
    scores: dict[str, object] = {"_cost": cost}
    for fold in all_folds:
        tr = [items[i] for i in fold.train]
        iw = item_weights(tr, hard_weight=args.hard_weight)
        x = np.concatenate([vecs[i] for i in fold.train])
        y = np.concatenate([np.full(len(vecs[i]), float(items[i].y)) for i in fold.train])
        sw = np.concatenate([np.full(len(vecs[i]), iw[k] / len(vecs[i])) for k, i in enumerate(fold.train)])
        w = fit_head(x, y, sw, args.iters, args.l2)

        def prob(i: int, w: NDArray[np.float64] = w) -> float:
            return _sigmoid(float(np.max(vecs[i] @ w[:-1]) + w[-1]))

        scores[fold.name] = {
            "calib": [[i, round(prob(i), 6)] for i in fold.calib],
            "test": [[i, round(prob(i), 6)] for i in fold.test],
        }
        print(fold.name, f"({time.time() - t0:.0f}s)", flush=True)
    args.scores.write_text(json.dumps(scores), encoding="utf-8")
    if args.mix:
        ngram = json.loads(Path(args.mix).read_text(encoding="utf-8"))
        target = args.scores.with_name(args.scores.stem + f"_mix{args.mix_weight:g}.json")
        target.write_text(json.dumps(mixed(ngram, scores, args.mix_weight)), encoding="utf-8")
        print("mix written to", target)


if __name__ == "__main__":
    main()
