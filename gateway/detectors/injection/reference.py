"""The layout of reference documents: command-line option listings and section headings.

A program's `--help` output and manual page describe what each option does in the program's voice, often in
the imperative ("-f, --force   ignore nonexistent files, never prompt", "--ignore-errors"): what the option does,
not an order to the reader. `option_entries` gives the spans of such entries (an option name at a line's start, its
description on that line and on the more deeply indented lines after it) when a text lists at least two, and the
spans of option names anywhere (`--ignore-errors`); an "ignore" inside one is not an override.

A manual's sections (NAME, SYNOPSIS, OPTIONS, SECURITY, "## Database") are about different things, and an attack
stacks its moves in one passage: `section_starts` gives where headings begin, and weak cues on either side of one
are not combined.
"""

from __future__ import annotations

import re

# An option entry: up to 12 spaces of indentation, a short or long option name glued to its dash(es), the rest of
# the line, then continuation lines indented by 8 or more spaces that do not start a new option.
_ENTRY = re.compile(r"(?m)^[ \t]{0,12}-{1,2}[^\W_][\w-]*[^\n]*(?:\n[ \t]{8,}(?!-)[^\n]*)*")
# An option name in running text: dashes, then words joined by hyphens ("--ignore-errors", "--ignorer-erreurs").
_NAME = re.compile(r"(?<![\w-])--?[^\W_]\w*(?:-\w+)+")
_MIN_ENTRIES = 2


def option_entries(text: str) -> list[tuple[int, int]]:
    """Spans of option entries (when `text` lists two or more) and of hyphenated option names in `text`."""
    if "-" not in text:
        return []
    spans = [m.span() for m in _NAME.finditer(text)]
    entries = [m.span() for m in _ENTRY.finditer(text)]
    if len(entries) >= _MIN_ENTRIES:
        spans.extend(entries)
    return spans


# A heading: a Markdown heading, or a manual's section line (at the margin, at most 40 characters of words, spaces,
# hyphens and slashes: no code, no sentence) whose next line is indented by four or more spaces.
_HEADING = re.compile(r"(?m)^(?:#{1,6}[ \t][^\n]*|[^\W_][\w \t/-]{0,39}(?=\n[ \t]{4,}\S))$")


def section_starts(text: str) -> list[int]:
    """Offsets where headings start in `text`, in order."""
    if "\n" not in text:
        return []
    return [m.start() for m in _HEADING.finditer(text)]
