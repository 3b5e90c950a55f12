"""False-positive rate of the shipped injection guard on the offline benign corpus.

The corpus is the one `bench/benign_corpus.py` builds from text installed on this
machine (manual pages, gettext catalogs, package docs, Python sources, small data files; see that
script's docstring) — the corpus code is imported from there, not duplicated. Chunks under 300
characters are scanned as chat input (`Place.INPUT`), longer ones as tool results
(`Place.TOOL_RESULT`), through the guard exactly as `rules/guards.yaml` configures it
(`build_detectors` + the guard's threshold; `--no-classifier` for the rule tier alone).

Prints FPR per profile, per profile and corpus source, per corpus split (the `test` slice is the one
the classifier's held-apart numbers use), the families (finding entities at or above the threshold)
that flag most chunks, and a few truncated example snippets for each.

`--placement both` scans every chunk in both places instead (user input and tool result, reported
under the `chat` and `document` profiles) and adds how many chunks are flagged in one place only.

Deterministic: fixed corpus seed, `--limit` takes a fixed-seed sample.

Usage: python bench/injection_fpr.py [--corpus-cache FILE] [--limit N] [--no-classifier] [--split test]
       [--placement native|both]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import sysconfig
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benign_corpus import Chunk, build_corpus, synthetic_requests

from gateway.detectors.factory import build_detectors, scan_guard
from gateway.detectors.kinds import DetectorKind, Place
from gateway.evaluation.cli import SHIPPED_RULES, _only, load_guards

PLACE = {"chat": Place.INPUT, "document": Place.TOOL_RESULT}


def load_corpus(cache: Path | None, sysroot: Path, seed: int) -> list[Chunk]:
    if cache and cache.is_file():
        with cache.open(encoding="utf-8") as fh:
            return [Chunk(**json.loads(line)) for line in fh]
    site = Path(np.__file__).resolve().parents[1]
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    corpus = build_corpus(site, stdlib, sysroot, seed)
    if cache:
        with cache.open("w", encoding="utf-8") as fh:
            for c in corpus:
                row = {"text": c.text, "origin": c.origin, "split": c.split, "profile": c.profile}
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return corpus


def _pct(n: int, d: int) -> str:
    return f"{n}/{d} = {100 * n / max(1, d):.2f}%"


def _snippet(text: str, start: int, end: int, width: int) -> str:
    a = max(0, start - width // 2)
    b = min(len(text), max(end, start + 1) + width // 2)
    s = text[a:start] + "[[" + text[start:end][:120] + "]]" + text[end:b]
    return " ".join(s.split())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus-cache", type=Path, help="read/write the built corpus (JSONL, not shipped)")
    ap.add_argument("--sysroot", type=Path, default=Path("/usr"), help="prefix of share/man, share/locale, share/doc")
    ap.add_argument("--rules", type=Path, default=SHIPPED_RULES, help="rules directory holding guards.yaml")
    ap.add_argument("--seed", type=int, default=7, help="corpus seed (the training script's default)")
    ap.add_argument(
        "--requests",
        type=int,
        default=15000,
        help="synthetic benign chat requests wrapped around corpus chunks, as in training (0: none)",
    )
    ap.add_argument("--limit", type=int, default=0, help="scan a fixed-seed sample of this many chunks")
    ap.add_argument("--split", choices=("all", "train", "calib", "test"), default="all")
    ap.add_argument("--no-classifier", action="store_true", help="rule families only")
    ap.add_argument(
        "--placement",
        choices=("native", "both"),
        default="native",
        help="native: short chunks as chat, long ones as documents; both: every chunk in both places",
    )
    ap.add_argument("--top", type=int, default=12, help="families to list")
    ap.add_argument("--examples", type=int, default=3, help="example snippets per family")
    ap.add_argument("--width", type=int, default=160, help="characters of context per snippet")
    ap.add_argument("--json", type=Path, help="also write the counts here")
    args = ap.parse_args()

    t0 = time.time()
    corpus = load_corpus(args.corpus_cache, args.sysroot, args.seed)
    corpus = corpus + synthetic_requests(corpus, args.seed, args.requests)
    if args.split != "all":
        corpus = [c for c in corpus if c.split == args.split]
    if args.limit and args.limit < len(corpus):
        corpus = random.Random(args.seed).sample(corpus, args.limit)
    print(f"corpus: {len(corpus)} chunks ({time.time() - t0:.0f}s)", flush=True)

    changes = {"classifier": False} if args.no_classifier else {}
    config = _only(load_guards(args.rules), DetectorKind.INJECTION, **changes)
    detectors = build_detectors(config)
    guards = [g for g in detectors.guards if Place.INPUT in g.detectors and Place.TOOL_RESULT in g.detectors]
    if not guards:
        raise SystemExit("no injection guard covers both input and tool_result")

    total: Counter[str] = Counter()
    flagged: Counter[str] = Counter()
    by_origin: Counter[tuple[str, str]] = Counter()
    flagged_origin: Counter[tuple[str, str]] = Counter()
    by_split: Counter[tuple[str, str]] = Counter()
    flagged_split: Counter[tuple[str, str]] = Counter()
    families: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    reasons: Counter[tuple[str, str]] = Counter()
    one_place_only = 0
    t1 = time.time()
    for c in corpus:
        verdicts = []
        for profile in (c.profile,) if args.placement == "native" else ("chat", "document"):
            place = PLACE[profile]
            found = [f for g in guards for f in scan_guard(g, place, c.text, ())]
            verdicts.append(bool(found))
            if found:  # which cues made it: the entities at or above threshold, else the combined ones
                raw = [f for g in guards for f in g.detectors[place].scan(c.text) if f.entity != "combined"]
                strong = sorted({f.entity for f in found if f.entity != "combined"})
                why = "+".join(strong) if strong else "combined(" + "+".join(sorted({f.entity for f in raw})) + ")"
                reasons[profile, why] += 1
            total[profile] += 1
            by_origin[profile, c.origin] += 1
            by_split[profile, c.split] += 1
            if not found:
                continue
            flagged[profile] += 1
            flagged_origin[profile, c.origin] += 1
            flagged_split[profile, c.split] += 1
            best = {}
            for f in found:
                if f.entity not in best or f.score > best[f.entity].score:
                    best[f.entity] = f
            for entity, f in best.items():
                key = (profile, entity)
                families[key] += 1
                if len(examples[key]) < args.examples:
                    examples[key].append(f"[{c.origin}] {_snippet(c.text, f.start, f.end, args.width)}")
        one_place_only += len(set(verdicts)) > 1
    elapsed = time.time() - t1
    print(f"scanned in {elapsed:.0f}s ({1000 * elapsed / max(1, len(corpus)):.2f} ms/chunk)\n")

    print("FPR per profile")
    for prof in ("chat", "document"):
        print(f"  {prof:<9} {_pct(flagged[prof], total[prof])}")
    if args.placement == "both":
        print(f"  flagged in one placement only: {_pct(one_place_only, len(corpus))}")
    print("\nFPR per profile and source")
    for prof, origin in sorted(by_origin):
        print(f"  {prof:<9} {origin:<9} {_pct(flagged_origin[prof, origin], by_origin[prof, origin])}")
    print("\nFPR per profile and split")
    for prof, split in sorted(by_split):
        print(f"  {prof:<9} {split:<6} {_pct(flagged_split[prof, split], by_split[prof, split])}")
    print("\nfamilies flagging most chunks (a chunk counts once per family)")
    for (prof, entity), n in sorted(families.items(), key=lambda kv: (-kv[1], kv[0]))[: args.top * 2]:
        print(f"  {prof:<9} {entity:<24} {n}")
        for ex in examples[prof, entity]:
            print(f"      {ex}")
    print("\nwhy chunks are flagged (entities at/above threshold, or the sub-threshold cues combined)")
    for (prof, why), n in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))[: args.top * 2]:
        print(f"  {prof:<9} {why:<60} {n}")
    if args.json:
        report = {
            "fpr": {p: {"flagged": flagged[p], "total": total[p]} for p in ("chat", "document")},
            "by_source": {f"{p}/{o}": [flagged_origin[p, o], n] for (p, o), n in sorted(by_origin.items())},
            "by_split": {f"{p}/{s}": [flagged_split[p, s], n] for (p, s), n in sorted(by_split.items())},
            "families": {f"{p}/{e}": n for (p, e), n in sorted(families.items())},
            "why": {f"{p}/{w}": n for (p, w), n in sorted(reasons.items())},
        }
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
