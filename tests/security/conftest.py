"""Fixtures of the security tests: a hostile server on loopback and a gateway whose tools and models use it.

A test module that needs another gateway defines its own `gw`, which takes precedence over this one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.security.support import Hostile, hostile_server, start
from tests.support.gateway import RunningGateway
from tests.support.upstream import FakeUpstream


@pytest.fixture
def hostile() -> Iterator[Hostile]:
    yield from hostile_server()


@pytest.fixture
def gw(tmp_path: Path, upstream: FakeUpstream, hostile: Hostile) -> Iterator[RunningGateway]:
    running = start(tmp_path, upstream.url, hostile)
    yield running
    running.stop()
