"""Second tier: a hashed-feature linear model over words and character n-grams, weights shipped as a file."""

from __future__ import annotations

import json
import math
import re
import zlib
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


def bucket(feature: str, bits: int) -> int:
    return zlib.crc32(feature.encode()) & ((1 << bits) - 1)


class Classifier:
    """Logistic regression on hashed binary features; pure Python, a few microseconds per KB."""

    __slots__ = ("_bias", "_bits", "_weights")

    def __init__(self, weights: Mapping[int, float], bias: float, bits: int) -> None:
        self._weights = dict(weights)
        self._bias = bias
        self._bits = bits

    @classmethod
    def load_default(cls) -> Classifier | None:
        ref = resources.files("gateway.detectors") / "data" / MODEL_FILE
        if not ref.is_file():
            return None
        return cls.from_json(ref.read_text(encoding="utf-8"))

    @classmethod
    def from_json(cls, raw: str) -> Classifier:
        data = json.loads(raw)
        return cls(
            {int(k): float(v) for k, v in data["weights"].items()}, float(data["bias"]), int(data["bits"])
        )

    def probability(self, text: str, profile: str) -> float:
        w = self._weights
        idx = {bucket(f, self._bits) for f in features(text, profile)}
        z = self._bias + sum(w.get(i, 0.0) for i in idx)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
