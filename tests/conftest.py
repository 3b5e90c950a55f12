"""Shared fixtures: a fake upstream and a running gateway on loopback."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.gateway import RunningGateway, start_gateway, write_rules
from tests.support.upstream import FakeUpstream

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")


@pytest.fixture
def upstream() -> Iterator[FakeUpstream]:
    up = FakeUpstream().start()
    yield up
    up.stop()


@pytest.fixture
def rules_dir(tmp_path: Path, upstream: FakeUpstream) -> Path:
    return write_rules(tmp_path / "rules", upstream.url)


@pytest.fixture
def gateway(rules_dir: Path, tmp_path: Path) -> Iterator[RunningGateway]:
    running = start_gateway(rules_dir, tmp_path / "state")
    yield running
    running.stop()
