"""Out-of-fold calibration shares (bench/injection_oof.py): exceedance rates and the pooled verdicts they give."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from injection_data import Item
from injection_oof import Held, _exceedance, held_items, rates


@pytest.mark.parametrize(("scores", "p", "share"), [
    ([0.1, 0.2, 0.3, 0.4], 0.35, 0.25),
    ([0.1, 0.2, 0.3, 0.4], 0.3, 0.5),  # a score equal to a calibration score counts it as at or above
    ([0.1, 0.2, 0.3, 0.4], 0.05, 1.0),
    ([0.1, 0.2, 0.3, 0.4], 0.9, 0.0),
    ([], 0.5, 0.0),
])
def test_exceedance(scores: list[float], p: float, share: float) -> None:
    assert _exceedance(scores, p) == share


def _held(y: int, p: float, ex: float, ex_hard: float = 0.0, rules: bool = False, boosted: bool = False,
          hard: bool = False) -> Held:
    return Held("chat", y, hard, False, False, p, ex, ex_hard, rules, boosted)


# (item, flagged at q_ord 0.01, q_hard 0.02, q_boost 0.05)
VERDICTS = [
    (_held(1, 0.9, 0.005, 0.01), True),                # under both block shares
    (_held(1, 0.9, 0.005, 0.03), False),               # above the hard share: no block
    (_held(1, 0.45, 0.001, 0.0), False),               # a block never under a raw 0.5
    (_held(1, 0.3, 0.03, boosted=True), True),         # boost band, and the rules complete it
    (_held(1, 0.3, 0.03, boosted=False), False),       # boost band, no rule cue
    (_held(1, 0.3, 0.2, rules=True), True),            # below boost: the rules alone
    (_held(1, 0.04, 0.03, boosted=True), False),       # a boost never under a raw 0.05
]


@pytest.mark.parametrize(("held", "flagged"), VERDICTS)
def test_one_item_verdict(held: Held, flagged: bool) -> None:
    assert rates([held], "chat", 0.01, 0.02, 0.05)["recall"] == (1.0 if flagged else 0.0)


def test_rates_pool_by_kind() -> None:
    items = [_held(1, 0.9, 0.0), _held(1, 0.1, 0.5), _held(0, 0.9, 0.0), _held(0, 0.1, 0.5),
             _held(0, 0.9, 0.0, 0.5, hard=True)]
    got = rates(items, "chat", 0.01, 0.02, 0.05)
    assert (got["recall"], got["fpr_ordinary"], got["fpr_hard"]) == (0.5, 0.5, 0.0)


def test_own_rows_count_once_not_once_per_fold() -> None:
    items = [
        Item("how do I reset my router", 0, "chat", "own", "calib", hard=False),
        Item("what is the weather", 0, "chat", "writer-a", "calib", hard=False),
        Item("please send me the minutes", 0, "chat", "writer-a", "test", hard=False),
        Item("translate this to French", 0, "chat", "own", "test", hard=False),
    ]
    folds = {"xw:writer-a": {"calib": [[0, 0.2], [1, 0.4]], "test": [[2, 0.3], [3, 0.9]]}}
    held = held_items(items, folds)
    assert [(h.ex_ordinary, h.y) for h in held] == [(0.5, 0)]
