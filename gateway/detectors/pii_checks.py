"""Standard validity checks of structured identifiers: Luhn + card network, IBAN registry, SSN ranges."""

from __future__ import annotations

import re

# Card networks by IIN prefix range and allowed lengths (ISO/IEC 7812 issuer tables as the networks
# publish them). A Luhn-valid number outside every row is not treated as a card: about one random
# number in ten passes Luhn, so the prefix and length are what separate a card from an id.
_NETWORKS: tuple[tuple[str, int, int, frozenset[int]], ...] = (
    # (name, first prefix, last prefix, lengths); prefixes compared on the same number of digits
    ("visa", 4, 4, frozenset({13, 16, 19})),
    ("mastercard", 51, 55, frozenset({16})),
    ("mastercard", 2221, 2720, frozenset({16})),
    ("amex", 34, 34, frozenset({15})),
    ("amex", 37, 37, frozenset({15})),
    ("diners", 300, 305, frozenset({14, 16, 19})),
    ("diners", 3095, 3095, frozenset({14, 16, 19})),
    ("diners", 36, 36, frozenset({14, 16, 19})),
    ("diners", 38, 39, frozenset({14, 16, 19})),
    ("discover", 6011, 6011, frozenset({16, 17, 18, 19})),
    ("discover", 644, 649, frozenset({16, 17, 18, 19})),
    ("discover", 65, 65, frozenset({16, 17, 18, 19})),
    ("jcb", 3528, 3589, frozenset({16, 17, 18, 19})),
    ("jcb", 2131, 2131, frozenset({15})),
    ("jcb", 1800, 1800, frozenset({15})),
    ("unionpay", 62, 62, frozenset({16, 17, 18, 19})),
    ("mir", 2200, 2204, frozenset({16, 17, 18, 19})),
    # Maestro also issued 12-15 digit cards; at those lengths (shared with FedEx, EAN and many ids) and in
    # UATP's 1-prefixed 15-digit range only a card word next to the number makes it a card.
    ("maestro", 50, 50, frozenset(range(16, 20))),
    ("maestro", 56, 69, frozenset(range(16, 20))),
    ("maestro", 604, 604, frozenset(range(16, 20))),  # the historical Maestro UK range 0604
    ("rupay", 60, 60, frozenset({16})),
    ("rupay", 81, 82, frozenset({16})),
    ("troy", 9792, 9792, frozenset({16})),
)


_DOUBLED = str.maketrans("0123456789", "0246813579")  # each digit's double, less 9 past 9


def luhn_ok(digits: str) -> bool:
    if digits.isascii():
        rev = digits[::-1]
        return (sum(map(int, rev[::2])) + sum(map(int, rev[1::2].translate(_DOUBLED)))) % 10 == 0
    total = 0  # digits of other scripts (`٤١١١…`): each through int()
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def card_network(digits: str) -> str | None:
    """The network whose prefix range and length fit `digits`, or None."""
    n = len(digits)
    for name, low, high, lengths in _NETWORKS:
        if n not in lengths:
            continue
        width = len(str(low)) + (1 if name == "maestro" and low == 604 else 0)
        if low <= int(digits[:width]) <= high:
            return name
    return None


def card_ok(digits: str) -> bool:
    return 12 <= len(digits) <= 19 and card_network(digits) is not None and luhn_ok(digits)


# IBAN length per country (SWIFT IBAN registry; Iran's IBAN, in national use outside the registry, too).
IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BI": 27,
    "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27, "DK": 18, "DO": 28,
    "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
    "GL": 18, "GR": 27, "GT": 28, "HN": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26,
    "IR": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21,
    "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28,
    "NL": 18, "NO": 15, "OM": 23, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22,
    "RU": 33, "SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25,
    "SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}  # fmt: skip


def iban_ok(candidate: str) -> bool:
    """Known country, that country's length, and the ISO 7064 mod-97 check."""
    compact = re.sub(r"[ -]", "", candidate).upper()
    if IBAN_LENGTHS.get(compact[:2]) != len(compact) or not compact.isalnum() or not compact[2:4].isdigit():
        return False
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def ssn_ok(area: str, group: str, serial: str) -> bool:
    """SSA rules: area 000, 666 and 900-999 never issued; group 00 and serial 0000 never issued.

    Also refused: one digit repeated, the ascending run, and the 078-05-1120 sample card number."""
    digits = area + group + serial
    if area in ("000", "666") or area[0] == "9" or group == "00" or serial == "0000":
        return False
    return len(set(digits)) > 1 and digits not in ("123456789", "078051120")


def aba_ok(digits: str) -> bool:
    """ABA routing number checksum (weights 3, 7, 1): a nine-digit run that passes is a bank routing id."""
    if len(digits) != 9:
        return False
    weights = (3, 7, 1) * 3
    return sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 10 == 0


# Scripts written without spaces between words (CJK, kana, Hangul, Thai, Lao, Myanmar, Khmer): a number
# written inside such text (`お問い合わせは03-1234-5678まで`) touches the words around it without being
# part of a longer token, so their letters do not glue.
SPACELESS = (
    "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
)
_SPACELESS_CHAR = re.compile(f"[{SPACELESS}]")


def _glue(ch: str) -> bool:
    """A letter or digit that makes a token longer: not one of a script written without spaces."""
    return ch.isalnum() and (ch < "\u0e00" or _SPACELESS_CHAR.match(ch) is None)


def glued_left(text: str, start: int) -> bool:
    """A letter or digit right before `start`, or a joiner (`-` `_` `.` `/` `\\` `#`) with one beyond it."""
    if start == 0:
        return False
    left = text[start - 1]
    if left.isalnum():  # inline: this runs for every candidate of every type
        return left < "\u0e00" or _SPACELESS_CHAR.match(left) is None
    if start > 1 and left in "-\u05be" and text[start - 2] in _HEBREW_PREFIXES:
        return not _hebrew_prefix(text, start - 2)
    return left in "-_./\\#" and start > 1 and _glue(text[start - 2])


# Hebrew writes a one-letter preposition or article before a number with a hyphen or maqaf (`ב-054…`, "at";
# `ל-03…`, "to"): a word of the sentence, not a joiner of one token.
_HEBREW_PREFIXES = "בלמהוכש"


def _hebrew_prefix(text: str, at: int) -> bool:
    """text[at] is a one-letter Hebrew prefix standing alone (nothing alphanumeric right before it)."""
    return text[at] in _HEBREW_PREFIXES and (at == 0 or not text[at - 1].isalnum())


def embedded(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is part of a longer token: a hash, UUID, tracking or part number, path.

    Letters or digits glued on either side, or a joiner (`-` `_` `.` `/` `\\`) with a letter or digit
    beyond it. A dash followed by a letter on the right is a label ("555-0199-Office"), not a token."""
    return glued_left(text, start) or glued_right(text, end)


def glued_right(text: str, end: int) -> bool:
    """A letter or digit right after `end`, or a joiner with one beyond it (a dash only before a digit)."""
    n = len(text)
    if end < n:
        right = text[end]
        if _glue(right):
            return True
        if right in "_./\\" and end + 1 < n and _glue(text[end + 1]):
            return True
        if right == "-" and end + 1 < n and text[end + 1].isdigit():
            return True
    return False
