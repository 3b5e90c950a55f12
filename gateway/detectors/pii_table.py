"""Column labels of tabular text: a cell's header is the context word that labels it.

Two shapes of agent traffic: delimited exports (CSV/TSV, Markdown tables), where a header line names the
cells of the rows under it, and SQL dumps, where `INSERT INTO t (col, …) VALUES (…), (…)` names each
tuple's fields. In both the words around a number are other fields, not its label, so a fixed character
window misreads them (`id,name,phone,created` puts "created" next to the phone)."""

from __future__ import annotations

import re
from bisect import bisect_right

_DELIMITERS = (",", "\t", ";", "|")
_HEADER_WORDS = 4  # `Date of birth`, `Phone number (work)`
# Over a row of as many cells, a header cell may be a longer phrase (`Numéro de téléphone portable du client pour
# la livraison`): a prose line split at its commas is not followed by a line with its number of cells.
_HEADER_WORDS_OVER_ROW = 12
# `INSERT INTO members (id, name, phone) VALUES`, with MySQL back-ticks, quoted or bracketed names, a schema.
_INSERT = re.compile(r"(?i)\binsert\s+(?:ignore\s+)?into\s+[^\s(]+\s*\(([^()]{1,2000})\)\s*values\s*")
_NAME_QUOTES = "`\"'[] \t\n"


