"""Phone numbers: digit groups validated by `phonenumbers` for the regions the text points to, or a phone word."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import phonenumbers

from gateway.detectors.base import Finding
from gateway.detectors.pii_checks import SPACELESS, embedded
from gateway.detectors.pii_numbers import AGAINST_SCORE
from gateway.detectors.pii_phone_shapes import quantity_after, separated_non_phone
from gateway.detectors.pii_regions import national_pattern, regions
from gateway.detectors.pii_spoken import may_hold_spoken, spoken_findings
from gateway.detectors.pii_tags import PHONE_KEYS, Lean, tags_of
from gateway.detectors.pii_words import ContextIndex

# Digits with single separators between groups (or a spaced slash or hyphen after an area code: `089 / 123 456 78`,
# `0345 - 51 28 44`), an optional "+"/"00" prefix, "(area)" groups and an extension. Lengths are checked after
# the match (7-15 digits, ITU-T E.164).
# Separators: ASCII, no-break and thin spaces (French typography), non-breaking hyphen, en dash, and the middle
# dot that Catalan and Spanish numbers are written with (`93·412·45·67`), the fullwidth hyphen of Japanese forms.
_SEP = " .\\-/\u00a0\u202f\u2009\u2011\u2013\u00b7\uff0d"
_BODY = (
    rf"(?=[\d().+{_SEP}]{{7}})(?:\+|00)?\(?\d(?:\d|(?:[{_SEP}]| [/-] )\(?\d|\(\d|\)[{_SEP}]?\(?\d)*"
    r"(?:\s?(?:x|ext\.?)\s?\d{1,5})?"
)
_PHONE = re.compile(rf"(?<![\w+]){_BODY}")
# Text with letters past ASCII: a number may touch the words of a script written without spaces
# (`お問い合わせは03-1234-5678まで`). A separate pattern, because its look-behind costs more on ASCII logs.
_PHONE_WIDE = re.compile(rf"(?<![^\W{SPACELESS}])(?<!\+){_BODY}")
_PLAIN_SEPARATORS = str.maketrans("\u00a0\u202f\u2009\u2011\u2013\u00b7\uff0d", "    - -")
_NON_DIGIT = re.compile(r"\D")
_EXTENSION = re.compile(r"\s?(?:x|ext\.?)\s?\d{1,5}$")
_AREA_SLASH = re.compile(r"\(?0\d{1,5}\)? ?/ ?\d")
_SEPARATOR = re.compile(rf"[{_SEP}()]")
# Two numbers joined by a spaced slash or hyphen (`+351 21 390 4471 / 965 128 330`): each side holds seven digits.
_JOINED = re.compile(r" [/-] ")
# The US SSN's dashed 3-2-4 shape: a national number written so is no phone without a phone word.
_SSN_SHAPE = re.compile(r"\d{3}-\d{2}-\d{4}")
# A signature line's one-letter or short label with no colon, at the line's start or after a separator
# (`T 030 294 17 60 | M 06-41 28 39 05`): what the number is, as `T:` is a key.
_LABELS = sorted({re.escape(f(k)) for k in PHONE_KEYS for f in (str.capitalize, str.upper)}, key=len, reverse=True)
_SIGNATURE_LABEL = re.compile(
    r"(?:^|(?<=[|•·]))[ \t]*(?:" + "|".join(_LABELS) + r")\.?[ \t]+\Z",
    re.MULTILINE,
)  # the same labels as a key's (`T:`, `Mob:`), capitalised or in capitals, with no colon

# The regions whose national printing is trusted with no hint at all (`_printed_as_national`): the languages the
# guards claim. Regions hinted only by the scripts, letters and words added for other languages count when the
# text points to them, not in this fallback, where each extra numbering plan is one more way for a 0-led id to
# read as a phone.
_PRINTED_REGIONS = (
    "JP", "KR", "CN", "TW", "HK", "RU", "UA", "SA", "AE", "EG", "GR", "IL", "IN", "DE", "AT", "CH", "FR", "BE",
    "ES", "MX", "AR", "IT", "BR", "PT", "NL", "PL", "SE", "DK", "NO", "TR", "CZ", "HU", "RO", "US", "GB",
)


@cache
def _zero_led_regions() -> tuple[str, ...]:
    """Fallback regions whose national numbers are written with a leading 0: a trunk prefix 0 (DE, FR, GB…), or
    the area code's own 0 (IT)."""
    return tuple(r for r in _PRINTED_REGIONS if national_pattern(r)[0] == "0" or r == "IT")


