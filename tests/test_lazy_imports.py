"""Heavy packages a default gateway does not use are not imported: spaCy and Presidio only with the PII NER tier
(~90 MB), psycopg only with a PostgreSQL URL (~10 MB). Each case runs in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys

import pytest

from gateway.detectors.pii_ner import NER_MODEL

HEAVY = {"spacy", "presidio_analyzer", "psycopg"}


def _loaded_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys; print(' '.join(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
        env={"TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS": "", "PATH": ""},
    )
    return {m.split(".")[0] for m in out.stdout.split()} & HEAVY


NER = f"from gateway.detectors.pii import PiiDetector; PiiDetector('pii', use_ner=True, ner_model={NER_MODEL!r})"


@pytest.mark.parametrize(
    ("code", "loaded"),
    [
        ("import gateway.app, gateway.cli, gateway.serve", set()),
        ("from gateway.detectors.pii import PiiDetector; PiiDetector('pii')", set()),
        (NER, {"spacy", "presidio_analyzer"}),
        ("import gateway.stores.postgres_trace", {"psycopg"}),
    ],
    ids=["default app", "default PII guard", "NER tier", "PostgreSQL store"],
)
def test_heavy_packages_load_only_when_used(code: str, loaded: set[str]) -> None:
    assert _loaded_after(code) == loaded
