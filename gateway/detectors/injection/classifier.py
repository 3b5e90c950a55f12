"""Learned tier: a windowed linear model over hashed character and word n-grams, scored with numpy on the CPU.

How a text is scored
--------------------
The text is NFKC-normalised, lower-cased, stripped of zero-width characters, its digits folded to
`0` and its whitespace runs folded to one space (`normalise`). Every character position `i` then
contributes the weights of the character 2-, 3-, 4- and 5-grams starting there, each n-gram hashed
(FNV-1a over code points with murmur3's 64-bit finaliser, one seed per order; stable across
processes and machines) into one of `2**bits` buckets; a model of format 3 adds, at the position
where each word starts, the weights of the word and of the pair it ends (`word_features`, same
buckets). The logit is the bias plus the best sum over any `window` consecutive positions, divided
by the square root of the window's length (so a short message and a window of a long document are
on one scale), so an instruction hidden in a long tool result is not diluted by the benign text
around it, and no word list or language is assumed: a character n-gram is as much a feature in Thai
as in German. The same raw score serves both placements; placement changes only the thresholds.

A model of format 4 (`Layer`; measured as a candidate, not the shipped format: see
docs/guards-quality.md, "Third round") also gives every bucket a small embedding; a window's
embeddings are summed on the same scale and one ReLU layer adds its output to the window's logit.
A model whose metadata says `concepts: true` (a candidate, not the shipped model: "Ninth round")
also places the concept lexicon's marks and near pairs at their positions (`concept_features`).

What the detector sees
----------------------
`probability(text, profile)` maps the raw probability onto the detector's scale with two thresholds
per placement (`chat` = user input, `document` = tool result), calibrated on held-apart data and
stored with the weights:

* raw p >= `block`: 0.5 to 0.9, enough to block on its own;
* `boost` <= p < `block`: 0.34, which crosses the 0.5 threshold only together with a rule cue of
  another family (noisy-OR in `detector.py`: 0.34 and a 0.25 cue give 0.505);
* below `boost`: under 0.2, which the detector ignores.

A model that could not be loaded (missing or broken weights) is kept as an *unavailable* model
whose scoring raises, so the guard's `on_error` decides (deny by default) instead of the tier
silently switching itself off.
"""

from __future__ import annotations

import io
import json
import math
import re
import unicodedata
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import numpy as np
import numpy.typing as npt

from gateway.detectors.injection.lexicon import Lexicon

WEIGHTS_FILE = "injection_model.npy"
META_FILE = "injection_model.json"
ORDERS = (2, 3, 4, 5)
BITS = 21
WINDOW = 384
BOOST = 0.34
WORD_MAX = 24  # longer "words" (scripts written without spaces) are left to the character n-grams
_WORD = re.compile(r"\w+")

_PRIME = np.uint64(0x100000001B3)
_OFFSET = 0xCBF29CE484222325
_MIX = np.uint64(0xFF51AFD7ED558CCD)
_ZERO_WIDTH = dict.fromkeys(
    [
        0xAD,
        0x34F,
        0x61C,
        0x115F,
        0x1160,
        0x17B4,
        0x17B5,
        0xFEFF,
        *range(0x180B, 0x1810),
        *range(0x200B, 0x2010),
        *range(0x202A, 0x202F),
        *range(0x2060, 0x2070),
        *range(0xFE00, 0xFE10),
    ]
)
_DIGITS = str.maketrans("123456789", "000000000")


