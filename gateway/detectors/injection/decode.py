"""Find smuggled payloads and decode them so they can be rescanned.

Encodings: base64, hex, URL-encoding, 8-bit binary groups, Morse code, text written backwards, and
Unicode tag characters (U+E0020-E007E), which render as nothing and spell ASCII: text a human
reviewer cannot see but a model reads. Each decoder is gated by a cheap check, so clean text pays
for a `split()` and a few substring tests."""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote

_B64 = re.compile(r"(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{24,}={0,2}(?![A-Za-z0-9+/=_-])")
_HEX = re.compile(r"(?<![0-9A-Fa-f])(?:[0-9A-Fa-f]{2}:?){16,}(?![0-9A-Fa-f])|(?:\\x[0-9A-Fa-f]{2}){8,}")
_URLENC = re.compile(r"(?:%[0-9A-Fa-f]{2}[^%\s]{0,3}){6,}")
_BINARY = re.compile(r"(?<![01])(?:[01]{8}[\s,]{0,2}){6,}")
# Morse: dots and dashes (also the look-alikes machine translation and typing produce), letters
# separated by spaces, words by " / " or wide gaps.
_MORSE_CHARS = ".-·•‧∙−–—_।"
_MORSE = re.compile(r"(?:[.\-·•‧∙−–—_।]{1,7}(?: {1,3}| ?/ ?)){7,}[.\-·•‧∙−–—_।]{1,7}")
_TAGS = re.compile("[\U000e0020-\U000e007e]{8,}")
_MAX_DECODE = 16
# Words that read as common English ones only when the text is written backwards.
_REVERSED_WORDS = frozenset(
    {"eht", "uoy", "ruoy", "erongi", "snoitcurtsni", "drowssap", "tpmorp"}
    | {"metsys", "terces", "tahw", "woh", "lla", "dna"}
)
# Punctuation read as a word break when the text is split into words (base64's + / = _ - are kept).
_SEPARATORS = str.maketrans({c: " " for c in ".,;:!?'\"()[]{}<>*`|"})
_MORSE_CODE = {
    ".-": "a", "-...": "b", "-.-.": "c", "-..": "d", ".": "e", "..-.": "f", "--.": "g", "....": "h",
    "..": "i", ".---": "j", "-.-": "k", ".-..": "l", "--": "m", "-.": "n", "---": "o", ".--.": "p",
    "--.-": "q", ".-.": "r", "...": "s", "-": "t", "..-": "u", "...-": "v", ".--": "w", "-..-": "x",
    "-.--": "y", "--..": "z", "-----": "0", ".----": "1", "..---": "2", "...--": "3", "....-": "4",
    ".....": "5", "-....": "6", "--...": "7", "---..": "8", "----.": "9", "..--..": "?", ".-.-.-": ".",
}  # fmt: skip
_MORSE_NORMAL = str.maketrans(
    {"·": ".", "•": ".", "‧": ".", "∙": ".", "।": ".", "−": "-", "–": "-", "—": "-", "_": "-"}
)


@dataclass(frozen=True, slots=True)
class Segment:
    """A decoded stretch of the original text. `hidden`: invisible when rendered (tag characters)."""

    start: int
    end: int
    decoded: str
    hidden: bool = False


