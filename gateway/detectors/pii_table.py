"""Column labels of delimited text (CSV/TSV exports): a cell's header is the context word that labels it.

In a CSV row the words around a number are other fields and the header line, not its label, so a
fixed character window misreads them (`id,name,phone,created` puts "created" next to the phone)."""

from __future__ import annotations

from bisect import bisect_right

_DELIMITERS = (",", "\t", ";", "|")


class TableLabels:
    """Header lines found once per text (on the first lookup), then a cell's header by position."""

    __slots__ = ("_cells", "_found", "_positions", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._found = False
        self._positions: list[int] = []
        self._cells: list[tuple[str, list[str]]] = []

    def _find(self) -> None:
        """A header: at least three cells split by one delimiter, every cell holding a letter and no space run;
        or two cells without spaces (`build,date`), so a prose line with one comma is not a header; a
        Markdown header line (`| Name | Phone number |`) with any number of cells."""
        self._found = True
        pos = 0
        for line in self.text.split("\n"):
            for delim in _DELIMITERS:
                if line.count(delim) >= 1:
                    cells = [c.strip().strip("\"'") for c in line.split(delim)]
                    markdown = delim == "|" and line.strip().startswith("|")
                    inner = cells[1:-1] if markdown else cells  # `| Name | Phone |`: outer pipes, no outer cells
                    gap = "  " if len(inner) > 2 or markdown else " "  # two plain cells: identifiers, no prose
                    if inner and all(c and any(ch.isalpha() for ch in c) and gap not in c for c in inner):
                        self._positions.append(pos)
                        self._cells.append((delim, cells))
                    break
            pos += len(line) + 1

    def label(self, start: int) -> tuple[str, int] | None:
        """(header cell, start of the row) for the cell holding `start`, when its row sits under a header
        with the same number of cells; None for text that is not a table row."""
        if not self._found:
            self._find()
        if not self._positions:
            return None
        text = self.text
        row_start = text.rfind("\n", 0, start) + 1
        i = bisect_right(self._positions, row_start - 1) - 1
        if i < 0:
            return None
        delim, cells = self._cells[i]
        row_end = text.find("\n", start)
        row_end = len(text) if row_end < 0 else row_end
        if text.count(delim, row_start, row_end) + 1 != len(cells):
            return None
        return cells[text.count(delim, row_start, start)], row_start
