"""PII cost per KB on digit-dense text (logs, CSV, JSON full of numbers), shipped detector vs Presidio's patterns.

The documents are generated here with a fixed seed: access and application logs (timestamps, IPs,
request ids, latencies, versions), CSV exports (order and invoice numbers, amounts, dates, SKUs,
tracking numbers) and JSON tool results (epoch times, ids, hashes, UUIDs, counters). One row in ten
carries a real-looking e-mail or phone so the recognizers do their full work, not only the pre-screen.

    .venv/bin/python bench/pii_cost.py [--docs 60] [--size 2048] [--presidio]

`--presidio` also times the previous engine (Presidio's e-mail, phone, card, IBAN, SSN and IP pattern
recognizers on a blank English spaCy pipeline, as shipped before) on the same documents.

`--least-of N` adds, per kind, the least CPU time per KB of N whole passes over its documents: steadier than a
p50 on a machine whose speed drifts, for comparing two trees run one after the other.

`--scan-only KIND N` scans the documents of one kind N times and prints nothing: under `valgrind --tool=callgrind`,
the instructions of N=2 less those of N=0 are two passes without start-up, a count the machine's load does not move.

`--findings-hash` prints one hash of every finding of the shipped detector over every PII text the repo holds
(`bench/pii_*.jsonl`, `bench/pii_tuning/*.jsonl`, DEV beside the repo when present) and these documents: a change
meant to alter cost only must leave it unchanged.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gateway.detectors.pii import PiiDetector
from gateway.detectors.pii_entities import PATTERN_ENTITIES


def _hex(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def _pii(rng: random.Random) -> str:
    return rng.choice([f"contact ops{rng.randint(1, 99)}@example.com", f"phone +1 415 555 {rng.randint(100, 999):04d}"])


def _ts(rng: random.Random) -> str:
    day = f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return (
        f"{day}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}.{rng.randint(0, 999):03d}Z"
    )


def _log_line(rng: random.Random, with_pii: bool) -> str:
    ts, n = _ts(rng), rng.randint
    kind = rng.randrange(4)
    if kind == 0:  # a client address is PII: only in the documents that hold some
        ip = ".".join(str(n(1, 254)) for _ in range(4)) if with_pii else f"lb-{n(1, 9)}"
        return f'{ip} - - [{ts}] "GET /api/v2/orders/{n(10**7, 10**9)} HTTP/1.1" 200 {n(100, 99999)} {rng.random():.4f}'
    if kind == 1:
        build = f"{n(1, 9)}.{n(0, 20)}.{n(0, 99)}.{n(100, 9999)}"
        return (
            f"{ts} INFO worker-{n(1, 64)} build {build} job={n(10**9, 10**10)} took {n(1, 9999)}ms pid={n(1000, 65000)}"
        )
    if kind == 2:
        request = uuid.UUID(int=rng.getrandbits(128))
        return f"{ts} DEBUG commit {_hex(rng, 40)} request_id={request} bytes={n(1, 10**7)}"
    mac = ":".join(_hex(rng, 2) for _ in range(6))
    oid = f"1.3.6.1.4.1.{n(1, 60000)}.{n(1, 99)}"
    return f"{ts} WARN epoch={n(1_600_000_000, 1_800_000_000)} seq={n(10**5, 10**8)} oid {oid} mac {mac}"


def log_doc(rng: random.Random, size: int, with_pii: bool) -> str:
    lines: list[str] = []
    while sum(len(x) + 1 for x in lines) < size:
        lines.append(_log_line(rng, with_pii))
        if with_pii and rng.random() < 0.1:
            lines[-1] += f" {_pii(rng)}"
    return "\n".join(lines)[:size]


def csv_doc(rng: random.Random, size: int, with_pii: bool) -> str:
    lines = ["order_id,invoice,date,sku,qty,amount,tracking,ean"]
    while sum(len(x) + 1 for x in lines) < size:
        row = [
            str(rng.randint(10**9, 10**11)),
            f"INV-{rng.randint(2020, 2026)}-{rng.randint(0, 99999):05d}",
            f"{rng.randint(2020, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            f"{rng.randint(100, 999)}-{rng.randint(1000, 9999)}-{rng.randint(10, 99)}",
            str(rng.randint(1, 500)),
            f"{rng.randint(1, 99999)}.{rng.randint(0, 99):02d}",
            f"1Z{_hex(rng, 6).upper()}{rng.randint(10**9, 10**10)}",
            str(rng.randint(10**12, 10**13 - 1)),
        ]
        if with_pii and rng.random() < 0.1:
            row.append(_pii(rng))
        lines.append(",".join(row))
    return "\n".join(lines)[:size]


def json_doc(rng: random.Random, size: int, with_pii: bool) -> str:
    items: list[dict[str, Any]] = []
    while len(json.dumps(items)) < size:
        item: dict[str, Any] = {
            "id": rng.randint(10**6, 10**12),
            "created": rng.randint(1_600_000_000_000, 1_800_000_000_000),
            "uuid": str(uuid.UUID(int=rng.getrandbits(128))),
            "sha256": _hex(rng, 64),
            "version": f"{rng.randint(0, 12)}.{rng.randint(0, 30)}.{rng.randint(0, 200)}",
            "counts": [rng.randint(0, 10**6) for _ in range(4)],
            "latency_ms": round(rng.random() * 1000, 3),
        }
        if with_pii and rng.random() < 0.1:
            item["note"] = _pii(rng)
        items.append(item)
    return json.dumps(items)[:size]


def documents(n: int, size: int, seed: int = 17) -> list[tuple[str, bool, str]]:
    """(kind, holds PII, text): `n` documents of each kind, every second one look-alikes only."""
    rng = random.Random(seed)
    makers: list[tuple[str, Callable[[random.Random, int, bool], str]]] = [
        ("log", log_doc),
        ("csv", csv_doc),
        ("json", json_doc),
    ]
    return [(name, i % 2 == 0, make(rng, size, i % 2 == 0)) for i in range(n) for name, make in makers]


def presidio_patterns() -> Callable[[str], object]:
    """The previous engine: Presidio's pattern recognizers on a blank English pipeline, offline."""
    import spacy
    import tldextract
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import SpacyNlpEngine
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer,
        EmailRecognizer,
        IbanRecognizer,
        IpRecognizer,
        PhoneRecognizer,
        UsSsnRecognizer,
    )

    class _OfflineEmail(EmailRecognizer):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self._extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)

        def validate_result(self, pattern_text: str) -> bool:
            return bool(self._extract(pattern_text).fqdn)

    class _Blank(SpacyNlpEngine):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__(models=[{"lang_code": "en", "model_name": "blank"}])
            self.nlp = {"en": spacy.blank("en")}

        def load(self) -> None:
            return None

    registry = RecognizerRegistry(supported_languages=["en"])
    for rec in (
        _OfflineEmail(),
        PhoneRecognizer(),
        CreditCardRecognizer(),
        IbanRecognizer(),
        UsSsnRecognizer(),
        IpRecognizer(),
    ):
        registry.add_recognizer(rec)
    engine = AnalyzerEngine(registry=registry, nlp_engine=_Blank(), supported_languages=["en"])
    entities = sorted(PATTERN_ENTITIES)
    return lambda text: engine.analyze(text=text, language="en", entities=entities)


