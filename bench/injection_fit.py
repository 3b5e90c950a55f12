"""Fitting the learned injection tier: hashed n-gram windows as a sparse design, full-batch Adam.

Deterministic: no random numbers at all (fixed window layout, full-batch steps from zero weights).
numpy only; shared by `train_injection_model.py` and the candidate comparison.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from injection_data import Item, item_weights

from gateway.detectors.injection.classifier import BITS, Layer, bucket_rows, token_features

DIM = 1 << BITS


@dataclass(frozen=True)
class FitParams:
    window: int = 384
    iters: int = 80
    l2: float = 1e-4
    lr: float = 0.05
    max_windows: int = 8
    min_pos_groups: int = 2
    pos_share: float = 0.5
    corpus_share: float = 0.5  # of the negative weight
    words: bool = True  # word unigram/bigram features beside the character n-grams
    concepts: bool = False  # the concept lexicon's marks and nearby pairs as features (`concept_features`)
    hard_weight: float = 3.0  # a hard benign row weighs this many ordinary rows of its group
    lowrank: int = 0  # k > 0: a low-rank hidden layer on top of the linear model (format 4)
    hidden: int = 16
    lowrank_iters: int = 60
    lowrank_lr: float = 0.02


def windows(n_pos: int, window: int, cap: int) -> list[tuple[int, int]]:
    """Non-overlapping windows (the last flush with the end), evenly thinned to at most `cap`."""
    if n_pos <= window:
        return [(0, n_pos)]
    starts = list(range(0, n_pos - window + 1, window))
    if starts[-1] != n_pos - window:
        starts.append(n_pos - window)
    if len(starts) > cap:
        starts = [starts[round(i * (len(starts) - 1) / (cap - 1))] for i in range(cap)]
    return [(s, s + window) for s in starts]


class Design:
    """Instances (windows) as one flat array of bucket indices plus the instance each belongs to."""

    def __init__(self, items: Sequence[Item], p: FitParams) -> None:
        idx: list[npt.NDArray[np.intp]] = []
        inst: list[int] = []
        scale: list[float] = []
        owner: list[int] = []
        n = 0
        for k, it in enumerate(items):
            rows = bucket_rows(it.text)
            tok = token_features(it.text, p.words, p.concepts)
            wpos, wb = tok if tok is not None else (np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp))
            n_pos = len(rows[0]) + 1 if len(rows[0]) else 1
            for s, e in windows(n_pos, p.window, p.max_windows):
                parts = [r[s : min(e, len(r))] for r in rows]
                parts.append(wb[(wpos >= s) & (wpos < e)])
                cat = np.concatenate(parts) if parts else np.zeros(0, dtype=np.intp)
                idx.append(cat)
                inst.append(len(cat))
                scale.append(1.0 / math.sqrt(max(1, e - s)))
                owner.append(k)
                n += 1
        self.indices = np.concatenate(idx).astype(np.int32)
        self.n = n
        self.rows = np.repeat(np.arange(n, dtype=np.int32), np.asarray(inst))
        self.owner = np.asarray(owner)
        self.scale = np.asarray(scale)[self.rows]

    def dot(self, w: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        return np.bincount(self.rows, weights=w[self.indices] * self.scale, minlength=self.n)

    def tdot(self, r: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        return np.bincount(self.indices, weights=r[self.rows] * self.scale, minlength=DIM)


def _adam(
    d: Design, y: npt.NDArray[np.float64], sw: npt.NDArray[np.float64], p: FitParams, allowed: npt.NDArray[np.bool_]
) -> tuple[npt.NDArray[np.float64], float]:
    w = np.zeros(DIM)
    b = 0.0
    m = np.zeros(DIM)
    v = np.zeros(DIM)
    mb = vb = 0.0
    b1, b2 = 0.9, 0.999
    total = sw.sum()
    for t in range(1, p.iters + 1):
        z = d.dot(w) + b
        prob = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        r = (prob - y) * sw / total
        g = d.tdot(r) + p.l2 * w
        gb = float(r.sum())
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        w -= p.lr * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + 1e-8)
        mb = b1 * mb + (1 - b1) * gb
        vb = b2 * vb + (1 - b2) * gb * gb
        b -= p.lr * 5 * (mb / (1 - b1**t)) / (math.sqrt(vb / (1 - b2**t)) + 1e-8)
        np.minimum(w, 0.0, out=w, where=~allowed)
    return w, b


def fit(items: Sequence[Item], p: FitParams) -> tuple[npt.NDArray[np.float32], float]:
    """Two rounds: every window of an attack carries its share; then only its best window counts
    (an attack is one passage of a long text, not all of it). A bucket may get a positive weight
    only if the attacks of at least `min_pos_groups` groups use it: a topic or wording that one
    source's attacks share is an artefact of that source, not evidence of an attack."""
    d = Design(items, p)
    iw = np.asarray(item_weights(items, p.pos_share, p.corpus_share, p.hard_weight))
    y_item = np.asarray([it.y for it in items], dtype=np.float64)
    y = y_item[d.owner]
    per_item = np.bincount(d.owner, minlength=len(items))
    sw = np.where(y > 0, iw[d.owner] / per_item[d.owner], iw[d.owner])
    seen: dict[str, npt.NDArray[np.bool_]] = {}
    starts = np.concatenate(([0], np.cumsum(np.bincount(d.rows, minlength=d.n))))
    for i in np.flatnonzero(y > 0):
        mark = seen.setdefault(items[int(d.owner[i])].group, np.zeros(DIM, dtype=bool))
        mark[d.indices[starts[i] : starts[i + 1]]] = True
    allowed = sum((m.astype(np.int32) for m in seen.values()), np.zeros(DIM, dtype=np.int32)) >= p.min_pos_groups
    w, b = _adam(d, y, sw, p, allowed)
    z = d.dot(w) + b
    best: dict[int, int] = {}
    for i in np.flatnonzero(y > 0):
        k = int(d.owner[i])
        if k not in best or z[i] > z[best[k]]:
            best[k] = int(i)
    sw2 = np.where(y > 0, 0.0, sw)
    for k, i in best.items():
        sw2[i] = iw[k]
    w, b = _adam(d, y, sw2, p, allowed)
    return w.astype(np.float32), float(b)


