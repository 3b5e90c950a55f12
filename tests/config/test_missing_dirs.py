"""A rules or tools directory that is named but missing is an error for `check-rules` and `serve` alike."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.support.process import WARDGATE, clean_env

ROOT = Path(__file__).resolve().parents[2]


def wardgate(*argv: str) -> subprocess.CompletedProcess[str]:
    # A subprocess: `serve` configures logging for its whole process.
    return subprocess.run([WARDGATE, *argv], capture_output=True, text=True, timeout=60,
                          env=clean_env(WARDGATE_AGENT_KEY="k"))


@pytest.mark.parametrize(("argv", "message"), [
    (["check-rules", "{root}/rules", "--tools", "{missing}"], "tool registry directory does not exist"),
    (["check-rules", "{missing}", "--tools", "{root}/tool_registry"], "rules directory does not exist"),
    (["serve", "--rules", "{root}/rules", "--tools", "{missing}", "--state", "{state}", "--port", "1",
      "--admin-port", "1"], "tool registry directory does not exist"),
    (["serve", "--rules", "{missing}", "--tools", "{root}/tool_registry", "--state", "{state}", "--port", "1",
      "--admin-port", "1"], "rules directory does not exist"),
])
def test_a_missing_directory_is_an_error(tmp_path: Path, argv: list[str], message: str) -> None:
    fill = {"root": str(ROOT), "missing": str(tmp_path / "nonexistent"), "state": str(tmp_path / "state")}
    done = wardgate(*[a.format(**fill) for a in argv])
    assert done.returncode == 1, done
    assert f"{tmp_path / 'nonexistent'}: <root>: {message}" in done.stderr


def test_the_shipped_directories_pass() -> None:
    done = wardgate("check-rules", f"{ROOT}/rules", "--tools", f"{ROOT}/tool_registry")
    assert done.returncode == 0 and done.stdout.startswith("ok: revision "), done