def cell_spans(line: str, delim: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of one delimited line; a cell opened by `"` runs to its closing quote (RFC
    4180: `""` inside is a quote), so `"151,230"` is one cell."""
    if '"' not in line:
        spans, pos = [], 0
        for cell in line.split(delim):
            spans.append((pos, pos + len(cell)))
            pos += len(cell) + 1
        return spans
    spans, i, n = [], 0, len(line)
    while True:
        start = i
        while i < n and line[i] == " ":
            i += 1
        if i < n and line[i] == '"':
            i += 1
            while i < n:
                if line[i] == '"':
                    if i + 1 < n and line[i + 1] == '"':
                        i += 2
                        continue
                    break
                i += 1
        j = line.find(delim, i)
        if j < 0:
            spans.append((start, n))
            return spans
        spans.append((start, j))
        i = j + 1


def _row_below(lines: list[str], k: int, delim: str, cells: int) -> bool:
    """The line after lines[k] (a Markdown rule line skipped) splits into `cells` cells and holds a digit: a data
    row under a header."""
    for line in lines[k + 1 : k + 3]:
        if set(line.strip()) <= set("|-: "):
            continue  # `|---|:---:|`
        return any(ch.isdigit() for ch in line) and len(cell_spans(line, delim)) == cells
    return False


def _sql_fields(text: str) -> list[tuple[int, int, str]]:
    """(start, end, column) of every field of every tuple of the INSERT statements in `text`; a tuple whose
    field count differs from its column list is left out."""
    out: list[tuple[int, int, str]] = []
    for m in _INSERT.finditer(text):
        columns = [c.strip(_NAME_QUOTES) for c in m.group(1).split(",")]
        i, n = m.end(), len(text)
        while i < n:
            while i < n and text[i] in " \t\r\n,":
                i += 1
            if i >= n or text[i] != "(":
                break  # `;`, or anything that is not another tuple, ends the statement
            fields, i = _tuple_fields(text, i + 1)
            if len(fields) == len(columns):
                out.extend((a, b, col) for (a, b), col in zip(fields, columns, strict=True))
    return out


def _tuple_fields(text: str, i: int) -> tuple[list[tuple[int, int]], int]:
    """The fields of one VALUES tuple opened right before `i` (quoted strings with `''` or `\\'` escapes,
    bare values, function calls), and the position after its closing bracket."""
    fields: list[tuple[int, int]] = []
    n = len(text)
    while i < n:
        while i < n and text[i] in " \t\r\n":
            i += 1
        if i < n and text[i] in "'\"":
            quote, start = text[i], i + 1
            i += 1
            while i < n:
                if text[i] == "\\":
                    i += 2
                    continue
                if text[i] == quote:
                    if i + 1 < n and text[i + 1] == quote:
                        i += 2
                        continue
                    break
                i += 1
            fields.append((start, i))
            i += 1
        else:
            start, depth = i, 0
            while i < n and (depth or text[i] not in ",)"):
                depth += {"(": 1, ")": -1}.get(text[i], 0)
                i += 1
            fields.append((start, i))
        while i < n and text[i] in " \t\r\n":
            i += 1
        if i >= n or text[i] == ")":
            return fields, i + 1
        if text[i] != ",":
            return [], i  # not a tuple of values after all
        i += 1
    return fields, i


class TableLabels:
    """Header lines and INSERT column lists found once per text (on the first lookup), then a cell's header by
    position."""

    __slots__ = ("_cells", "_field_starts", "_fields", "_found", "_positions", "_rows", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._found = False
        self._positions: list[int] = []
        self._cells: list[tuple[str, list[str]]] = []
        self._fields: list[tuple[int, int, str]] = []
        self._field_starts: list[int] = []
        self._rows: dict[int, list[tuple[int, int]]] = {}  # a row's cell spans, by its start: split once per row

    def _find(self) -> None:
        """A header: at least three cells split by one delimiter, every cell holding a letter, no space run and at
        most `_HEADER_WORDS` words (a field's name, not a clause of prose split at its commas), or up to
        `_HEADER_WORDS_OVER_ROW` over a data row of as many cells;
        or two cells without spaces (`build,date`), so a prose line with one comma is not a header; a
        Markdown header line (`| Name | Phone number |`) with any number of cells."""
        self._found = True
        pos = 0
        lines = self.text.split("\n")
        for k, line in enumerate(lines):
            for delim in _DELIMITERS:
                if delim in line:
                    markdown = delim == "|" and line.strip().startswith("|")
                    if not markdown and '"' not in line and not any(map(str.isalpha, line[: line.index(delim)])):
                        break  # a first cell with no letter (a data row), found without splitting the row
                    spans = cell_spans(line, delim)
                    # `| Name | Phone |`: outer pipes, no outer cells
                    if not all(any(map(str.isalpha, line[a:b])) for a, b in (spans[1:-1] if markdown else spans)):
                        break  # a cell with no letter (a data row, a JSON line), found before the cells are copied
                    cells = [line[a:b].strip().strip("\"'") for a, b in spans]
                    inner = cells[1:-1] if markdown else cells
                    gap = "  " if len(inner) > 2 or markdown else " "  # two plain cells: identifiers, no prose
                    if not inner or not all(gap not in c for c in inner):
                        break
                    words = max(len(c.split()) for c in inner)
                    if words <= _HEADER_WORDS or (
                        words <= _HEADER_WORDS_OVER_ROW and len(inner) > 2 and _row_below(lines, k, delim, len(cells))
                    ):
                        self._positions.append(pos)
                        self._cells.append((delim, cells))
                    break
            pos += len(line) + 1
        if "nsert" in self.text or "NSERT" in self.text:
            self._fields = _sql_fields(self.text)
            self._field_starts = [a for a, _, _ in self._fields]

    def label(self, start: int) -> tuple[str, int, int, int] | None:
        """(header cell or column name, start of the row or field, start and end of the cell) for the cell holding
        `start`, when its row sits under a header with the same number of cells or it is a field of an INSERT
        tuple; None for text that is not a table row."""
        if not self._found:
            self._find()
        if self._field_starts:
            i = bisect_right(self._field_starts, start) - 1
            if i >= 0 and start < self._fields[i][1]:
                a, b, column = self._fields[i]
                return column, a, a, b
        if not self._positions:
            return None
        text = self.text
        row_start = text.rfind("\n", 0, start) + 1
        i = bisect_right(self._positions, row_start - 1) - 1
        if i < 0:
            return None
        delim, cells = self._cells[i]
        spans = self._rows.get(row_start)
        if spans is None:
            row_end = text.find("\n", start)
            row_end = len(text) if row_end < 0 else row_end
            spans = self._rows[row_start] = cell_spans(text[row_start:row_end], delim)
        if len(spans) != len(cells):
            return None
        at = start - row_start
        for k, (a, b) in enumerate(spans):
            if at <= b:
                return cells[k], row_start, row_start + a, row_start + b
        return None