def _printable(raw: bytes) -> str | None:
    """Readable words: mostly letters and spaces, a few undecodable bytes tolerated (a payload
    mangled by copying or translation still says what it says)."""
    text = raw.decode("utf-8", errors="replace")
    if not text or text.count("\ufffd") > max(1, len(text) // 25):
        return None
    letters = sum(c.isalpha() or c.isspace() for c in text)
    return text if letters / len(text) > 0.7 and " " in text else None


def _morse(chunk: str) -> str | None:
    words = []
    for word in re.split(r" ?/ ?| {3,}", chunk.translate(_MORSE_NORMAL).strip()):
        letters = [_MORSE_CODE.get(code) for code in word.split()]
        if not letters or any(ch is None for ch in letters):
            return None
        words.append("".join(ch for ch in letters if ch))
    text = " ".join(words)
    return text if len(words) >= 2 and sum(c.isalpha() for c in text) >= 6 else None


def _long_token_segments(text: str) -> Iterator[Segment]:
    count = 0
    for m in _B64.finditer(text):
        chunk = m.group()
        if chunk.isalpha() or chunk.isdigit():
            continue
        altchars = b"-_" if "-" in chunk or "_" in chunk else None
        try:
            raw = base64.b64decode(chunk + "=" * (-len(chunk) % 4), altchars=altchars)
        except (binascii.Error, ValueError):
            continue
        decoded = _printable(raw)
        if decoded:
            count += 1
            yield Segment(m.start(), m.end(), decoded)
        if count >= _MAX_DECODE:
            return
    for m in _HEX.finditer(text):
        digits = re.sub(r"[^0-9A-Fa-f]", "", m.group().replace("\\x", ""))
        decoded = _printable(bytes.fromhex(digits[: len(digits) // 2 * 2]))
        if decoded:
            yield Segment(m.start(), m.end(), decoded)


def encoded_segments(text: str) -> Iterator[Segment]:
    """Each segment of `text` that decodes to readable words."""
    tokens = text.lower().translate(_SEPARATORS).split()
    if max(map(len, tokens), default=0) >= 24:
        yield from _long_token_segments(text)
    if "%" in text:
        for m in _URLENC.finditer(text):
            unquoted = unquote(m.group())
            if unquoted != m.group() and " " in unquoted:
                yield Segment(m.start(), m.end(), unquoted)
    if "0000" in text or "1111" in text or "0100" in text:
        for m in _BINARY.finditer(text):
            bits = re.sub(r"[^01]", "", m.group())
            octets = _printable(bytes(int(bits[i : i + 8], 2) for i in range(0, len(bits) - 7, 8)))
            if octets:
                yield Segment(m.start(), m.end(), octets)
    dots = text.count(".") + text.count("-")
    if not text.isascii():
        dots += sum(text.count(c) for c in _MORSE_CHARS[2:])
    if dots >= 12 and ("-" in text or "—" in text or "−" in text):
        for m in _MORSE.finditer(text):
            letters = _morse(m.group())
            if letters:
                yield Segment(m.start(), m.end(), letters)
    if not text.isascii():
        for m in _TAGS.finditer(text):
            spelled = "".join(chr(ord(c) - 0xE0000) for c in m.group())
            if " " in spelled.strip():
                yield Segment(m.start(), m.end(), spelled, hidden=True)
    if len(_REVERSED_WORDS.intersection(tokens)) >= 2:
        yield Segment(0, len(text), text[::-1])
    if _has_uncommon_stretch(tokens):
        yield from _shifted_segments(text, tokens)


# Caesar / ROT-n: a run of Latin words none of which is a common English word, that becomes English
# under one letter shift. Other languages written in Latin letters have no shift that does that.
_COMMON = frozenset(
    {"the", "and", "to", "of", "a", "in", "is", "you", "that", "it", "for", "on", "with", "as", "are", "be"}
    | {"this", "your", "or", "not", "what", "all", "have", "was", "state", "ignore", "previous", "instructions"}
)
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
_SHIFTS = tuple(str.maketrans(_ALPHABET, _ALPHABET[n:] + _ALPHABET[:n]) for n in range(26))
_WINDOW = 6
_MAX_RUNS = 4


def _has_uncommon_stretch(tokens: list[str]) -> bool:
    """Six aligned consecutive words with no common English word among them, so any stretch of eleven
    is found (set operations in C; English prose has a common word in nearly every such window)."""
    return any(_COMMON.isdisjoint(tokens[i : i + _WINDOW]) for i in range(0, len(tokens) - _WINDOW + 1, _WINDOW))


def _stretches(tokens: list[str]) -> Iterator[list[str]]:
    """Maximal runs of at least six alphabetic words none of which is a common English word."""
    run: list[str] = []
    for token in (*tokens, ""):
        if len(token) >= 2 and token.isalpha() and token not in _COMMON:
            run.append(token)
            continue
        if len(run) >= 6:
            yield run
        run = []


def likely_letters(run: str) -> list[str]:
    """The run's most frequent letters: the two most frequent, and every letter tied with the second (at most
    four). Picking two of several tied letters by set order made the verdict depend on the process's hash seed."""
    counts = sorted(((run.count(c), c) for c in set(run) - {" "}), reverse=True)
    if not counts:
        return []
    floor = counts[min(1, len(counts) - 1)][0]
    return [c for k, c in counts if k >= floor][:4]


def _shifted_segments(text: str, tokens: list[str]) -> Iterator[Segment]:
    lowered = text.lower()
    for tried, words in enumerate(_stretches(tokens)):
        if tried >= _MAX_RUNS:
            return
        run = " ".join(words)
        # only the shifts that map the run's most frequent letters onto e, t or a
        letters = likely_letters(run)
        for n in sorted({(ord(target) - ord(ch)) % 26 for ch in letters for target in "eta"} - {0}):
            shifted = run.translate(_SHIFTS[n])
            found = [w for w in shifted.split() if w in _COMMON]
            if len(found) >= 0.35 * len(words) and len({w for w in found if len(w) >= 3}) >= 2:
                start = max(lowered.find(words[0]), 0)
                end = lowered.find(words[-1], start)
                yield Segment(start, end + len(words[-1]) if end >= 0 else len(text), shifted)
                break


_PROSE_WORD = re.compile(r"[^\W\d_]{2,}")


def is_prose(decoded: str) -> bool:
    """Decoded text that reads as a sentence (not JSON, a certificate's fields or a hex dump)."""
    if any(c in decoded for c in "{}[]<>=\\") or any(ord(c) < 32 and c not in "\n\t" for c in decoded):
        return False
    words = decoded.split()
    wordlike = sum(bool(_PROSE_WORD.fullmatch(w.strip(".,;:!?'\""))) for w in words)
    return len(words) >= 4 and wordlike >= 0.75 * len(words)
