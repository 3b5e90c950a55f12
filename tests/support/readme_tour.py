"""The README's tour as data: its shell commands in order, each with the expectations written under it.

A command is one or more lines that together are complete shell (quotes closed, no trailing `\\`); a
comment line `#    → …` under a command is what that command must answer. An expectation is an optional
HTTP status, then either JSON-ish `"key":value` pairs (each must occur somewhere in the JSON answer; a
value ending in `…` is a prefix) or plain text whose `…`-separated pieces must occur in order.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

_STATUS = re.compile(r"^(\d{3})(?:\s+|$)")
_PAIR = re.compile(r'"([^"]+)":\s*("(?:[^"\\]|\\.)*"|-?\d[\d.]*|true|false|null)')


@dataclass
class Step:
    command: str
    expects: list[str] = field(default_factory=list)


def tour_block(readme: str) -> str:
    """The fenced shell block under the `## Five-minute tour` heading."""
    section = readme.split("## Five-minute tour", 1)[1]
    return section.split("```sh\n", 1)[1].split("\n```", 1)[0]


def _complete(text: str) -> bool:
    try:
        shlex.split(text)
    except ValueError:
        return False
    return True


def steps(block: str) -> list[Step]:
    out: list[Step] = []
    pending: list[str] = []
    for line in block.splitlines():
        if pending:
            pending.append(line)
        elif line.lstrip().startswith("#"):
            arrow = re.match(r"^#\s+→\s*(.*)$", line)
            if arrow and out:
                out[-1].expects.append(arrow.group(1))
            continue
        elif line.strip():
            pending = [line]
        else:
            continue
        text = "\n".join(pending)
        if _complete(text):
            out.append(Step(text))
            pending = []
    assert not pending, f"unterminated command in the tour: {pending}"
    return out


def _walk(value: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield k, v
            yield from _walk(v)
    elif isinstance(value, list):
        for v in value:
            yield from _walk(v)


def _pair_found(data: Any, key: str, raw: str) -> bool:
    expected: Any = json.loads(raw.replace("…", "")) if raw.startswith('"') else json.loads(raw)
    prefix = raw.startswith('"') and raw.endswith('…"')
    for k, v in _walk(data):
        if k != key:
            continue
        if prefix and isinstance(v, str) and v.startswith(expected):
            return True
        if not prefix and v == expected:
            return True
    return False


def mismatch(expect: str, status: int | None, output: str) -> str | None:
    """Why `output` (and the HTTP status, when the command was a curl) does not meet `expect`; None when it does."""
    m = _STATUS.match(expect)
    if m:
        if status is None or status != int(m.group(1)):
            return f"expected HTTP {m.group(1)}, got {status}"
        expect = expect[m.end():]
    elif status is not None and status >= 400:
        return f"expected success, got HTTP {status}"
    pairs = _PAIR.findall(expect)
    if pairs:
        try:
            data = json.loads(output)
        except ValueError:
            return f"expected JSON, got {output[:300]!r}"
        missing = [f'"{k}":{v}' for k, v in pairs if not _pair_found(data, k, v)]
        return f"missing {missing} in {output[:500]}" if missing else None
    at = 0
    for piece in (p.strip() for p in expect.split("…")):
        found = output.find(piece, at)
        if found < 0:
            return f"{piece!r} not found (in order) in {output[:500]!r}"
        at = found + len(piece)
    return None
