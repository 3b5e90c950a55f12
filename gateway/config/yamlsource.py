"""YAML parsing that remembers the line of every value, and `${VAR}` interpolation."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

Path_ = tuple[str | int, ...]

_VAR = re.compile(r"\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")


@dataclass(frozen=True, slots=True)
class RuleError:
    file: str
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path or '<root>'}: {self.message}"


@dataclass(slots=True)
class Document:
    """A parsed YAML file: plain Python data plus the line of every path in it."""

    file: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int | None:
        for n in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:n]))
            if line is not None:
                return line
        return None


def dotted(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def interpolate(value: str, env: Mapping[str, str]) -> str:
    """Replace `${VAR}` and `${VAR:-default}`; `$$` is a literal `$`. Raises KeyError for a missing VAR."""

    def sub(m: re.Match[str]) -> str:
        if m.group(0) == "$$":
            return "$"
        name, default = m.group(1), m.group(2)
        if name in env and (env[name] != "" or default is None):
            return env[name]
        if default is not None:
            return default
        raise KeyError(name)

    return _VAR.sub(sub, value)


def parse(file: str, text: str, env: Mapping[str, str], errors: list[RuleError]) -> Document | None:
    """Parse one YAML text; syntax and interpolation problems are appended to `errors`."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        errors.append(RuleError(file, line, "", f"YAML syntax error: {getattr(exc, 'problem', exc)}"))
        return None
    doc = Document(file, None)
    if node is None:
        doc.data = {}
        return doc
    doc.data = _build(node, (), doc, env, errors)
    return doc


def _build(node: yaml.Node, path: Path_, doc: Document, env: Mapping[str, str], errors: list[RuleError]) -> Any:
    doc.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in out:
                errors.append(RuleError(doc.file, key_node.start_mark.line + 1, dotted((*path, key)), "duplicate key"))
            out[key] = _build(value_node, (*path, key), doc, env, errors)
            doc.lines[(*path, key)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), doc, env, errors) for i, item in enumerate(node.value)]
    assert isinstance(node, yaml.ScalarNode)
    loader = yaml.SafeLoader("")
    try:
        data = loader.construct_object(node, deep=True)
    finally:
        loader.dispose()
    if isinstance(data, str) and "$" in data:
        try:
            data = interpolate(data, env)
        except KeyError as exc:
            message = f"environment variable {exc.args[0]} is not set"
            errors.append(RuleError(doc.file, node.start_mark.line + 1, dotted(path), message))
    return data
