"""The corpus bound of the injection model's calibration (bench/train_injection_model.py): what the model adds to
the rules' false positives on the benign corpus's calibration split stays within its share."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from injection_bound import CorpusVerdict, added_share, bound_by_corpus


def _doc(p: float, rules: bool = False, boostable: bool = False) -> CorpusVerdict:
    return CorpusVerdict("document", rules, boostable, p)


# 100 document chunks: 96 quiet, a block-level one, two boost-band ones (one with a rule cue), one the rules flag.
CHUNKS = [_doc(0.1)] * 96 + [_doc(0.95), _doc(0.85, boostable=True), _doc(0.85), _doc(0.99, rules=True)]
CAL = {"document": {"block": 0.9, "boost": 0.8}}


@pytest.mark.parametrize(("block", "boost", "share"), [
    (0.9, 0.8, 0.02),    # the block-level chunk and the boost with a cue; the cue-less boost adds nothing
    (0.96, 0.8, 0.01),   # only the boost with a cue
    (0.9, 0.86, 0.01),   # only the block-level chunk
    (0.999, 0.999, 0.0),  # what the rules flag is not the model's addition
])
def test_added_share(block: float, boost: float, share: float) -> None:
    assert added_share(CHUNKS, "document", block, boost) == pytest.approx(share)


@pytest.mark.parametrize(("limit", "block", "boost"), [
    (0.02, 0.9, 0.8),        # already within: unchanged
    (0.01, 0.9501, 0.8501),  # the least shift that drops the block-level chunk (0.95 < 0.9501)
    (0.0, 0.9501, 0.8501),   # that shift also lifts the boost above the cue's 0.85
])
def test_bound_by_corpus_raises_both_thresholds_by_the_least_shift(limit: float, block: float, boost: float) -> None:
    out = bound_by_corpus(CAL, CHUNKS, {"document": limit})["document"]
    assert out == {"block": pytest.approx(block), "boost": pytest.approx(boost)}
    assert added_share(CHUNKS, "document", out["block"], out["boost"]) <= limit
