"""Which of a fixed set of literal substrings occur in a text, for detectors' cheap prefilters."""

from __future__ import annotations

from collections.abc import Iterable

# Lower-case letters from the most to the least frequent in English: a rare letter makes a good gate.
_LETTERS_BY_FREQUENCY = "etaoinshrdlcumwfgypbvkjxqz"


def _rarity(ch: str) -> int:
    """Higher for characters prose seldom holds: punctuation and non-ASCII, then capitals and digits."""
    if "a" <= ch <= "z":
        return _LETTERS_BY_FREQUENCY.index(ch)
    if ch.isupper() or ch.isdigit():
        return 30
    return 40


class Literals:
    """A search per literal costs a pass over the text each (about 0.5 µs per KB in CPython), while a
    one-character search is a memchr. So each literal is gated by its rarest character: the gates
    are searched once per text, and only literals whose gate is present are searched in full. Exact:
    a literal occurs only if each of its characters does."""

    __slots__ = ("_gated", "_gates")

    def __init__(self, literals: Iterable[str]) -> None:
        unique = dict.fromkeys(literals)
        self._gated = tuple((max(s, key=_rarity, default=""), s) for s in unique)
        self._gates = tuple(dict.fromkeys(gate for gate, _ in self._gated))

    def present(self, text: str) -> list[str]:
        """The literals that occur in `text`, in the order they were given (first occurrence)."""
        gates = {g for g in self._gates if g in text}
        if not gates:
            return []
        return [s for gate, s in self._gated if gate in gates and s in text]
