"""The learned injection tier against the issue's targets, side by side with the rule tier alone.

Cost (measured here, CPU time of this process, one thread):
  * p50 per 1 KB of new text through the default guard set (input and tool_result), rules only and
    with the learned tier;
  * the model alone on a 1 KB message: p50 and p99;
  * the weights file size, and the RSS the model adds (a fresh interpreter: RSS after importing the
    detectors, then after loading the model and scoring one text).
Quality (read from the shipped model's metadata, written by `train_injection_model.py` when it
trained the weights): leave-one-source-out and cross-writer recall/FPR, rules only vs rules + model.

With `--dev DEV.jsonl --corpus-cache FILE`, also the shipped configuration (rules only vs rules + the
shipped model) on rows it was not trained on: the writers' calibration split and the corpus test split.

Usage: python bench/injection_model.py [--repeat 300] [--json] [--dev DEV.jsonl --corpus-cache FILE]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from gateway.detectors.config import GuardsConfig
from gateway.detectors.factory import build_detectors
from gateway.detectors.injection.classifier import META_FILE, WEIGHTS_FILE, Classifier
from gateway.detectors.kinds import Place
from gateway.evaluation.cli import SHIPPED_RULES, load_guards

TARGETS = {
    "p50_ms_per_kb_default_set": 3.0,
    "model_p99_ms_1kb": 10.0,
    "model_file_mb": 100.0,
    "added_rss_mb": 300.0,
}
# Clean prose (English and German) written for this benchmark; repeated to size.
BASE = (
    "The quarterly planning meeting covered the roadmap for the search service, the migration of the "
    "billing jobs to the new scheduler, and the hiring plan for the platform team. Die Latenz auf dem "
    "Lesepfad ist nach der Cache-Änderung gesunken, der nächtliche Batch läuft montags aber noch zu lang. "
)

_RSS = """
import resource, sys
def rss():
    for line in open('/proc/self/status'):
        if line.startswith('VmRSS:'):
            return int(line.split()[1]) / 1024
from gateway.detectors.injection import InjectionDetector, Profile
from gateway.detectors.injection.classifier import Classifier
det = InjectionDetector('injection', Profile.DOCUMENT)
det.scan('warm up the rule tier')
before = rss()
model = Classifier.load_default()
model.probability('x' * 4096, 'document')
print(round(rss() - before, 1))
"""


def sized(n_bytes: int) -> str:
    return (BASE * (n_bytes // len(BASE) + 1))[:n_bytes]


def cpu_ms(fn: Callable[[str], object], text: str, repeat: int) -> tuple[float, float]:
    for _ in range(5):
        fn(text)
    samples = []
    for _ in range(repeat):
        t0 = time.process_time_ns()
        fn(text)
        samples.append((time.process_time_ns() - t0) / 1e6)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.99))]


def with_classifier(config: GuardsConfig, on: bool) -> GuardsConfig:
    guards = tuple(g.model_copy(update={"classifier": on}) if g.detector == "injection" else g for g in config.guards)
    return config.model_copy(update={"guards": guards})


def held_apart(dev: Path, cache: Path | None, model: Classifier) -> dict[str, object]:
    from injection_bound import detector_flags
    from injection_data import corpus_chunks, every_source
    from train_injection_model import rates

    items = every_source(dev, corpus_chunks(cache, 7, 15000))
    sets = {
        "writers' calib split": [it for it in items if it.group.startswith("writer") and it.split == "calib"],
        "corpus test split": [it for it in items if it.group.startswith("corpus:") and it.split == "test"],
    }
    return {
        name: {
            "rules_only": rates(sel, detector_flags(sel, None)),
            "rules_plus_model": rates(sel, detector_flags(sel, model)),
        }
        for name, sel in sets.items()
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=300)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--dev", type=Path, help="DEV injection JSONL: also measure the shipped model held apart")
    ap.add_argument("--corpus-cache", type=Path)
    args = ap.parse_args()
    shipped = load_guards(SHIPPED_RULES)
    sets = {"rules only": build_detectors(with_classifier(shipped, False)), "rules + model": build_detectors(shipped)}
    model = Classifier.load_default()
    if not model.available:
        sys.exit("the shipped model did not load")
    out: dict[str, object] = {}
    text = sized(1024)
    for name, detectors in sets.items():
        for place in (Place.INPUT, Place.TOOL_RESULT):
            p50, p99 = cpu_ms(lambda t, p=place, d=detectors: d.scan(p, t), text, args.repeat)
            out[f"{name} | {place.value} 1 KB p50 ms"] = round(p50, 3)
            big = sized(32 * 1024)
            p50_big, _ = cpu_ms(lambda t, p=place, d=detectors: d.scan(p, t), big, max(20, args.repeat // 16))
            out[f"{name} | {place.value} 32 KB p50 ms per KB"] = round(p50_big / 32, 3)
    p50, p99 = cpu_ms(lambda t: model.probability(t, "chat"), text, args.repeat * 3)
    out["model alone | 1 KB p50 ms"] = round(p50, 3)
    out["model alone | 1 KB p99 ms"] = round(p99, 3)
    data = resources.files("gateway.detectors") / "data"
    out["model file MB"] = round(len((data / WEIGHTS_FILE).read_bytes()) / 1e6, 2)
    rss = subprocess.run([sys.executable, "-c", _RSS], capture_output=True, text=True, check=True)
    out["added RSS MB"] = float(rss.stdout.strip())
    meta = json.loads((data / META_FILE).read_text(encoding="utf-8"))
    quality = {
        fold: {k: r[k] for k in ("rules_only", "rules_plus_model") if k in r}
        for fold, r in meta.get("report", {}).items()
    }
    if args.dev:
        quality["shipped, held apart"] = held_apart(args.dev, args.corpus_cache, model)
    if args.json:
        print(json.dumps({"cost": out, "targets": TARGETS, "quality": quality}, indent=1, ensure_ascii=False))
        return
    for k, v in out.items():
        print(f"{k:<48} {v}")
    print("targets:", json.dumps(TARGETS))
    for fold, r in quality.items():
        for k, v in r.items():
            print(f"{fold:<22} {k:<18} {json.dumps(v)}")


if __name__ == "__main__":
    main()
