"""The letters a shifted (ROT-n) run is tried on do not depend on set order, so a verdict does not depend on the
process's hash seed (`decode.likely_letters`)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from gateway.detectors.injection.decode import likely_letters


@pytest.mark.parametrize(("run", "letters"), [
    ("aaab bcc", ["a", "c", "b"]),          # b and c tie for second: both are tried
    ("aab bcc dd", ["d", "c", "b", "a"]),   # four tied: all four
    ("aab bcc dd ee", ["e", "d", "c", "b"]),  # five tied: at most four, by letter
    ("aaa bb c", ["a", "b"]),
    ("", []),
])
def test_likely_letters(run: str, letters: list[str]) -> None:
    assert likely_letters(run) == letters


def test_the_same_run_gives_the_same_letters_under_any_hash_seed() -> None:
    code = "from gateway.detectors.injection.decode import likely_letters; print(likely_letters('zzy yxx ww vv u'))"
    seen = {subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONHASHSEED": str(seed)},
                           capture_output=True, text=True, check=True).stdout for seed in range(4)}
    assert len(seen) == 1
