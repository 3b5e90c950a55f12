"""Evasion-proof normalisation (NFKC, zero-width, confusables, spacing, leetspeak) that keeps offsets."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_ZERO_WIDTH = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff]"
)
# Latin look-alikes from Cyrillic and Greek; applied only inside words that also hold Latin letters,
# so genuine Russian or Greek text is left alone.
_CONFUSABLES = str.maketrans(
    "аеорсухіјѕԁһВЕКМНОРСТХАΑΒΕΖΗΙΚΜΝΟΡΤΥΧοναι",
    "aeopcyxijsdhBEKMHOPCTXAABEZHIKMNOPTYXovai",
)
_MIXED_SCRIPT = re.compile(r"\b(?=\w*[A-Za-z])(?=\w*[\u0370-\u03ff\u0400-\u04ff])\w+\b")
_LEET = str.maketrans("013457@$!|", "oieastasil")
# A word mixing letters with leet digits/symbols, e.g. "1gn0r3", "pr0mpt", "$ystem".
# (Not an e-mail address: "bob@acme.com" stays as written, so the address can be recognised; and a
# "!" or "|" after a word is punctuation: "Absolutely!" is not "absolutelyi".)
_LEET_WORD = re.compile(
    r"(?<![\w@$!|])(?![\w.+-]*@[a-z0-9-]+\.[a-z]{2,})(?=[\w@$!|]*[a-zA-Z])(?=[\w@$!|]*[013457@$!|])[a-zA-Z013457@$!|]{2,}[a-zA-Z013457@$](?![\w@$])"
)
# A leet character next to a letter. Written to start with the leet character (not a letter) so the
# regex engine skips ahead to candidates instead of trying every letter of clean prose.
_LEET_HINT = re.compile(r"[013457@$!|](?:(?<=[a-z].)|(?=[a-z]))")
# Letters spaced out to dodge keywords: "i g n o r e", "i.g.n.o.r.e", "i-g-n-o-r-e".
_SPACED = re.compile(r"(?<!\w)(?:[^\W\d_][ .\-_*]){3,}[^\W\d_](?!\w)")
# Present exactly when `_SPACED` matches (one character later): anchored on the first separator, so
# clean prose costs a look at each space instead of a failed match at every letter.
_SPACED_HINT = re.compile(r"[ .\-_*](?<=(?<!\w)[^\W\d_][ .\-_*])(?:[^\W\d_][ .\-_*]){2,}[^\W\d_](?!\w)")


@dataclass(frozen=True, slots=True)
class Normalized:
    """`text` is lower-cased and cleaned; `offsets[i]` is the original index of `text[i]` (None: identity)."""

    text: str
    offsets: tuple[int, ...] | None

    def span(self, start: int, end: int) -> tuple[int, int]:
        if self.offsets is None:
            return start, end
        if not self.offsets:
            return 0, 0
        last = len(self.offsets) - 1
        return self.offsets[min(start, last)], self.offsets[min(max(end - 1, 0), last)] + 1


def _char_loop(text: str) -> tuple[str, list[int]]:
    """NFKC and zero-width removal, char by char so every output char knows its source index."""
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if _ZERO_WIDTH.match(ch):
            continue
        for out in unicodedata.normalize("NFKC", ch):
            for low in out.lower():
                chars.append(low)
                offsets.append(i)
    return "".join(chars), offsets


def normalize(text: str) -> Normalized:
    """One lower() call for clean text; the per-character loop only for NFKC changes or hidden characters.

    Confusable and leetspeak rewrites are one char for one char, so they keep offsets for free;
    only collapsing spaced-out letters drops characters."""
    offsets: list[int] | None = None
    if text.isascii():
        joined = text.lower()
    elif unicodedata.is_normalized("NFKC", text) and not _ZERO_WIDTH.search(text):
        joined = text.lower()
        if len(joined) != len(text):
            joined, offsets = _char_loop(text)
    else:
        joined, offsets = _char_loop(text)
    if not joined.isascii() and _MIXED_SCRIPT.search(joined):
        joined = _MIXED_SCRIPT.sub(lambda m: m.group().translate(_CONFUSABLES), joined)
    if _LEET_HINT.search(joined):
        joined = _LEET_WORD.sub(lambda m: m.group().translate(_LEET), joined)
    if _SPACED_HINT.search(joined):
        if offsets is None:
            offsets = list(range(len(joined)))
        keep = [True] * len(joined)
        for m in _SPACED.finditer(joined):
            for j in range(m.start() + 1, m.end(), 2):
                keep[j] = False
        joined = "".join(c for c, k in zip(joined, keep, strict=True) if k)
        offsets = [o for o, k in zip(offsets, keep, strict=True) if k]
    return Normalized(joined, None if offsets is None else tuple(offsets))
