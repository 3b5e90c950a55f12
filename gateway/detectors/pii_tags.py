"""The tags of a word, a key and a column header: which lexicons a word belongs to (`pii_lexicon`), and which way a
key (`customer_phone`, `Bestellnr`) or a table header pulls the value under it."""

from __future__ import annotations

import re
from enum import IntEnum
from functools import lru_cache

from gateway.detectors.pii_lexicon import AGAINST_TAG, LEXICONS


class Lean(IntEnum):
    """Which way the nearest context word pulls a candidate's score."""

    AGAINST = -1
    NONE = 0
    FOR = 1


_WORD = re.compile(r"[^\W\d_]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


@lru_cache(maxsize=65536)
def _tags_of(word: str) -> frozenset[str]:
    """The lexicons a lower-cased word belongs to (memoised: a pure function of the word). A German, Dutch or Nordic
    compound abbreviated with `nr` (`Personalnr`, `aftalenr`, `Zählernr`) names the kind of number its head says: a
    phone for `Mobilnr`, an SSN for `Sozialversicherungsnr`, an identifier for every other head but a line's own
    (`Privatnr`, `Durchwahlnr`)."""
    tags = _lexicon_tags(word)
    if tags or len(word) < _NR_COMPOUND or not word.endswith("nr"):
        return tags
    stem = word[:-2].rstrip("-")
    head = _lexicon_tags(stem)
    if head - {AGAINST_TAG}:
        return head  # `Sozialversicherungsnr`, `Kartennr`, `Mobilnr`: the head names the type
    return frozenset() if stem in _LINE_HEADS else frozenset({AGAINST_TAG})


def _lexicon_tags(word: str) -> frozenset[str]:
    return frozenset(tag for tag, lex in LEXICONS.items() if lex.has(word))


_NR_COMPOUND = 6  # `kundnr`, `postnr`: a head of four letters at least, then `nr`
# Heads that name a telephone line, not an identifier (`Privatnr`, `Direktnr`, `Durchwahlnr`, `Växelnr`): no pull.
_LINE_HEADS = frozenset({
    "privat", "direkt", "jobb", "arbeit", "hem", "hjem", "växel", "vaxel", "sentral", "central", "zentral",
    "durchwahl", "kontakt", "notfall", "nødnummer", "vakt", "bereitschaft", "fest", "mobiel", "vast",
})


def tags_of(word: str) -> frozenset[str]:
    return _tags_of(word)


# Labels that name a phone only as a key right before a number (signature blocks: `T: `, `M: `, `Ph: `).
# `Port.` is French `portable` (a mobile); a network port is never a seven-digit phone candidate.
PHONE_KEYS = frozenset(
    {"t", "m", "f", "p", "ph", "tfn", "tlf", "cel", "mob", "tel", "fon", "gsm", "port", "portable", "hp", "fax", "tél"}
)  # `hp`: Indonesian and Malay handphone


@lru_cache(maxsize=4096)
def key_lean(key: str, entity: str) -> Lean:
    """The pull of a key (`client_ip`, `customerPhone`, `Telefonnummer`, `order_id`, `build`) on its value.

    FOR when the key names `entity`, AGAINST when it names an identifier, NONE otherwise. A compound
    key is read head-last, as English and German compounds are (`customer_phone` is a phone,
    `phone_order_id` an order id): the last of its words that carries either tag decides. One-letter
    signature labels (`T`, `M`, `F`) name a phone only here, as a key."""
    if entity == "PHONE_NUMBER" and key.lower().rstrip(".") in PHONE_KEYS:
        return Lean.FOR
    for _, word in reversed(words_of(key)):
        tags = _head_tags(word) or _tags_of(word)
        if entity in tags:
            return Lean.FOR
        if AGAINST_TAG in tags:
            return Lean.AGAINST
    if not key.isascii():  # CJK, Arabic… keys: the lexicon's substrings
        for_sub = any(sub in key for sub in LEXICONS[entity].substrings) if entity in LEXICONS else False
        against = any(sub in key for sub in LEXICONS[AGAINST_TAG].substrings)
        if for_sub != against:
            return Lean.FOR if for_sub else Lean.AGAINST
    return Lean.NONE


_HEAD = 6  # the shortest head read off a closed compound (`version`, `ticket`; not `port` of `support`)


def _head_tags(word: str) -> frozenset[str]:
    """The tags of the longest lexicon word that ends a closed compound key (`klientversion`, `serverversion`): a
    Germanic compound names its kind last."""
    for i in range(1, len(word) - _HEAD + 1):
        if tags := _lexicon_tags(word[i:]):
            return tags
    return frozenset()


@lru_cache(maxsize=4096)
def column_lean(header: str, entity: str) -> Lean:
    """The pull of a column's header on its cells: any of its words naming `entity` (`IP / host (device id)`),
    else an identifier word, else what the header says read as a key (`電話番号`, `手机`: the lexicon's
    substrings)."""
    words = words_of(header)
    if len(header.split()) > _SHORT_HEADER:
        # A header that is a phrase names what the column holds first and qualifies it after: `Broj ugovora o
        # pretplati na usluge mobilne telefonije` (contract number for mobile telephony services) holds contract
        # numbers, `Número de teléfono del cliente para avisos del pedido` phones.
        for _, word in words:
            tags = _tags_of(word)
            if entity in tags:
                return Lean.FOR
            if AGAINST_TAG in tags:
                return Lean.AGAINST
    tags = frozenset().union(*(_tags_of(w) for _, w in words))
    if entity in tags:
        return Lean.FOR
    if AGAINST_TAG in tags:
        return Lean.AGAINST
    return key_lean(header, entity)


_SHORT_HEADER = 4  # `Phone (order contact)`: a short header's words are all its name


def _lower(word: str) -> str:
    """Lower case as the lexicons are written: Turkish `İ` lowers to `i` plus a combining dot, which no entry has."""
    return word.lower().replace("i\u0307", "i")


def words_of(segment: str) -> list[tuple[int, str]]:
    """(offset, lower-cased word) in `segment`; camelCase and snake_case keys count as their words, and a
    camel-cased word also as itself (`WhatsApp`, `customerPhone`): the parts come last, so a key is still read
    head-last (`key_lean`)."""
    out = []
    for m in _WORD.finditer(segment):
        word, off = m.group(), m.start()
        if word.islower() or word[1:].islower() or word.isupper():
            out.append((off, _lower(word)))
            continue
        out.append((off, _lower(word)))
        for part in _CAMEL.split(word):
            out.append((off, _lower(part)))
            off += len(part)
    return out


@lru_cache(maxsize=65536)
def tagged_parts(word: str) -> tuple[tuple[int, int, frozenset[str]], ...]:
    """(start, end, tags) of each tagged word `words_of` reads in one run of letters (memoised: most runs of a text
    are words already seen, and most have no tag)."""
    return tuple((off, off + len(w), tags) for off, w in words_of(word) if (tags := _tags_of(w)))
