"""The rule tier on the independent writers' training files: recall and FPR per writer, and which
families flag their hard benign rows (what to fix by a construction of the language, never by a row).

Rows are scanned where their kind says (direct as user input, indirect as tool results). The writers'
files are training data, not a probe set, so reading their rows is allowed; nothing here prints a row
unless `--show FAMILY` asks for the hard benign rows that family flags.

Usage: python bench/injection_writers.py [--classifier] [--show FAMILY] [--training-dir DIR]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from injection_data import TRAINING, WRITERS, written_items

from gateway.detectors.injection import InjectionDetector, Profile
from gateway.detectors.injection.classifier import Classifier


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--training-dir", type=Path, default=TRAINING)
    ap.add_argument("--classifier", action="store_true", help="add the shipped learned tier")
    ap.add_argument("--show", default="", help="print the hard benign rows this family flags")
    args = ap.parse_args()
    model = Classifier.load_default() if args.classifier else None
    det = {p: InjectionDetector("injection", Profile(p), model) for p in ("chat", "document")}
    flagged: Counter[tuple[str, str, str]] = Counter()
    total: Counter[tuple[str, str, str]] = Counter()
    families: Counter[str] = Counter()
    for name in WRITERS:
        path = args.training_dir / f"{name}.jsonl"
        if not path.is_file():
            continue
        for it in written_items(path, name):
            key = (name, "attack" if it.y else "hard benign" if it.hard else "ordinary benign", it.kind)
            findings = det[it.profile].scan(it.text)
            hit = max((f.score for f in findings), default=0.0) >= 0.5
            total[key] += 1
            flagged[key] += hit
            if hit and key[1] == "hard benign":
                names = {f.entity for f in findings} - {"combined"}
                families.update(names)
                if args.show in names:
                    print(f"--- {name} {it.kind}: {it.text[:300]!r}")
    for key in sorted(total):
        print(f"{' / '.join(key):45} {flagged[key] / total[key]:.3f} ({flagged[key]}/{total[key]})")
    for cls in ("attack", "hard benign", "ordinary benign"):
        n = sum(v for k, v in total.items() if k[1] == cls)
        f = sum(v for k, v in flagged.items() if k[1] == cls)
        print(f"all writers / {cls:31} {f / max(1, n):.3f} ({f}/{n})")
    print("families in flagged hard benign rows:", ", ".join(f"{f} {n}" for f, n in families.most_common(12)))


if __name__ == "__main__":
    main()
