"""The README keeps its promises: the two set-up commands first, every refusal code documented, the tour as written."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from gateway.errors import STATUS, Reason
from tests.support.process import clean_env, free_port, spawn, wait_ready
from tests.support.readme_tour import mismatch, steps, tour_block

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()


def test_opens_with_the_two_setup_commands() -> None:
    first_block = README.split("```sh\n", 1)[1].split("```", 1)[0].splitlines()
    assert [line.split()[:2] for line in first_block] == [["make", "run"], ["make", "test"]]


@pytest.mark.parametrize("reason", list(Reason))
def test_every_reason_is_documented_with_its_status(reason: Reason) -> None:
    rows = [line for line in README.splitlines() if f"`{reason.value}`" in line and line.startswith("|")]
    assert rows, f"README has no row for {reason.value}"
    assert any(str(STATUS[reason].http) in row for row in rows)


def make_defaults() -> dict[str, str]:
    """The `VAR ?= value` settings `make run` exports (the quickstart key and approver token)."""
    text = (ROOT / "Makefile").read_text()
    return dict(re.findall(r"^(WARDGATE_\w+) \?= (\S+)$", text, flags=re.M))


def test_the_tour_parses_into_commands_with_expectations() -> None:
    tour = steps(tour_block(README))
    assert len(tour) >= 15 and sum(len(s.expects) for s in tour) >= 10
    assert any(s.command.startswith(".venv/bin/python -c '\nimport openai") for s in tour)


@pytest.mark.slow
def test_the_tour_runs_verbatim_against_make_runs_configuration(tmp_path: Path) -> None:
    """Every command of the tour, as written, against `wardgate serve` on the shipped rules and tool registry
    with `make run`'s environment; only ports and the approval id are substituted."""
    venv = Path(sys.executable).parent.parent
    if sys.prefix == sys.base_prefix:
        pytest.skip("the tour calls .venv/bin/…: run the tests from a virtual environment (make test does)")
    if shutil.which("curl") is None:
        pytest.skip("the tour's commands use curl, which is not installed")
    (tmp_path / ".venv").symlink_to(venv)
    tools_port = free_port()
    env = clean_env(**make_defaults(), WARDGATE_EXAMPLE_TOOLS_URL=f"http://127.0.0.1:{tools_port}",
                    WARDGATE_LOG_LEVEL="warning")
    for var in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "OPENAI_BASE_URL", "ANTHROPIC_BASE_URL"):
        env.pop(var, None)
    served = wait_ready(spawn(ROOT / "rules", ROOT / "tool_registry", tmp_path / "state", tmp_path / "gw.log", env))
    ports = {"8080": str(served.port), "8081": str(served.admin_port), "8090": str(tools_port)}

    def local(text: str) -> str:
        return re.sub(r"\b(8080|8081|8090)\b", lambda m: ports[m.group(1)], text)

    shell_env = {**env, "WARDGATE_ADMIN_PORT": str(served.admin_port)}
    kept: list[str] = []  # assignments and exports: later commands see them, as in one terminal
    approval = ""
    shells: list[subprocess.Popen[bytes]] = []
    try:
        for step in steps(tour_block(README)):
            command = local(step.command).replace("apr_…", approval)
            is_curl = command.startswith("curl ") and "|" not in command
            if is_curl:
                command = command.replace("curl -s ", "curl -s -w '\\n@status %{http_code}' ", 1)
            if re.match(r"^(export )?[A-Z_]+=", command):
                kept.append(command)
                continue
            # Its own process group: a command that leaves a job in the background (`&`) is ended with it.
            # Output to a file, not a pipe: a job left in the background would hold a pipe open.
            out_file = tmp_path / f"step-{len(shells)}.out"
            with out_file.open("w") as out:
                proc = subprocess.Popen(["bash", "-c", "\n".join([*kept, command])], cwd=tmp_path, env=shell_env,
                                        stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
            shells.append(proc)
            proc.wait(timeout=60)
            output = out_file.read_text()
            status = None
            if is_curl:
                output, _, code = output.rpartition("\n@status ")
                status = int(code)
            assert proc.returncode == 0, f"{step.command}\nexit {proc.returncode}: {output}"
            for expect in step.expects:
                problem = mismatch(local(expect), status, output)
                assert problem is None, f"{step.command}\n→ {expect}\n{problem}"
            found = re.findall(r"apr_[A-Za-z0-9_-]+", output)
            approval = found[-1] if found else approval
    finally:
        for proc in shells:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
        served.kill()
