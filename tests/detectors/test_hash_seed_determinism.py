"""Same text, same verdict, in every process: the detectors' findings do not depend on Python's hash seed (set and
dict order). A shifted-run decoder once picked its letters by set order and caught a ROT13 attack in some
processes only (`decode.likely_letters`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

SCRIPT = """
import glob, hashlib, json, sys
from gateway.detectors.injection import InjectionDetector, Profile
from gateway.detectors.injection.classifier import Classifier
model = Classifier.load_default()
scan = {"direct": InjectionDetector("injection", Profile.CHAT, model).scan,
        "indirect": InjectionDetector("injection", Profile.DOCUMENT, model).scan}
h = hashlib.sha256()
for path in sorted(glob.glob("bench/training/writer_*.jsonl"))[:6]:
    for line in open(path, encoding="utf-8"):
        row = json.loads(line)
        found = scan.get(row.get("kind"), scan["direct"])(row["text"])
        h.update(json.dumps([(f.entity, f.start, f.end, f.score) for f in found]).encode())
print(h.hexdigest())
"""


@pytest.mark.slow
def test_injection_findings_are_the_same_under_any_hash_seed() -> None:
    env = {**os.environ, "TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS": ""}
    digests = {subprocess.run([sys.executable, "-c", SCRIPT], cwd=REPO, env={**env, "PYTHONHASHSEED": seed},
                              capture_output=True, text=True, check=True).stdout for seed in ("1", "2", "3")}
    assert len(digests) == 1, digests
