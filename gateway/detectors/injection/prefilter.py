"""One trigger prefilter for all rule families: which families may run, from set lookups and few scans."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from gateway.detectors.injection.families import Trigger
from gateway.detectors.literals import Literals

_LOWER_ASCII = re.compile("[a-z]+")
_STEM = re.compile("[a-z]+\\Z")
# Every ASCII character except a-z becomes a space: splitting the result gives the `[a-z]+` tokens.
_NOT_LOWER = str.maketrans({chr(c): " " for c in range(128) if not "a" <= chr(c) <= "z"})


def tokens(text: str) -> set[str]:
    """The distinct `[a-z]+` runs of `text`; a translate-and-split for ASCII text (half the regex's cost)."""
    if text.isascii():
        return set(text.translate(_NOT_LOWER).split())
    return set(_LOWER_ASCII.findall(text))


def _key(triggers: tuple[Trigger, ...]) -> Trigger | None:
    """The group that rejects the family most cheaply: fewest substrings to search, then fewest words.
    None for a family without triggers, which always runs."""
    return min(triggers, key=lambda t: (len(t.substrings), len(t.words)), default=None)


def _by_atom(pairs: Iterable[tuple[str, int]]) -> dict[str, tuple[int, ...]]:
    grouped: dict[str, list[int]] = {}
    for atom, family in pairs:
        grouped.setdefault(atom, []).append(family)
    return {atom: tuple(families) for atom, families in grouped.items()}


class TriggerIndex:
    """Families whose key trigger group is present, in table order: a superset of the triggered ones.

    A family runs only when every trigger group is present, so one absent group rejects it. Each
    family keeps one key group; the text's tokens are intersected with all key words at once, and
    each key substring is searched once however many families share it. A substring of a-z only
    can occur only inside one `[a-z]+` token, so it is searched in the distinct tokens (a fraction
    of the text) instead. The caller still checks every group of a candidate."""

    __slots__ = ("_always", "_by_substring", "_by_word", "_other", "_stems", "_unicode", "_words")

    def __init__(self, families: Sequence[tuple[Trigger, ...]]) -> None:
        keys = [_key(triggers) for triggers in families]
        self._always = tuple(i for i, key in enumerate(keys) if key is None)
        self._by_word = _by_atom((w, i) for i, key in enumerate(keys) if key for w in key.words)
        self._words = frozenset(self._by_word)
        self._by_substring = _by_atom((s, i) for i, key in enumerate(keys) if key for s in key.substrings)
        subs = list(self._by_substring)
        self._stems = Literals(s for s in subs if _STEM.match(s))
        self._other = Literals(s for s in subs if s.isascii() and not _STEM.match(s))
        self._unicode = Literals(s for s in subs if not s.isascii())

    def candidates(self, text: str, words: set[str], is_ascii: bool) -> list[int]:
        """Indices into the families, ascending. `words` are the `[a-z]+` tokens of `text`."""
        found = set(self._always)
        for w in words & self._words:
            found.update(self._by_word[w])
        hits = [*self._stems.present(" ".join(words)), *self._other.present(text)]
        if not is_ascii:
            hits.extend(self._unicode.present(text))
        for s in hits:
            found.update(self._by_substring[s])
        return sorted(found)
