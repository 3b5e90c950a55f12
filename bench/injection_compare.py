"""Compare learned-tier candidates fold by fold from their per-item score files.

Each score file (`train_injection_model.py --scores`, `injection_embedding_candidate.py --scores`)
holds, per fold, the raw score of every calibration and test item. For each candidate and fold the
thresholds are picked on the calibration items (`calibrate`, the shipped rule), then the test items
are flagged by the model alone and by "rules OR model" (the rule tier's verdict from the real
detector, computed once per item). Only items that every candidate scored are counted, so the
candidates are measured on the same rows.

With `--standalone-chat` the model may also block user input on its own (the question of whether it
should: its held-out false positives on user requests at thresholds calibrated elsewhere).

Usage: python bench/injection_compare.py DEV.jsonl --corpus-cache FILE NAME=SCORES.json [NAME=SCORES.json ...]
    [--standalone-chat] [--training-dir DIR]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from injection_bound import detector_flags
from injection_data import TRAINING, corpus_chunks, every_source
from train_injection_model import STANDALONE, calibrate, rates


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dev", type=Path)
    ap.add_argument("candidates", nargs="+", help="NAME=SCORES.json")
    ap.add_argument("--corpus-cache", type=Path)
    ap.add_argument("--requests", type=int, default=15000)
    ap.add_argument("--training-dir", type=Path, default=TRAINING)
    ap.add_argument("--standalone-chat", action="store_true", help="let the model block user input on its own")
    args = ap.parse_args()
    standalone = {**STANDALONE, "chat": True} if args.standalone_chat else STANDALONE
    items = every_source(args.dev, corpus_chunks(args.corpus_cache, 7, args.requests), args.training_dir)
    files = {c.split("=", 1)[0]: json.loads(Path(c.split("=", 1)[1]).read_text()) for c in args.candidates}
    first = next(iter(files.values()))
    fold_names = [f for f in first if not f.startswith("_") and all(f in s for s in files.values())]
    rules: dict[int, bool] = {}
    for fold in fold_names:
        common = {
            part: sorted(set.intersection(*({i for i, _ in s[fold][part]} for s in files.values())))
            for part in ("calib", "test")
        }
        todo = [i for i in common["test"] if i not in rules]
        rules.update(zip(todo, detector_flags([items[i] for i in todo], None), strict=True))
        test = [items[i] for i in common["test"]]
        print(f"## {fold} ({len(common['test'])} test items)")
        print(json.dumps({"rules_only": rates(test, [rules[i] for i in common["test"]])}))
        for name, s in files.items():
            calib_p = dict(map(tuple, s[fold]["calib"]))
            test_p = dict(map(tuple, s[fold]["test"]))
            cal = calibrate([items[i] for i in common["calib"]], [calib_p[i] for i in common["calib"]], standalone)
            alone = [test_p[i] >= cal[items[i].profile]["block"] for i in common["test"]]
            either = [a or rules[i] for a, i in zip(alone, common["test"], strict=True)]
            row = {"model_alone": rates(test, alone), "rules_or_model": rates(test, either), "thresholds": cal}
            print(name, json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