def fit_lowrank(items: Sequence[Item], p: FitParams, w: npt.NDArray[np.float32], b: float) -> Layer:
    """The low-rank hidden layer on the residual of a fitted linear model (`w`, `b`, kept fixed):
    every bucket gets a `p.lowrank`-dimensional embedding, a window's embeddings are summed over the
    square root of its length, and one ReLU layer of `p.hidden` units adds `v . relu(A e + c) + b2` to
    the window's linear logit. Full-batch Adam on every window of a benign text and, of an attack, the
    window the linear model ranks best. Deterministic: a fixed seed draws the initial embeddings."""
    d = Design(items, p)
    iw = np.asarray(item_weights(items, p.pos_share, p.corpus_share, p.hard_weight))
    y = np.asarray([it.y for it in items], dtype=np.float64)[d.owner]
    zlin = d.dot(w.astype(np.float64)) + b
    best: dict[int, int] = {}
    for i in np.flatnonzero(y > 0):
        o = int(d.owner[i])
        if o not in best or zlin[i] > zlin[best[o]]:
            best[o] = int(i)
    sw = np.where(y > 0, 0.0, iw[d.owner])
    for o, i in best.items():
        sw[i] = iw[o]
    keep = np.flatnonzero(sw > 0)  # only the windows that count
    remap = np.full(d.n, -1)
    remap[keep] = np.arange(len(keep))
    mask = remap[d.rows] >= 0
    rows, idx, scale = remap[d.rows][mask], d.indices[mask], d.scale[mask]
    n, y, sw, zlin = len(keep), y[keep], sw[keep], zlin[keep]
    total = sw.sum()
    k = p.lowrank
    rng = np.random.default_rng(20261204)
    params: dict[str, npt.NDArray[np.float64]] = {
        "emb": rng.normal(0.0, 0.05, (k, DIM)),
        "a": rng.normal(0.0, 1.0 / math.sqrt(k), (p.hidden, k)),
        "c": np.zeros(p.hidden),
        "v": np.zeros(p.hidden),
        "b2": np.zeros(1),
    }
    m = {name: np.zeros_like(x) for name, x in params.items()}
    s = {name: np.zeros_like(x) for name, x in params.items()}
    for t in range(1, p.lowrank_iters + 1):
        emb, a, c, v = params["emb"], params["a"], params["c"], params["v"]
        e = np.stack([np.bincount(rows, weights=emb[j][idx] * scale, minlength=n) for j in range(k)], 1)
        pre = e @ a.T + c
        h = np.maximum(pre, 0.0)
        z = zlin + h @ v + params["b2"][0]
        prob = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        r = (prob - y) * sw / total
        dh = np.outer(r, v) * (pre > 0)
        de = dh @ a
        grads = {
            "emb": np.stack([np.bincount(idx, weights=de[rows, j] * scale, minlength=DIM) for j in range(k)])
            + p.l2 * emb,
            "a": dh.T @ e + p.l2 * a,
            "c": dh.sum(0),
            "v": h.T @ r + p.l2 * v,
            "b2": np.asarray([r.sum()]),
        }
        for name, g in grads.items():
            m[name] = 0.9 * m[name] + 0.1 * g
            s[name] = 0.999 * s[name] + 0.001 * g * g
            params[name] -= p.lowrank_lr * (m[name] / (1 - 0.9**t)) / (np.sqrt(s[name] / (1 - 0.999**t)) + 1e-8)
    return Layer(
        np.ascontiguousarray(params["emb"].T, dtype=np.float32),
        params["a"].astype(np.float32),
        params["c"].astype(np.float32),
        params["v"].astype(np.float32),
        float(params["b2"][0]),
    )
