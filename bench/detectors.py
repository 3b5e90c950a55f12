"""Detector cost per KB (default guard set, clean text) and proof that the PII pre-screen loses nothing."""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from gateway.detectors.factory import build_detectors
from gateway.detectors.kinds import ObfuscatedEmails, Place
from gateway.detectors.pii import PiiDetector
from gateway.evaluation.cli import SHIPPED_RULES, load_guards

# Clean prose without PII, secrets or attacks, written for this benchmark; repeated to size.
BASE = (
    "The quarterly planning meeting covered the roadmap for the search service, the migration of the "
    "billing jobs to the new scheduler, and the hiring plan for the platform team. Latency on the main "
    "read path improved after the cache change, although the nightly batch still overruns on Mondays. "
    "Action items: draft the design review for the indexing pipeline, measure the cost of the extra "
    "replica, and write up what we learned from the last incident so the on-call guide stays current. "
)


def sized(n_bytes: int) -> str:
    return (BASE * (n_bytes // len(BASE) + 1))[:n_bytes]


def cpu_per_call_ms(fn: object, text: str, repeat: int) -> tuple[float, float]:
    call = fn  # a Callable[[str], object]
    samples = []
    for _ in range(repeat):
        t0 = time.process_time_ns()
        call(text)  # type: ignore[operator]
        samples.append((time.process_time_ns() - t0) / 1e6)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.99) - 1]


def prescreen_check(path: Path) -> dict[str, int]:
    """Same findings with and without the pre-screen on every row of a PII JSONL file."""
    det = PiiDetector("pii", obfuscated_emails=ObfuscatedEmails.WORDS)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    differ = skipped = 0
    for row in rows:
        text = row["text"]
        fast = {(f.entity, f.start, f.end, f.score) for f in det.scan(text)}
        full = {(f.entity, f.start, f.end, f.score) for f in det.scan(text, prescreen=False)}
        differ += fast != full
        skipped += not det.candidates(text)
    return {"rows": len(rows), "rows_skipped_by_prescreen": skipped, "rows_where_prescreen_lost_a_finding": differ}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=300)
    ap.add_argument("--pii-file", type=Path, help="also check the pre-screen on this PII JSONL")
    args = ap.parse_args()
    detectors = build_detectors(load_guards(SHIPPED_RULES))
    out: dict[str, object] = {}
    for size in (1024, 32 * 1024):
        text = sized(size)
        for place in (Place.INPUT, Place.TOOL_RESULT, Place.OUTPUT):
            assert detectors.scan(place, text) == [], "benchmark text must be clean"
            p50, p99 = cpu_per_call_ms(
                lambda t, p=place: detectors.scan(p, t), text, max(20, args.repeat * 1024 // size)
            )
            kb = size / 1024
            out[f"{place.value}_{size // 1024}KB"] = {
                "p50_ms": round(p50, 4),
                "p99_ms": round(p99, 4),
                "p50_ms_per_kb": round(p50 / kb, 4),
            }
        for guard in detectors.guards:
            for place, det in guard.detectors.items():
                p50, _ = cpu_per_call_ms(det.scan, text, max(20, args.repeat * 1024 // size))
                out[f"{guard.config.name}@{place.value}_{size // 1024}KB_p50_ms"] = round(p50, 4)
    if args.pii_file:
        out["pii_prescreen"] = prescreen_check(args.pii_file)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
