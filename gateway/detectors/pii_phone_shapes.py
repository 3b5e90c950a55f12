"""Digit groups written like something other than a phone: dates, amounts, ranges, coordinates, id and postal shapes."""

from __future__ import annotations

import re

# A calendar date (month 1-12, day 1-31, a year 1800-2099, 2500-2599 of the Thai Buddhist era, `01/08/2569`, or
# 1300-1499 of the Hijri and Solar Hijri calendars, `1405/09/10`): `0450.00.67.20` is a Belgian number, not a date.
_M, _D, _Y = r"(?:0?[1-9]|1[0-2])", r"(?:0?[1-9]|[12]\d|3[01])", r"(?:1[3489]|20|25)\d\d"
_DATE = rf"(?:{_Y}[-/.]{_M}[-/.]{_D}|{_D}[-/.]{_M}[-/.]{_Y}|{_M}[-/.]{_D}[-/.]{_Y})(?!\d)"
# `10.20.0.0/16`: a quad with its prefix length is a network; `012.36.78.68` is no address: a trunk 0.
_DOTTED_QUAD = r"(?!0)\d{1,3}(?:\.\d{1,3}){3}"
_DECIMAL = r"\d+[.,]\d{1,2}"  # an amount: 12345.67
# Fixed national id and postal shapes no numbering plan groups that way: a Brazilian CEP (`01310-100`), CPF
# (`123.456.789-09`) and CNPJ (`12.345.678/0001-95`).
_ID_SHAPE = r"\d{5}-\d{3}|\d{3}\.\d{3}\.\d{3}-\d{2}|\d{2}\.\d{3}\.\d{3}/\d{4}-\d{2}"
# A Czech or Slovak birth number (`920414/2290`): the holder's date of birth YYMMDD, the month plus 50 for a
# woman (plus 20 from 2004 on), a slash, three or four digits: an identity number, not an area code and a line.
_BIRTH_MONTH = r"(?:0[1-9]|1[0-2]|2[1-9]|3[0-2]|5[1-9]|6[0-2]|7[1-9]|8[0-2])"
_BIRTH_NUMBER = rf"\d\d{_BIRTH_MONTH}(?:0[1-9]|[12]\d|3[01])/\d{{3,4}}"
# A document numbered within its year (`2026-89561`, `2025/004711`, `4471/2025`; `4471/1446` in the Hijri and
# Solar Hijri calendars: invoices, tickets, receipts, circulars, case files).
_YEAR_NUMBERED = r"(?:199\d|20[0-3]\d)[-/]\d{3,6}|\d{1,6}/(?:199\d|20[0-3]\d|14[0-4]\d)"
# A span of two times of day (`8.00–20.00`, `09:00-17:30`), of two years (`2019-2024`), or of two numbers of the
# same length joined by an en dash, the second the larger (`flats 1101–1304`): a range, which no phone is written
# as. A hyphen between other numbers is left to phones (`1588-4471`).
_TIME_RANGE = r"(?:[01]?\d|2[0-4])[.:h][0-5]\d ?[-\u2013] ?(?:[01]?\d|2[0-4])[.:h][0-5]\d"
_RANGE = re.compile(r"(\d{2,5}) ?\u2013 ?(\d{2,5})|((?:19|20)\d\d) ?- ?((?:19|20)\d\d)")
# A date with a two-digit year and the time after it (a chat export's `28/11/26 19.02`), and an id stamped with its
# date (`20261201-0418`: YYYYMMDD, then a sequence).
_DATE_TIME = rf"{_D}/{_M}/\d\d,? (?:[01]?\d|2[0-3])[.:][0-5]\d"
_DATE_STAMPED = r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[-_]\d{2,6}"
# The shapes above that a value is as a whole (a date and a quad: its start), in one pattern: one regex call for a
# candidate instead of one per shape.
_WHOLE_SHAPES = re.compile(
    rf"{_DATE}|{_DATE_TIME}|{_DOTTED_QUAD}|"
    rf"(?:{_DECIMAL}|{_ID_SHAPE}|{_BIRTH_NUMBER}|{_YEAR_NUMBERED}|{_DATE_STAMPED}|{_TIME_RANGE})\Z"
)
# Dates and numbered documents are written in the digits of the text's script too (`০১/১২/২০২৬`, `۱۴۰۵/۰۹/۱۰`,
# `۲۰۲۶-۴۱۸۷۷`): the shapes are read on the value in ASCII digits (Arabic-Indic, Persian, Devanagari, Bengali,
# fullwidth).
_ASCII_DIGITS = str.maketrans(
    {chr(first + d): str(d) for first in (0x0660, 0x06F0, 0x0966, 0x09E6, 0xFF10) for d in range(10)}
)
# A latitude and longitude in decimal degrees (`50.99917, 5.41304`): either number of the pair.
_COORDINATE = re.compile(r"-?\d{1,3}\.\d{3,}")
_COORDINATE_PAIR = re.compile(r"-?\d{1,3}\.\d{3,}[,;]? ?-?\d{1,3}\.\d{3,}")
# A JSON number right after its key (`"lat":24.713552`): a float in a JSON value, never a phone (phones are strings).
_JSON_KEY_BEFORE = re.compile(r"[\"']\s*:\s*\Z")
# A US ZIP+4 code after its state's two capitals (`Austin, TX 73301-1234`).
_ZIP4 = re.compile(r"\d{5}-\d{4}")
_STATE_BEFORE = re.compile(r"(?<![\w.])[A-Z]{2},? \Z")
# A unit of measure or a currency right after the digits: a quantity (`415 555 0132 bytes`, `12 345 678 €`).
_CURRENCY = r"EUR|USD|GBP|CHF|RUB|VND|€|\$|£|₽|₺|₹|¥|₩|円|元|zł|Kč|kr|Ft|TL|₫|đ|đồng|euros?|dollars?"
_UNIT_AFTER = re.compile(rf"[ \u00a0\u202f]?(?:[kKMGT]i?B|bytes?|octets?|ms|µs|ns|sec|kg|km|{_CURRENCY}|%)(?!\w)")
# The cents of an amount whose thousands are grouped with spaces (`2 083 881,07 ₽`, `19 653.00 EUR`).
_THOUSANDS = re.compile(r"\d{1,3}(?:[.,\u00a0\u202f ]\d{3}){2,}")
_CURRENCY_BEFORE = re.compile(rf"(?:{_CURRENCY}|Rp|R\$|RM|₱|KSh|₫|₴|₸|৳|₦|Rs)\.?[ \u00a0\u202f]?\Z")
_CENTS_AFTER = re.compile(rf"[.,]\d{{2}}[ \u00a0\u202f]?(?:{_CURRENCY}|[A-Z]{{3}}(?![A-Za-z]))")


