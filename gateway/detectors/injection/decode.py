"""Find encoded payloads (base64, hex, URL-encoding) and decode them so they can be rescanned."""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterator
from urllib.parse import unquote

_B64 = re.compile(r"(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{24,}={0,2}(?![A-Za-z0-9+/=_-])")
_HEX = re.compile(r"(?<![0-9A-Fa-f])(?:[0-9A-Fa-f]{2}:?){16,}(?![0-9A-Fa-f])|(?:\\x[0-9A-Fa-f]{2}){8,}")
_URLENC = re.compile(r"(?:%[0-9A-Fa-f]{2}[^%\s]{0,3}){6,}")
_MAX_DECODE = 16


def _printable(raw: bytes) -> str | None:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    letters = sum(c.isalpha() or c.isspace() for c in text)
    return text if text and letters / len(text) > 0.7 and " " in text else None


def encoded_segments(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, decoded) for each segment of `text` that decodes to readable words.

    Base64 and hex payloads are single long tokens, so text without a 24+ character token skips them."""
    if max(map(len, text.split()), default=0) >= 24:
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
                yield m.start(), m.end(), decoded
            if count >= _MAX_DECODE:
                break
        for m in _HEX.finditer(text):
            digits = re.sub(r"[^0-9A-Fa-f]", "", m.group().replace("\\x", ""))
            decoded = _printable(bytes.fromhex(digits[: len(digits) // 2 * 2]))
            if decoded:
                yield m.start(), m.end(), decoded
    if "%" in text:
        for m in _URLENC.finditer(text):
            decoded = unquote(m.group())
            if decoded != m.group() and " " in decoded:
                yield m.start(), m.end(), decoded