@dataclass(frozen=True, slots=True)
class Layer:
    """The low-rank hidden layer of a format-4 model: every bucket's `k`-dimensional embedding
    (`emb`, shape (2**bits, k)), summed over a window like the linear weights and passed through one
    ReLU layer (`a`: hidden x k, `c`: hidden) whose output `v` weighs into the logit, plus `b2`."""

    emb: npt.NDArray[np.float32]
    a: npt.NDArray[np.float32]
    c: npt.NDArray[np.float32]
    v: npt.NDArray[np.float32]
    b2: float

    def position_embeddings(
        self, rows: list[npt.NDArray[np.intp]], words: tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]] | None, n: int
    ) -> npt.NDArray[np.float32]:
        """Per position, the embeddings of every n-gram (and word n-gram) starting there, summed."""
        e = np.zeros((n, self.emb.shape[1]), dtype=np.float32)
        for r in rows:
            if len(r):
                e[: len(r)] += self.emb[r]
        if words is not None and len(words[0]):
            np.add.at(e, np.minimum(words[0], n - 1), self.emb[words[1]])
        return e

    def window_logits(
        self, lin: npt.NDArray[np.float64], e: npt.NDArray[np.float32], window: int
    ) -> npt.NDArray[np.float64]:
        """The logit (without bias) of every window of `window` positions (one window when shorter)."""
        n = len(lin)
        if n <= window:
            lin_s = np.asarray([lin.sum()]) / math.sqrt(max(1, n))
            e_s = e.sum(0, keepdims=True) / math.sqrt(max(1, n))
        else:
            acc = np.concatenate(([0.0], np.cumsum(lin)))
            lin_s = (acc[window:] - acc[:-window]) / math.sqrt(window)
            acc_e = np.concatenate((np.zeros((1, e.shape[1]), dtype=np.float32), np.cumsum(e, 0)))
            e_s = (acc_e[window:] - acc_e[:-window]) / math.sqrt(window)
        out: npt.NDArray[np.float64] = lin_s + np.maximum(e_s @ self.a.T + self.c, 0.0) @ self.v + self.b2
        return out


class ModelUnavailable(RuntimeError):
    """The learned tier is configured but its weights could not be loaded."""


def normalise(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).translate(_ZERO_WIDTH).lower().translate(_DIGITS)
    return " " + " ".join(folded.split()) + " "


def _codepoints(text: str) -> npt.NDArray[np.uint64]:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.uint64)


def bucket_rows(text: str, bits: int = BITS) -> list[npt.NDArray[np.intp]]:
    """For each n-gram order, the bucket of the n-gram starting at each position (shared with training)."""
    cps = _codepoints(normalise(text))
    n_chars = len(cps)
    shift = np.uint64(64 - bits)
    out: list[npt.NDArray[np.intp]] = []
    for n in ORDERS:
        count = n_chars - n + 1
        if count <= 0:
            out.append(np.zeros(0, dtype=np.intp))
            continue
        h = np.full(count, np.uint64(_OFFSET ^ (n * 0x9E3779B97F4A7C15 & 0xFFFFFFFFFFFFFFFF)), dtype=np.uint64)
        for k in range(n):
            h ^= cps[k : k + count]
            h *= _PRIME
        h ^= h >> np.uint64(33)  # murmur3's finaliser: FNV alone leaves the top bits blind to the last character
        h *= _MIX
        h ^= h >> np.uint64(29)
        out.append((h >> shift).astype(np.intp))
    return out