def _plausible(digits: str, region: str) -> bool:
    """The region's general number pattern, with or without its national prefix: a cheap first cut
    (a regex match) before phonenumbers' full parse and validation (~0.15 ms each)."""
    prefix, pattern = national_pattern(region)
    if pattern.fullmatch(digits):
        return True
    return bool(prefix) and digits.startswith(prefix) and pattern.fullmatch(digits[len(prefix) :]) is not None


def _cuts(written: str, nsn_length: int) -> frozenset[int]:
    """Where `written` breaks its national significant number (the last `nsn_length` digits) into groups."""
    cuts, seen, total = set(), 0, sum(c.isdigit() for c in written)
    offset = total - nsn_length  # country code or national prefix digits before the NSN
    for i, ch in enumerate(written):
        if ch.isdigit():
            seen += 1
        elif seen - offset > 0 and i + 1 < len(written) and written[i + 1].isdigit() and seen < total:
            cuts.add(seen - offset)
    return frozenset(cuts)


def _format_cuts(parsed: phonenumbers.PhoneNumber, nsn: str) -> list[frozenset[int]]:
    """The cuts of each of the region's national formats whose pattern takes the whole number."""
    region = phonenumbers.region_code_for_number(parsed)
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region) if region else None
    out = []
    for fmt in meta.number_format if meta is not None else ():
        m = re.fullmatch(fmt.pattern, nsn) if fmt.pattern else None
        if m is not None and m.lastindex:
            out.append(frozenset(m.end(i) for i in range(1, m.lastindex)))
    return out


def _grouped_like_a_phone(number: str, parsed: phonenumbers.PhoneNumber) -> bool:
    """The groups are the region's own for this number or for another of its formats (or merges of them); or the
    region's subscriber groups after an area code of another length; or the plan's area code and then pairs; or
    DIN 5008's area-code slash; or they read like phone groups: every group after the first three digits or more
    and the last four or more, or three groups of three. `1234-5678-90` (a part number) is none of these."""
    nsn = phonenumbers.national_significant_number(parsed)
    national = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    written, own = sorted(_cuts(number, len(nsn))), sorted(_cuts(national, len(nsn)))
    if set(written) <= set(own) or any(set(written) <= cuts for cuts in _format_cuts(parsed, nsn)):
        return True  # the region's grouping of this number, or of another of its formats (`900 37 52 18`)
    if len(written) == len(own) >= 3 and written[1:] == own[1:]:
        return True  # an area code of another length, the subscriber's groups the region's own: `91 123 45 67`
    sizes = [b - a for a, b in zip(written, [*written[1:], len(nsn)], strict=True)]
    pairs = all(size == 2 for size in sizes) or (len(sizes) >= 3 and sizes[0] == 3 and all(s == 2 for s in sizes[1:]))
    if len(written) >= 3 and written[0] == own[0] and pairs:
        # the area code the plan's own, then the subscriber number in pairs (`0318 - 62 47 19`), or in three and
        # pairs as Russian and Ukrainian numbers are written (`067 448 21 09`, `8 (903) 771-20-48`)
        return True
    if _AREA_SLASH.match(number):
        return True  # DIN 5008's former `089 / 123 456 78`: the slash closes an area code
    groups = [g for g in _SEPARATOR.split(number) if g]
    if not all(len(g) >= 3 for g in groups[1:]):
        return False
    return len(groups[-1]) >= 4 or all(len(g) == 3 for g in groups)  # 3-3-3: Spain, Portugal


