"""Second tier: a windowed linear model over words, word bigrams, word prefixes and CJK/Thai
character bigrams. Pure-Python inference; the weights are JSON under `gateway/detectors/data/`.

How a text is scored
--------------------
The text is NFKC-normalised, lower-cased and stripped of zero-width characters (a cheap subset of
`normalize.py`; the rule tier handles leetspeak and spacing tricks). Each token position `i`
contributes `w[word_i] + w[word_{i-1} word_i] + w[prefix5(word_i)~]` (+ the character bigrams of
tokens written without spaces). The logit of a text is the bias plus the best sum over any window of
`window` consecutive positions, so an instruction hidden in a long tool result is not diluted by the
benign text around it. Everything in the hot path is a C-level `map`/`accumulate`, about
0.05 ms per KB.

What the detector sees
----------------------
`probability()` does not return the raw probability but a score on the detector's scale, mapped
with two thresholds calibrated on held-apart benign text (stored with the weights):

* raw p >= `t_high`: 0.5 to 0.9, enough to block on its own;
* `t_low` <= p < `t_high`: `boost` (0.34), which only crosses the 0.5 threshold together with a
  rule cue of a *different* family (noisy-OR in `detector.py`: 0.34 and a 0.25 cue give 0.505);
* below `t_low`: under 0.2, which the detector ignores.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Mapping
from importlib import resources
from itertools import accumulate, repeat
from operator import add, sub
from typing import Any

MODEL_FILE = "injection_classifier.json"
META_FILE = "injection_classifier.meta.json"

_WORD = re.compile(r"\w+")
_NO_SPACE_SCRIPT = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
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
PREFIX = 5
WINDOW = 96


def tokens(text: str) -> list[str]:
    """The classifier's normalisation and tokenisation (shared with the training script)."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).translate(_ZERO_WIDTH).lower())


def _prefix(word: str) -> str:
    return word[:PREFIX] + "~" if len(word) > PREFIX + 1 else ""


def _char_bigrams(word: str) -> list[str]:
    if len(word) > 2 and _NO_SPACE_SCRIPT.search(word):
        return [word[i : i + 2] for i in range(len(word) - 1)]
    return []


def position_features(words: list[str]) -> list[list[str]]:
    """Feature names per token position (training side; inference uses the same names, vectorised)."""
    out = []
    prev = "<s>"
    for w in words:
        feats = [w, f"{prev} {w}"]
        p = _prefix(w)
        if p:
            feats.append(p)
        feats.extend(_char_bigrams(w))
        out.append(feats)
        prev = w
    return out


def profile_feature(profile: str) -> str:
    return f"__profile_{profile}"


class Classifier:
    """Logistic regression, weights keyed by feature string (no hashing: stable across processes).

    Thread-safe and read-only after construction."""

    __slots__ = ("_bias", "_boost", "_t_high", "_t_low", "_weights", "_window", "meta")

    def __init__(
        self,
        weights: Mapping[str, float],
        bias: float,
        *,
        t_low: float = 0.5,
        t_high: float = 0.9,
        boost: float = 0.34,
        window: int = WINDOW,
        meta: dict[str, Any] | None = None,
    ) -> None:
        self._weights = dict(weights)
        self._bias = bias
        self._t_low = t_low
        self._t_high = t_high
        self._boost = boost
        self._window = window
        self.meta = meta or {}

    @classmethod
    def load_default(cls) -> Classifier | None:
        ref = resources.files("gateway.detectors") / "data" / MODEL_FILE
        if not ref.is_file():
            return None
        return cls.from_json(ref.read_text(encoding="utf-8"))

    @classmethod
    def from_json(cls, raw: str) -> Classifier:
        data = json.loads(raw)
        cal = data.get("calibration", {})
        return cls(
            {str(k): float(v) for k, v in data["weights"].items()},
            float(data["bias"]),
            t_low=float(cal.get("t_low", 0.5)),
            t_high=float(cal.get("t_high", 0.9)),
            boost=float(cal.get("boost", 0.34)),
            window=int(data.get("window", WINDOW)),
            meta={k: v for k, v in data.items() if k not in ("weights", "bias")},
        )

    def logit(self, text: str, profile: str) -> float:
        words = tokens(text)
        g = self._weights.get
        base = self._bias + g(profile_feature(profile), 0.0)
        if not words:
            return base
        zero = repeat(0.0)
        contrib = list(
            map(add, map(g, words, zero), map(g, map(" ".join, zip(["<s>", *words], words, strict=False)), zero))
        )
        prefixes = [w[:PREFIX] + "~" if len(w) > PREFIX + 1 else "" for w in words]  # inlined _prefix
        contrib = list(map(add, contrib, map(g, prefixes, zero)))
        if _NO_SPACE_SCRIPT.search(text):
            for i, w in enumerate(words):
                for bg in _char_bigrams(w):
                    contrib[i] += g(bg, 0.0)
        n = len(contrib)
        if n <= self._window:
            return float(base + sum(contrib))
        acc = list(accumulate(contrib, initial=0.0))
        return float(base + max(map(sub, acc[self._window :], acc[: n + 1 - self._window])))

    def raw_probability(self, text: str, profile: str) -> float:
        z = self.logit(text, profile)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def probability(self, text: str, profile: str) -> float:
        """Calibrated score on the detector's scale (see the module docstring), not the raw p."""
        return self.score(self.raw_probability(text, profile))

    def score(self, p: float) -> float:
        if p >= self._t_high:
            return round(0.5 + 0.4 * (p - self._t_high) / max(1e-9, 1.0 - self._t_high), 4)
        if p >= self._t_low:
            return self._boost
        return round(0.19 * p / max(1e-9, self._t_low), 4)