def _ascending_range(value: str) -> bool:
    m = _RANGE.fullmatch(value)
    if m is None:
        return False
    low, high = (m[1], m[2]) if m[1] else (m[3], m[4])
    return len(low) == len(high) and int(low) < int(high) and low[0] != "0"


def _in_pair(text: str, start: int, end: int) -> bool:
    """text[start:end] is one half of a latitude/longitude pair."""
    return any(
        m.start() <= start and end <= m.end() for m in _COORDINATE_PAIR.finditer(text, max(0, start - 16), end + 16)
    )


def separated_non_phone(text: str, value: str, start: int, end: int) -> bool:
    """`value` (text[start:end]) is a date, a dotted quad, an amount, an id or postal shape, a birth number, a
    document numbered within its year, a range, a coordinate of a pair or a JSON float, a ZIP+4 after its state, or
    thousands after a currency. Every one of these shapes holds a separator: a run of digits alone is none of them."""
    if not value.isascii():
        value = value.translate(_ASCII_DIGITS)
    if _WHOLE_SHAPES.match(value) or _ascending_range(value):
        return True
    if _COORDINATE.fullmatch(value) and (
        _in_pair(text, start, end)
        or (_JSON_KEY_BEFORE.search(text, max(0, start - 8), start) and text[end : end + 1] not in ('"', "'"))
    ):
        return True
    if _ZIP4.fullmatch(value) and _STATE_BEFORE.search(text, max(0, start - 4), start):
        return True
    # `Rp 84.500.000`, `€ 1.250.000`: an amount grouped in thousands
    return bool(_THOUSANDS.fullmatch(value) and _CURRENCY_BEFORE.search(text, max(0, start - 6), start))


def quantity_after(text: str, end: int) -> bool:
    """A unit or a currency right after the digits that end at `end`, the cents of an amount, or the `#` that ends
    a code typed on a keypad (a conference's meeting id or PIN: `,,771902443#`)."""
    return (
        _UNIT_AFTER.match(text, end) is not None
        or _CENTS_AFTER.match(text, end) is not None
        or text.startswith("#", end)
    )
