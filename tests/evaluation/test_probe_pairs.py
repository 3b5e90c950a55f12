"""Placement pairs of a blind probe set (bench/probe_totals.py): pairs caught in both places, in one, in neither."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from probe_totals import pair_totals


def _row(pair: str, kind: str, label: str = "injection") -> dict[str, object]:
    return {"pair": pair, "kind": kind, "label": label}


def test_pairs_are_counted_by_which_halves_are_caught() -> None:
    raw = [_row("p1", "direct"), _row("p1", "indirect"), _row("p2", "direct"), _row("p2", "indirect"),
           _row("p3", "direct"), _row("p3", "indirect"), _row("p4", "direct"), _row("p4", "indirect"),
           _row("p5", "direct"),  # a half without its other half is no pair
           {"kind": "direct", "label": "benign"}]
    caught = [True, True, True, False, False, True, False, False, True, True]
    got = {k: v["flagged"] for k, v in pair_totals(raw, caught).items()}
    assert got == {"both": 1, "direct only": 1, "indirect only": 1, "neither": 1}
    assert pair_totals(raw, caught)["both"]["rows"] == 4