def _printed_as_national(number: str, digits: str, tried: tuple[str, ...]) -> bool:
    """A 0-led number with no region hint: valid in a claimed region and cut into exactly that region's
    national groups (`01 23 45 67 89` in France, `0532 123 45 67` in Turkey), which ids seldom are."""
    if not digits.startswith("0") or not _SEPARATOR.search(number.lstrip("(")):
        return False
    for region in _zero_led_regions():
        if region in tried or not _plausible(digits, region):
            continue
        # Built from the digits, not parsed from the text: the parse cost more than the rest together.
        prefix = national_pattern(region)[0]
        nsn = digits[len(prefix) :] if prefix else digits
        parsed = phonenumbers.PhoneNumber(
            country_code=phonenumbers.country_code_for_region(region),
            national_number=int(nsn),
            italian_leading_zero=True if nsn.startswith("0") else None,
        )
        if not phonenumbers.is_valid_number_for_region(parsed, region):
            continue
        national = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
        if _cuts(number, len(nsn)) == _cuts(national, len(nsn)):
            return True
    return False


def _valid(number: str, hints: tuple[str, ...]) -> bool:
    """International: a valid number. National: valid in a hinted region and grouped like a phone there, or
    printed exactly as a claimed region prints its numbers."""
    digits = _NON_DIGIT.sub("", number)
    tried = hints
    if not number.startswith(("+", "00")):
        hints = tuple(r for r in hints if _plausible(digits, r))
        if not hints and not digits.startswith("0"):
            return False
    try:
        if number.startswith(("+", "00")):
            international = "+" + number[2:] if number.startswith("00") else number
            parsed = phonenumbers.parse(international, None)
            # Valid, or a possible length for its country code (a number from a range not yet allocated, or
            # a test number made up that way): the "+" and country code already mark a phone, which no id has.
            return phonenumbers.is_valid_number(parsed) or phonenumbers.is_possible_number(parsed)
        for region in hints:
            parsed = phonenumbers.parse(number, region)
            if phonenumbers.is_valid_number(parsed) and _grouped_like_a_phone(number, parsed):
                return True
        return number[0] in "0(" and _printed_as_national(number, digits, tried)
    except phonenumbers.NumberParseException:
        return False


_NUMBER_SIGN = re.compile(r"(?:#|№ ?)\Z")
# A code written in front of the digits, one space before them: capitals (`CC 0653 7719`, `TID 0382 7714`) or a
# group of letters and digits (`1Z 9R4 W88 03 6127 2853`): the digits are the rest of a serial, a meter, a frame
# or a tracking number. Not the phone abbreviations people write that way (`TEL 0612…`, `WA 0812…`, Vietnamese `LH`
# for "contact"), not inside a line written in capitals (`ZELLE FROM (415) …`), and not before a bracketed area
# code or a `+`.
_CODE_BEFORE = re.compile(
    r"(?<![\w.])(?<![A-Z]{2} )((?:[A-Z]{2,4}|(?=[A-Z\d]*[A-Z])(?=[A-Z\d]*\d)[A-Z\d]{2,5})) \Z"
)
_PHONE_ABBREVIATIONS = frozenset({
    "TEL", "TELP", "TELF", "TFNO", "TLFN", "TLF", "TFN", "FAX", "GSM", "MOB", "MOV", "CEL", "CELL", "KOM", "FON",
    "SMS", "MMS", "WA", "HP", "PH", "LH", "VOIP", "SIP", "DDI", "DID", "MTN",
})
# The abbreviation of "number" right before a value (`Nr. `, `No: `, `nº`, `br. `): the value is what it numbers.
_NUMBERED = re.compile(r"(?i)(?<![^\W_])(?:nr\.?|no\.|nº|n°|br\.)[ \t:]*\Z")  # not `me liga no (48) …`


