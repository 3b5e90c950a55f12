"""Shared, session-scoped detectors: the Presidio analyzer is built once."""

from __future__ import annotations

import pytest

from gateway.detectors.pii import PiiDetector


@pytest.fixture(scope="session")
def pii() -> PiiDetector:
    return PiiDetector("pii")
