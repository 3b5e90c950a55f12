"""Second tier: a linear model over words, word bigrams and CJK/Thai character bigrams, shipped as JSON."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Mapping
from importlib import resources

_WORD = re.compile(r"\w+")
_NO_SPACE_SCRIPT = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
MODEL_FILE = "injection_model.json"


def features(text: str, profile: str) -> Iterator[str]:
    """Lower-cased words, word bigrams, and character bigrams for scripts written without spaces."""
    words = _WORD.findall(text.lower())
    prev = "<s>"
    for w in words:
        yield w
        yield f"{prev} {w}"
        prev = w
        if len(w) > 3 and _NO_SPACE_SCRIPT.search(w):
            for i in range(len(w) - 1):
                yield w[i : i + 2]
    yield f"__profile_{profile}"


class Classifier:
    """Logistic regression on binary features, weights keyed by the feature string (no hashing).

    Pure Python: one dict lookup per feature, tens of microseconds per KB."""

    __slots__ = ("_bias", "_weights")

    def __init__(self, weights: Mapping[str, float], bias: float) -> None:
        self._weights = dict(weights)
        self._bias = bias

    @classmethod
    def load_default(cls) -> Classifier | None:
        ref = resources.files("gateway.detectors") / "data" / MODEL_FILE
        if not ref.is_file():
            return None
        return cls.from_json(ref.read_text(encoding="utf-8"))

    @classmethod
    def from_json(cls, raw: str) -> Classifier:
        data = json.loads(raw)
        return cls({str(k): float(v) for k, v in data["weights"].items()}, float(data["bias"]))

    def probability(self, text: str, profile: str) -> float:
        w = self._weights
        z = self._bias + sum(w.get(f, 0.0) for f in set(features(text, profile)))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
