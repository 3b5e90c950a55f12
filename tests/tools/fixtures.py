"""Fixture bodies (test modules declare the fixtures): the example tool upstream and a gateway serving tools."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tests.support.gateway import RunningGateway, start_gateway
from tests.support.upstream import FakeUpstream
from tests.tools.support import RunningUpstream, write


def run_tools_upstream() -> Iterator[RunningUpstream]:
    up = RunningUpstream()
    yield up
    up.stop()


def run_tool_gateway(
    tmp_path: Path, upstream: FakeUpstream, tools_upstream: RunningUpstream, **agent_extra: Any
) -> Iterator[RunningGateway]:
    rules, tools = write(tmp_path, upstream.url, tools_upstream.url, tools_upstream.state, **agent_extra)
    gw = start_gateway(rules, tmp_path / "state", tools_dir=tools)
    yield gw
    gw.stop()