def _spans(text: str) -> Iterator[tuple[int, int]]:
    """Each candidate's span; two or more numbers joined by a spaced slash or hyphen, each of seven digits or
    more, as separate candidates (a slash after an area code keeps the number whole); a bracket opened after the
    digits and never closed is left out."""
    for m in (_PHONE if text.isascii() else _PHONE_WIDE).finditer(text):
        value = m.group()
        cut = value.rfind("(")
        if cut > 0 and ")" not in value[cut:]:
            # a bracket opened after the number and never closed is the start of an aside (`0808 157 0433 (24h`)
            kept = value[:cut].rstrip(_SEP)
            yield m.start(), m.start() + len(kept)
            continue
        if " / " in value or " - " in value:
            cuts = [j.span() for j in _JOINED.finditer(value)]
            bounds = [0, *(c for span in cuts for c in span), len(value)]
            pieces = list(zip(bounds[::2], bounds[1::2], strict=True))
            if all(sum(ch.isdigit() for ch in value[a:b]) >= 7 for a, b in pieces):
                yield from ((m.start() + a, m.start() + b) for a, b in pieces)
                continue
        yield m.start(), m.end()


# How far before a five- or six-digit number its phone word may end (`Telefonnummarið hjá Jógvan er 31 82 07`).
_SHORT_REACH = 30


def _short_labelled(ctx: ContextIndex, number: str, start: int, end: int) -> bool:
    """A national number of five or six digits, as small countries' numbers are (the Faroes, Samoa, Tonga,
    Luxembourg's landlines), written in groups, with a phone word right before it (and valid in a region the text
    points to: `_valid_short`). An unbroken run of five or six digits is a code (`[sms] OTP 482913`, a PIN),
    however near a phone word. The cheap tests first: most short digit groups are amounts, times and codes."""
    if number.startswith(("+", "00")) or not _SEPARATOR.search(number) or not ctx.mentions("PHONE_NUMBER"):
        return False
    dist = ctx.nearest("PHONE_NUMBER", start, end)
    if dist is None or dist > _SHORT_REACH:
        return False
    return ctx.lean("PHONE_NUMBER", start, end, only_for=True) is Lean.FOR


def _valid_short(number: str, hints: tuple[str, ...]) -> bool:
    plain = number.translate(_PLAIN_SEPARATORS)
    try:
        return any(phonenumbers.is_valid_number(phonenumbers.parse(plain, r)) for r in hints)
    except phonenumbers.NumberParseException:
        return False


