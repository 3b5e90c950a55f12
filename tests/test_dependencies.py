"""What the code imports is declared in pyproject.toml, and constraints.txt pins what the tests ran with."""

from __future__ import annotations

import ast
import importlib.metadata as md
import re
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]


def _name(requirement: str) -> str:
    return re.sub(r"[-_.]+", "-", re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0]).lower()


DECLARED = {_name(r) for r in PYPROJECT["dependencies"]}
TEST_DECLARED = DECLARED | {_name(r) for r in PYPROJECT["optional-dependencies"]["test"]}
# `make test` installs these extras too (the chart and console browser tests).
MAKE_TEST_DECLARED = TEST_DECLARED | {_name(r) for extra in ("chart", "browser")
                                      for r in PYPROJECT["optional-dependencies"][extra]}


def _optional(tree: ast.AST) -> set[int]:
    """Line numbers of imports guarded by `except ImportError` (optional accelerators, extras)."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Try) and any(
                isinstance(h.type, ast.Name) and h.type.id in {"ImportError", "ModuleNotFoundError"}
                for h in node.handlers):
            lines |= {n.lineno for stmt in node.body for n in ast.walk(stmt) if isinstance(n, ast.Import | ast.ImportFrom)}
    return lines


def third_party_imports(root: Path) -> Iterator[tuple[str, str]]:
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text())
        optional = _optional(tree)
        for node in ast.walk(tree):
            if node.lineno in optional if isinstance(node, ast.Import | ast.ImportFrom) else True:
                continue
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 else [])
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top != "gateway":
                    yield top, f"{path.relative_to(REPO)}:{node.lineno}"


DISTRIBUTIONS = md.packages_distributions()


def test_every_import_of_the_package_is_declared() -> None:
    missing = sorted({(top, where) for top, where in third_party_imports(REPO / "gateway")
                      if not {_name(d) for d in DISTRIBUTIONS.get(top, [top])} & DECLARED})
    assert missing == [], "declare these in [project] dependencies"


def test_every_import_of_the_tests_is_declared_for_tests() -> None:
    local = {"tests", "harness", "benign_corpus", "injection_data", "injection_oof", "probe_totals",
             "train_injection_model", "injection_bound"}  # bench modules
    missing = sorted({(top, where) for top, where in third_party_imports(REPO / "tests")
                      if top not in local and not {_name(d) for d in DISTRIBUTIONS.get(top, [top])} & MAKE_TEST_DECLARED})
    assert missing == [], "declare these in the `test` extra"


CONSTRAINTS = {_name(line): line.split("==", 1)[1].strip()
               for line in (REPO / "constraints.txt").read_text().splitlines() if "==" in line}


@pytest.mark.parametrize("dist", sorted(MAKE_TEST_DECLARED))
def test_constraints_pin_every_declared_package(dist: str) -> None:
    assert dist in CONSTRAINTS, f"{dist} is not pinned in constraints.txt (make constraints)"
