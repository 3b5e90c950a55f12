"""`wardgate tools pin` against a real MCP server on loopback: unchanged, changed, new and gone pins."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from gateway.cli import main
from gateway.tools.pin_cli import compare
from gateway.tools.registry_file import McpServerRule
from tests.tools.support import RunningUpstream, pins


@pytest.fixture
def mcp_upstream() -> Iterator[RunningUpstream]:
    up = RunningUpstream()
    yield up
    up.stop()


def registry(tmp_path: Path, url: str, pinned: dict[str, object]) -> Path:
    d = tmp_path / "tool_registry"
    d.mkdir()
    (d / "docs.yaml").write_text(yaml.safe_dump({"mcp_servers": {"docs": {
        "url": f"{url}/mcp", "imports": [{"match": "*", "prefix": "docs."}], "pinned": pinned}}}))
    return d


def test_unchanged_pins_exit_zero(tmp_path: Path, mcp_upstream: RunningUpstream, capsys: pytest.CaptureFixture[str]) -> None:
    tools = registry(tmp_path, mcp_upstream.url, pins(mcp_upstream.state))
    assert main(["tools", "pin", "--tools", str(tools)]) == 0
    out = capsys.readouterr().out
    assert "search_docs: unchanged" in out


def test_drift_is_reported_with_the_new_pin(tmp_path: Path, mcp_upstream: RunningUpstream,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    current = pins(mcp_upstream.state)
    stale = dict(current)
    name = sorted(stale)[0]
    stale[name] = {**stale[name], "description": "old words", "sha256": "0" * 64}
    stale["vanished_tool"] = {"description": "x", "sha256": "1" * 64}
    tools = registry(tmp_path, mcp_upstream.url, stale)
    assert main(["tools", "pin", "--tools", str(tools), "--server", "docs"]) == 1
    out = capsys.readouterr().out
    assert f"{name}: changed" in out and "vanished_tool: gone" in out
    pasted = yaml.safe_load(out.split("block with:\n", 1)[1])["pinned"]
    assert pasted[name]["sha256"] == current[name]["sha256"]  # type: ignore[index]


@pytest.mark.parametrize(("match", "expected"), [("search_*", {"search_docs"}), ("nothing", set())])
def test_compare_only_imports_matching_tools(match: str, expected: set[str]) -> None:
    server = McpServerRule.model_validate({"url": "http://x/mcp", "imports": [{"match": match}]})
    upstream = [{"name": "search_docs", "description": "d", "input_schema": {"type": "object"}},
                {"name": "delete_docs", "description": "d", "input_schema": {"type": "object"}}]
    assert {s.tool for s in compare(server, upstream)} == expected
    assert all(s.status == "new" for s in compare(server, upstream))
