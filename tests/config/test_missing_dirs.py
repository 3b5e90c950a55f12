"""A rules or tools directory that is named but missing is an error for `check-rules` and `serve` alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from gateway.cli import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("argv", "message"), [
    (["check-rules", "{root}/rules", "--tools", "{missing}"], "tool registry directory does not exist"),
    (["check-rules", "{missing}", "--tools", "{root}/tool_registry"], "rules directory does not exist"),
    (["serve", "--rules", "{root}/rules", "--tools", "{missing}", "--state", "{state}", "--port", "1",
      "--admin-port", "1"], "tool registry directory does not exist"),
    (["serve", "--rules", "{missing}", "--tools", "{root}/tool_registry", "--state", "{state}", "--port", "1",
      "--admin-port", "1"], "rules directory does not exist"),
])
def test_a_missing_directory_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str],
                                         message: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARDGATE_AGENT_KEY", "k")
    fill = {"root": str(ROOT), "missing": str(tmp_path / "nonexistent"), "state": str(tmp_path / "state")}
    assert main([a.format(**fill) for a in argv]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / 'nonexistent'}: <root>: {message}" in err


def test_the_shipped_directories_pass(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARDGATE_AGENT_KEY", "k")
    assert main(["check-rules", f"{ROOT}/rules", "--tools", f"{ROOT}/tool_registry"]) == 0
    assert capsys.readouterr().out.startswith("ok: revision ")
