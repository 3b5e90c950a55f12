"""Warnings for argument-constraint patterns an attacker can satisfy with extra text around an allowed value."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from gateway.config.agents_file import AgentsFile

# `$` in Python also matches just before a final newline; `(?!\n)$` or `\Z` do not.
_STRICT_ENDS = ("(?!\\n)$", "\\Z")


def _patterns(fragment: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(fragment, Mapping):
        for key, value in fragment.items():
            if key == "pattern" and isinstance(value, str):
                yield path, value
            else:
                yield from _patterns(value, f"{path}.{key}")
    elif isinstance(fragment, list | tuple):
        for i, value in enumerate(fragment):
            yield from _patterns(value, f"{path}[{i}]")


def pattern_problem(pattern: str) -> str | None:
    """Pure: why this constraint pattern lets more through than it seems to, or None.

    JSON Schema `pattern` is a search, not a full match: `@example\\.com$` accepts
    "attacker@evil.org, a@example.com"."""
    if not pattern.startswith("^"):
        return "is not anchored at the start ('^'): JSON Schema patterns match anywhere in the value"
    if not pattern.endswith(("$", "\\Z")):
        return "is not anchored at the end: JSON Schema patterns match anywhere in the value"
    if not pattern.endswith(_STRICT_ENDS):
        return "ends with '$', which also matches before a trailing newline; end it with '(?!\\n)$'"
    return None


def unanchored_patterns(agents: AgentsFile) -> list[str]:
    """One warning per permission-constraint pattern that is not anchored at both ends."""
    out = []
    for agent_id, agent in agents.agents.items():
        for tool, args in agent.tool_args.items():
            for arg, fragment in args.items():
                for path, pattern in _patterns(fragment, f"agents.{agent_id}.tool_args.{tool}.{arg}"):
                    problem = pattern_problem(pattern)
                    if problem is not None:
                        out.append(f"{path}: pattern {pattern!r} {problem}")
    return out