def per_kb(fn: Callable[[str], object], docs: list[tuple[str, bool, str]], repeat: int) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for kind in sorted({k for k, _, _ in docs}):
        samples = []
        for _ in range(repeat):
            for k, _, text in docs:
                if k != kind:
                    continue
                t0 = time.process_time_ns()
                fn(text)
                samples.append((time.process_time_ns() - t0) / 1e6 / (len(text.encode()) / 1024))
        samples.sort()
        out[kind] = {
            "p50_ms_per_kb": round(statistics.median(samples), 4),
            "p99_ms_per_kb": round(samples[max(0, int(len(samples) * 0.99) - 1)], 4),
        }
    return out


ROOT = Path(__file__).resolve().parents[1]


def least_per_kb(fn: Callable[[str], object], docs: list[tuple[str, bool, str]], passes: int) -> dict[str, float]:
    out: dict[str, float] = {}
    for kind in sorted({k for k, _, _ in docs}):
        texts = [t for k, _, t in docs if k == kind]
        kb = sum(len(t.encode()) for t in texts) / 1024
        best = float("inf")
        for _ in range(passes):
            t0 = time.process_time_ns()
            for text in texts:
                fn(text)
            best = min(best, time.process_time_ns() - t0)
        out[kind] = round(best / 1e6 / kb, 4)
    return out


def findings_hash(detector: PiiDetector, docs: list[tuple[str, bool, str]]) -> tuple[int, str]:
    files = sorted(ROOT.glob("bench/pii_*.jsonl")) + sorted(ROOT.glob("bench/pii_tuning/*.jsonl"))
    dev = ROOT.parent / "shared" / "eval" / "pii_dev.jsonl"
    texts = [
        row["text"]
        for path in [*files, *([dev] if dev.is_file() else [])]
        for row in map(json.loads, path.open(encoding="utf-8"))
        if "text" in row
    ] + [t for _, _, t in docs]
    digest = hashlib.sha256()
    for text in texts:
        digest.update(repr([(f.entity, f.start, f.end, f.score) for f in detector.scan(text)]).encode())
    return len(texts), digest.hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=60, help="documents of each kind")
    ap.add_argument("--size", type=int, default=2048, help="bytes per document")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--presidio", action="store_true", help="also time the previous Presidio pattern engine")
    ap.add_argument("--least-of", type=int, default=0, metavar="N", help="least CPU per KB of N passes per kind")
    ap.add_argument("--findings-hash", action="store_true", help="hash every finding over the repo's PII texts")
    ap.add_argument("--scan-only", nargs=2, metavar=("KIND", "N"), help="scan KIND's documents N times, print nothing")
    args = ap.parse_args()
    docs = documents(args.docs, args.size)
    detector = PiiDetector("pii")
    if args.scan_only:
        kind, passes = args.scan_only[0], int(args.scan_only[1])
        for _ in range(passes):
            for text in (t for k, _, t in docs if k == kind):
                detector.scan(text)
        return
    lookalike = [t for _, has_pii, t in docs if not has_pii]
    flagged = sum(bool([f for f in detector.scan(t) if f.score >= 0.4]) for t in lookalike)
    out: dict[str, Any] = {
        "documents": len(docs),
        "bytes_each": args.size,
        "lookalike_only_documents": len(lookalike),
        "lookalike_only_documents_flagged_at_0.4": flagged,
        "shipped": per_kb(detector.scan, docs, args.repeat),
    }
    if args.least_of:
        out["shipped_least_ms_per_kb"] = least_per_kb(detector.scan, docs, args.least_of)
    if args.findings_hash:
        count, digest = findings_hash(detector, docs)
        out["findings_hash"] = {"texts": count, "sha256": digest}
    if args.presidio:
        out["presidio_patterns"] = per_kb(presidio_patterns(), docs, 1)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