def word_features(text: str, bits: int = BITS) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Word unigrams and bigrams of the normalised text (runs of word characters, at most `WORD_MAX`
    long): for each, the position of its first character and its bucket (CRC-32 of the word with a
    tag byte per order; stable across processes and machines), in the same bucket space as the
    character n-grams. A word carries across spellings of one language what a character n-gram
    carries across languages."""
    norm = normalise(text)
    words = [(m.start(), m.group()) for m in _WORD.finditer(norm) if len(m.group()) <= WORD_MAX]
    shift = 32 - bits
    pos: list[int] = []
    out: list[int] = []
    prev = ""
    for start, w in words:
        pos.append(start)
        out.append(zlib.crc32(("\x01" + w).encode("utf-8")) >> shift)
        if prev:
            pos.append(start)
            out.append(zlib.crc32(("\x02" + prev + " " + w).encode("utf-8")) >> shift)
        prev = w
    return np.asarray(pos, dtype=np.intp), np.asarray(out, dtype=np.intp)


CONCEPT_NEAR = 60  # two concept marks this close (in normalised characters) also make a pair feature
_PAIRS_PER_MARK = 8


@cache
def _lexicon() -> Lexicon:
    return Lexicon()


def concept_features(text: str, bits: int = BITS) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """The multilingual concept lexicon's marks (`lexicon.py`: stems of "ignore", "secret", "forward",
    "by e-mail", "pretend", ... in about 40 languages) as features: at each mark's position the
    concept, and the unordered pair it makes with each other concept at most `CONCEPT_NEAR`
    characters before it (CRC-32 with their own tag bytes, same bucket space). The same concept
    then carries the same weight in every language the lexicon holds, which character n-grams
    learned from one language's rows cannot."""
    norm = normalise(text)
    marks = _lexicon().marks(norm, set(_WORD.findall(norm)))
    flat = sorted({(start, concept) for concept, spans in marks.items() for start, _ in spans})
    shift = 32 - bits
    pos: list[int] = []
    out: list[int] = []
    for i, (start, concept) in enumerate(flat):
        pos.append(start)
        out.append(zlib.crc32(("\x03" + concept).encode("utf-8")) >> shift)
        paired = 0
        for j in range(i - 1, -1, -1):
            before, other = flat[j]
            if start - before > CONCEPT_NEAR or paired >= _PAIRS_PER_MARK:
                break
            if other == concept:
                continue
            a, b = sorted((concept, other))
            pos.append(start)
            out.append(zlib.crc32(("\x04" + a + " " + b).encode("utf-8")) >> shift)
            paired += 1
    return np.asarray(pos, dtype=np.intp), np.asarray(out, dtype=np.intp)


def token_features(
    text: str, words: bool, concepts: bool
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]] | None:
    """The features placed at word positions: word n-grams, concept marks, or both (None: neither)."""
    parts = ([word_features(text)] if words else []) + ([concept_features(text)] if concepts else [])
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])


def position_sums(
    weights: npt.NDArray[np.float32],
    rows: list[npt.NDArray[np.intp]],
    words: tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]] | None = None,
) -> npt.NDArray[np.float64]:
    """Per-position contribution: the weights of every n-gram (and word n-gram) starting at that
    position, summed."""
    n_pos = len(rows[0]) + 1 if rows and len(rows[0]) else 1
    contrib = np.zeros(n_pos, dtype=np.float64)
    for r in rows:
        if len(r):
            contrib[: len(r)] += weights[r]
    if words is not None and len(words[0]):
        contrib += np.bincount(np.minimum(words[0], n_pos - 1), weights=weights[words[1]], minlength=n_pos)
    return contrib


def best_window(contrib: npt.NDArray[np.float64], window: int) -> tuple[float, int]:
    """Best window score and where that window starts. A window's score is its sum over the square root
    of its length (`window`, or the whole text when shorter), so short and long texts share one scale."""
    n = len(contrib)
    if n <= window:
        return float(contrib.sum()) / math.sqrt(max(1, n)), 0
    acc = np.concatenate(([0.0], np.cumsum(contrib)))
    sums = acc[window:] - acc[:-window]
    i = int(np.argmax(sums))
    return float(sums[i]) / math.sqrt(window), i


