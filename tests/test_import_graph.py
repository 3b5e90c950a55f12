"""The import graph of `gateway/` stays readable: no module imports itself back through others, the package
cycles once found are gone (an edge of each is forbidden), and no function is defined twice."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "gateway"


def _modules() -> dict[str, Path]:
    out = {}
    for path in ROOT.rglob("*.py"):
        parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


MODULES = _modules()


def _imports(path: Path) -> Iterator[str]:
    """Every gateway module `path` imports, at any depth (a function-local import still ties the modules)."""
    for node in ast.walk(ast.parse(path.read_text())):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
        yield from (n for n in names if n in MODULES)


EDGES = {m: set(_imports(p)) - {m} for m, p in MODULES.items()}


def _package(module: str) -> str:
    return ".".join(module.split(".")[:2])


def _cycles(edges: dict[str, set[str]]) -> list[set[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(component)
    return found


def test_no_module_imports_itself_back() -> None:
    assert _cycles(EDGES) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [{"a", "b", "c"}]


# (importer package, imported package, the cycle it closed)
FORBIDDEN = [
    ("gateway.config", "gateway.approvals", "config <-> approvals: the approvals rules live in config"),
    ("gateway.flow", "gateway.checks", "checks -> guards -> flow -> checks: flows run checks through the runner"),
    ("gateway.observability", "gateway.runtime", "observability <-> runtime: the wiring sits beside the app factory"),
    ("gateway.stores", "gateway.checks", "stores -> checks: stores implement interfaces of domain modules"),
    ("gateway.tools", "gateway.checks", "tools is below the checks that use it"),
]


@pytest.mark.parametrize(("importer", "imported", "why"), FORBIDDEN)
def test_a_removed_package_cycle_stays_removed(importer: str, imported: str, why: str) -> None:
    offending = sorted(f"{m} -> {n}" for m, ns in EDGES.items() for n in ns
                       if _package(m) == importer and _package(n) == imported)
    assert offending == [], why


def _function_bodies() -> Iterator[tuple[str, str]]:
    for module, path in MODULES.items():
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and len(node.body) > 1:
                body = node.body[1:] if isinstance(node.body[0], ast.Expr) else node.body
                yield f"{module}.{node.name}", ast.dump(ast.Module(body=body, type_ignores=[]))


def test_no_function_is_defined_twice() -> None:
    seen: dict[str, str] = {}
    twice = []
    for name, body in _function_bodies():
        if body in seen:
            twice.append((seen[body], name))
        seen.setdefault(body, name)
    assert twice == []
