"""The README keeps its promises: the two set-up commands first, and every refusal code documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from gateway.errors import STATUS, Reason

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


def test_opens_with_the_two_setup_commands() -> None:
    first_block = README.split("```sh\n", 1)[1].split("```", 1)[0].splitlines()
    assert [line.split()[:2] for line in first_block] == [["make", "run"], ["make", "test"]]


@pytest.mark.parametrize("reason", list(Reason))
def test_every_reason_is_documented_with_its_status(reason: Reason) -> None:
    rows = [line for line in README.splitlines() if f"`{reason.value}`" in line and line.startswith("|")]
    assert rows, f"README has no row for {reason.value}"
    assert any(str(STATUS[reason].http) in row for row in rows)