class Classifier:
    """Read-only after construction and thread-safe (numpy releases no shared state between calls)."""

    __slots__ = ("_bias", "_concepts", "_error", "_layer", "_thresholds", "_weights", "_window", "_words", "meta")

    def __init__(
        self,
        weights: npt.NDArray[np.float32],
        bias: float,
        *,
        thresholds: Mapping[str, Mapping[str, float]] | None = None,
        window: int = WINDOW,
        words: bool = False,
        concepts: bool = False,
        layer: Layer | None = None,
        meta: dict[str, Any] | None = None,
        error: str | None = None,
    ) -> None:
        if error is None and weights.shape != (1 << BITS,):
            raise ModelUnavailable(f"weights have shape {weights.shape}, expected ({1 << BITS},)")
        self._weights = weights
        self._bias = bias
        self._thresholds = {p: dict(t) for p, t in (thresholds or {}).items()}
        self._window = window
        self._words = words
        self._concepts = concepts
        self._layer = layer
        self.meta = meta or {}
        self._error = error

    @classmethod
    def unavailable(cls, reason: str) -> Classifier:
        """A stand-in whose scoring raises `ModelUnavailable` (the guard's `on_error` then applies)."""
        return cls(np.zeros(0, dtype=np.float32), 0.0, error=reason)

    @classmethod
    def load_default(cls) -> Classifier:
        """The shipped weights (package data; no network)."""
        return cls.load(resources.files("gateway.detectors") / "data")

    @classmethod
    def load(cls, data: Traversable) -> Classifier:
        """Weights and metadata from a directory; any problem yields an unavailable model, never an
        exception or None."""
        try:
            meta = json.loads((data / META_FILE).read_text(encoding="utf-8"))
            weights = np.load(io.BytesIO((data / WEIGHTS_FILE).read_bytes()), allow_pickle=False)
            return cls.from_arrays(weights, meta)
        except (OSError, ValueError, KeyError, TypeError, ModelUnavailable) as exc:
            return cls.unavailable(f"{type(exc).__name__}: {exc}")

    @classmethod
    def from_arrays(cls, weights: npt.NDArray[Any], meta: dict[str, Any]) -> Classifier:
        """Format 2/3: `weights` is the linear weight vector. Format 4: its first column is, the
        others are the buckets' embeddings; the hidden layer is in `meta["layer"]`."""
        if meta.get("format") not in (2, 3, 4) or tuple(meta.get("orders", ())) != ORDERS or meta.get("bits") != BITS:
            raise ValueError(f"unsupported model format: {meta.get('format')!r}")
        layer = None
        if meta["format"] == 4:
            if weights.ndim != 2 or weights.shape[1] < 2:
                raise ValueError(f"format 4 weights have shape {weights.shape}, expected (buckets, 1 + k)")
            h = meta["layer"]
            layer = Layer(
                np.ascontiguousarray(weights[:, 1:], dtype=np.float32),
                np.asarray(h["a"], dtype=np.float32).reshape(-1, weights.shape[1] - 1),
                np.asarray(h["c"], dtype=np.float32),
                np.asarray(h["v"], dtype=np.float32),
                float(h["b2"]),
            )
            weights = weights[:, 0]
        return cls(
            np.ascontiguousarray(weights, dtype=np.float32),
            float(meta["bias"]),
            thresholds=meta["thresholds"],
            window=int(meta["window"]),
            words=meta["format"] >= 3 and bool(meta.get("word_ngrams")),
            concepts=meta["format"] >= 3 and bool(meta.get("concepts")),
            layer=layer,
            meta=meta,
        )

    @property
    def available(self) -> bool:
        return self._error is None

    def logit_and_span(self, text: str) -> tuple[float, int]:
        """Logit of the best window and the offset (in normalised characters) where it starts."""
        if self._error is not None:
            raise ModelUnavailable(self._error)
        words = token_features(text, self._words, self._concepts)
        rows = bucket_rows(text)
        lin = position_sums(self._weights, rows, words)
        if self._layer is not None:
            z = self._layer.window_logits(lin, self._layer.position_embeddings(rows, words, len(lin)), self._window)
            i = int(np.argmax(z))
            return self._bias + float(z[i]), i
        best, start = best_window(lin, self._window)
        return self._bias + best, start

    def raw_probability(self, text: str) -> float:
        z = self.logit_and_span(text)[0]
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def probability(self, text: str, profile: str) -> float:
        """Calibrated score on the detector's scale (see the module docstring), not the raw p."""
        return self.score(self.raw_probability(text), profile)

    def score(self, p: float, profile: str) -> float:
        if self._error is not None:
            raise ModelUnavailable(self._error)
        t = self._thresholds.get(profile) or {"block": 1.0, "boost": 1.0}
        block, boost = t["block"], t["boost"]
        if p >= block:
            return round(0.5 + 0.4 * (p - block) / max(1e-9, 1.0 - block), 4)
        if p >= boost:
            return BOOST
        return round(0.19 * p / max(1e-9, boost), 4)