def phone_findings(name: str, ctx: ContextIndex) -> list[Finding]:
    """Score 0.7 with a phone word nearest, 0.5 when valid in an international or grouped national form.

    Never a phone: a run glued into a longer token, a date, a dotted quad, a bare digit run without a
    phone word (ids, epoch seconds, order numbers), or an identifier word nearest (order, invoice…)."""
    text = ctx.text
    found: list[Finding] = []
    hints: tuple[str, ...] | None = None
    for start, end in _spans(text):
        if end - start < 5:
            continue  # fewer than five characters cannot hold five digits
        value = text[start:end]
        if value.startswith("(") and ")" not in value:
            value, start = value[1:], start + 1
        elif value.startswith("+") and start and text[start - 1] == "(" and 2 <= value.find(")") <= 5:
            start -= 1  # `(+49) 89 1234567`: the bracket opened before the country code belongs to the number
        number = _EXTENSION.sub("", value) if "x" in value or "e" in value else value
        digit_run = number if number.isdecimal() else _NON_DIGIT.sub("", number)
        digits = len(digit_run)
        if digits > 15 or (start and text[start - 1] == "%"):
            continue  # `%20900123`: digits that start inside a percent escape belong to an encoded value
        short = digits < 7
        if short and (digits < 5 or not _short_labelled(ctx, number, start, end)):
            continue
        # A digit run with no separator is an id unless a phone word says otherwise, `00`-led ones too (`KID
        # 002207441195`): only a "+" marks an unbroken run as a phone by itself. (The filters below are pure;
        # the cheap ones that drop most ids, amounts and dates come first.)
        bare = value.isdecimal() or (not value.startswith("+") and not _SEPARATOR.search(value))
        international = value.startswith(("+", "00"))
        pull: Lean | None = None
        if bare:
            if not ctx.mentions("PHONE_NUMBER"):
                continue  # a bare digit run with no phone word anywhere is an id
            pull = ctx.lean("PHONE_NUMBER", start, end, strong=international, only_for=True)
            if pull is not Lean.FOR:
                continue  # nor with none nearest (asked first: most bare runs of a text with a phone word end here)
        elif separated_non_phone(text, value, start, end):
            continue  # a date, an amount, a range, an id shape… (each written with a separator)
        if len(set(digit_run)) == 1:
            continue  # one repeated digit (`000-00-00`)
        if _NUMBER_SIGN.search(text, max(0, start - 3), start) and "PHONE_NUMBER" not in tags_of(
            ctx.word_before(start)
        ):
            continue  # `(#4029222)`, `Ticket #5512034`, `Оферта № 0887 112 233`: a number sign before an id
        numbered = None if value.startswith("+") else _NUMBERED.search(text, max(0, start - 8), start)
        if numbered and "PHONE_NUMBER" not in tags_of(ctx.word_before(numbered.start())):
            continue  # `Pieraksta Nr. 4418-0931`: a numbered thing, unless a phone word names it (`Tel.-Nr.`)
        if end < len(text) and text[end] == ":" and end + 1 < len(text) and text[end + 1].isdigit():
            continue
        if ctx.in_token(start, end, "PHONE_NUMBER"):
            continue
        if quantity_after(text, end):
            continue  # `415 555 0132 bytes`, `2 083 881,07 ₽`
        if pull is None:
            if _SIGNATURE_LABEL.search(text, max(0, start - 12), start):
                found.append(Finding(name, "PHONE_NUMBER", start, end, 0.7))
                continue
            pull = ctx.lean("PHONE_NUMBER", start, end, strong=international)
        if short:  # five or six digits: a phone only with its word and its region's plan
            if pull is Lean.FOR:
                hints = regions(text) if hints is None else hints
                if _valid_short(number, hints):
                    found.append(Finding(name, "PHONE_NUMBER", start, end, 0.7))
            continue
        if pull is not Lean.NONE:
            found.append(Finding(name, "PHONE_NUMBER", start, end, 0.7 if pull is Lean.FOR else AGAINST_SCORE))
            continue
        if _SSN_SHAPE.fullmatch(value):
            continue  # `666-14-2093` beside "SSN": the shape of an SSN, with no phone word
        if (
            value[0] not in "(+"
            and (code := _CODE_BEFORE.search(text, max(0, start - 9), start))
            and code[1] not in _PHONE_ABBREVIATIONS
        ):
            continue  # `stelnr. CC 0653 7719`: the digits of a longer code, with no phone word to say otherwise
        if hints is None:
            hints = regions(text)
        if _valid(number.translate(_PLAIN_SEPARATORS), hints):
            found.append(Finding(name, "PHONE_NUMBER", start, end, 0.5))
    if "%2" in text:
        found += _url_encoded(name, ctx)
    if may_hold_spoken(text) and ctx.mentions("PHONE_NUMBER"):
        found += spoken_findings(name, ctx)
    return found


# An international number URL-encoded in a query string: `%2B` is its "+", `%20` or `+` its spaces.
_ENCODED = re.compile(r"(?i)(?<![\w%])%2B(\d(?:(?:%20|\+)?\d)+)")


def _url_encoded(name: str, ctx: ContextIndex) -> list[Finding]:
    found = []
    for m in _ENCODED.finditer(ctx.text):
        decoded = "+" + re.sub(r"(?i)%20|\+", " ", m.group(1))
        try:
            valid = phonenumbers.is_valid_number(phonenumbers.parse(decoded, None))
        except phonenumbers.NumberParseException:
            continue
        if valid and not embedded(ctx.text, m.start(), m.end()):
            pull = ctx.lean("PHONE_NUMBER", m.start(), m.end(), strong=True)
            score = {Lean.FOR: 0.7, Lean.AGAINST: AGAINST_SCORE}.get(pull, 0.5)
            found.append(Finding(name, "PHONE_NUMBER", m.start(), m.end(), score))
    return found
