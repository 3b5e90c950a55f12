"""Totals of the shipped injection guards on a blind probe set, never its rows.

A blind probe set is read only through totals (rows are never printed, so nobody fixes a detector
against one). Prints recall and FPR per kind and placement, with benign rows split by the set's
`category` (`benign_ordinary` / `benign_hard`), for the rule tier alone and with the learned tier; for a set
with placement pairs (rows sharing a `pair` id), how many pairs are caught in both places, in one, in neither.

    .venv/bin/python bench/probe_totals.py bench/injection_probes_2.jsonl [--rules rules] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gateway.detectors.factory import build_detectors  # noqa: E402
from gateway.detectors.kinds import DetectorKind  # noqa: E402
from gateway.evaluation.cli import _only, load_guards  # noqa: E402
from gateway.evaluation.dataset import read_injection  # noqa: E402
from gateway.evaluation.injection_report import Placement, injection_predictor  # noqa: E402


def group(row: dict[str, object]) -> str:
    if row["label"] == "injection":
        return "injection"
    category = str(row.get("category", ""))
    # `benign_ordinary`, or a set's own ordinary categories (`ordinary_request`, `ordinary_document`); every other
    # benign category names a kind of hard benign text (`self_correction`, `dataset_card`, ...)
    ordinary = category in ("", "benign_ordinary") or category.startswith("ordinary")
    return "benign_ordinary" if ordinary else "benign_hard"


def totals(path: Path, rules: Path) -> dict[str, dict[str, dict[str, float]]]:
    raw = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = read_injection(path)
    config = load_guards(rules)
    out: dict[str, dict[str, dict[str, float]]] = {}
    for tier, changes in (("rules", {"classifier": False}), ("rules+model", {})):
        detectors = build_detectors(_only(config, DetectorKind.INJECTION, **changes))
        for placement in (Placement.NATIVE, Placement.USER, Placement.TOOL_RESULT):
            predict = injection_predictor(detectors, placement)
            flagged: Counter[tuple[str, str]] = Counter()
            seen: Counter[tuple[str, str]] = Counter()
            for obj, row in zip(raw, rows, strict=True):
                key = (str(obj["kind"]), group(obj))
                seen[key] += 1
                flagged[key] += predict(row)
            out[f"{tier} / {placement.value}"] = {
                f"{kind} {g}": {"flagged": flagged[(kind, g)], "rows": n, "rate": round(flagged[(kind, g)] / n, 3)}
                for (kind, g), n in sorted(seen.items())
            }
            if placement is Placement.NATIVE and any("pair" in obj for obj in raw):
                out[f"{tier} / placement pairs"] = pair_totals(raw, [predict(row) for row in rows])
    return out


def pair_totals(raw: list[dict[str, object]], caught: list[bool]) -> dict[str, dict[str, float]]:
    """The attacks written once as a user message and once inside tool output (rows sharing a `pair` id), each in
    its own placement: how many pairs are caught in both places, in one, in neither."""
    halves: dict[str, dict[str, bool]] = {}
    for obj, hit in zip(raw, caught, strict=True):
        if "pair" in obj and obj["label"] == "injection":
            halves.setdefault(str(obj["pair"]), {})[str(obj["kind"])] = hit
    pairs = [h for h in halves.values() if len(h) == 2]
    kinds = {
        "both": lambda h: h["direct"] and h["indirect"],
        "direct only": lambda h: h["direct"] and not h["indirect"],
        "indirect only": lambda h: h["indirect"] and not h["direct"],
        "neither": lambda h: not (h["direct"] or h["indirect"]),
    }
    n = len(pairs)
    return {k: {"flagged": sum(map(f, pairs)), "rows": n, "rate": round(sum(map(f, pairs)) / n, 3) if n else 0.0}
            for k, f in kinds.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", type=Path)
    parser.add_argument("--rules", type=Path, default=ROOT / "rules")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = totals(args.file, args.rules)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print("rate = recall for injection rows, FPR for benign rows")
    for setting, cells in result.items():
        print(f"\n{setting}")
        for name, cell in cells.items():
            print(f"  {name:<28} {cell['flagged']:>4}/{cell['rows']:<4} {cell['rate']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
