"""IP addresses: a real parse, and the context that rules out versions, OIDs, MACs and document numbering."""

from __future__ import annotations

import ipaddress
import re
from enum import Enum

from gateway.detectors.base import Finding
from gateway.detectors.pii_checks import SPACELESS, embedded, glued_left
from gateway.detectors.pii_lexicon import SECTION_MARKERS, UPDATE_WORDS, VERSION_MARKERS
from gateway.detectors.pii_numbers import AGAINST_SCORE
from gateway.detectors.pii_tags import Lean, tags_of
from gateway.detectors.pii_words import ContextIndex

# Letters of scripts written without spaces do not glue (`IP地址10.0.0.1`).
_IPV4 = re.compile(
    rf"(?<![^\W{SPACELESS}])(?<!\.)(?=\d{{1,3}}\.)(?:\d{{1,3}}\.){{3}}\d{{1,3}}(?![^\W{SPACELESS}]|\.\d)"
)
# Full, compressed, and IPv4-mapped/compatible (`::ffff:192.0.2.128`) forms; a zone id (`%eth0`), a
# prefix length (`/64`) or a port after `]` follow the match and are not part of it.
_IPV6 = re.compile(
    r"(?<![\w:])(?=[0-9A-Fa-f]{0,4}:)(?:[0-9A-Fa-f]{0,4}:){2,7}"
    r"(?:(?:\d{1,3}\.){3}\d{1,3}(?![\w.])|[0-9A-Fa-f]{0,4}(?![\w:]))"
)
# What may follow an IPv4 address and stays an address: a CIDR prefix length, or `-` and the end of a range.
_V4_TAIL = re.compile(r"/(?:3[0-2]|[12]?\d)(?![\w.])|-(?:\d{1,3}\.){3}\d{1,3}(?![\w.])")
_RANGE_START = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}-\Z")  # `10.0.0.1-` before a range's end
# A version pin: `foo==1.2.3.4`, `>=2.0.0.1`, `~=`.
_PIN = re.compile(r"(?:[=!<>~]=|(?<![-=])[<>])\s*\Z")  # `->`, `=>` are arrows, not pins
# Capitalised words that sit before an address in prose and logs without naming a product: prepositions,
# articles and conjunctions per language the guards claim (English verbs go by their -ed/-ing ending).
# Any other Title-case or CamelCase token right before a dotted quad is read as a product name, and the
# quad as its version (`Zentrix 10.2.0.118`).
_PROSE_WORDS = """
    from to at via on in by for with and or of the a an is was by behind through into onto see use try
    von bis an auf nach über durch mit und oder der die das ist vom zum zur bei aus
    de des du le la les et ou à au aux par pour vers depuis sur avec chez
    del el los las y o desde hasta hacia para por con en al
    da dal dalla dai di il lo gli e per verso su con
    do dos das em no na pelo pela para com ao
    van naar vanaf tot op bij met en of het een
    z ze do od na przez przy dla i lub
    från till av på och eller med vid
    fra til af og eller med ved
    den ile ve veya
    от до из на через с и или в к
    από προς σε και ή με
"""
_NOT_PRODUCTS = frozenset(_PROSE_WORDS.split())
_TITLE_TOKEN = re.compile(r"([^\W\d_][\w+\-]*)[ \t]+\Z")


def _product_before(text: str, start: int) -> bool:
    """A Title-case or CamelCase token right before `start` that is no preposition, log verb or address
    word: `Zentrix 10.2.0.118`, `ProductX 12.0.1.3`. `INFO`, `GET`, `From`, `Denied`, `Web01` are not products."""
    m = _TITLE_TOKEN.search(text, max(0, start - 32), start)
    if m is None:
        return False
    word = m.group(1)
    if not word[0].isupper() or word.isupper() or len(word) < 3 or any(c.isdigit() for c in word):
        return False  # `INFO`, `GET`; `Web01`, `Sw-core-2` are host names
    lower = word.lower()
    if lower in _NOT_PRODUCTS or lower.endswith(("ed", "ing")):
        return False
    if any("IP_ADDRESS" in tags_of(part) for part in re.split(r"[-_+]", lower)):
        return False  # `Server`, `IP-Adresse`, `Host`
    left = m.start() - 1
    return left < 0 or not text[left].isalnum()


# The nouns for an address or a network device, as a word right after a quad names it (`115.159.137.208
# adresinden`, `10.0.0.1 (Adresse)`); verbs and prepositions of the IP lexicon (`logged`, `from`) do not.
_ADDRESS_NOUN = re.compile(
    r"[\s(\[,;:–-]{1,3}(?:address|adres|adresse|adressen|dirección|direccion|indirizzo|endereço|adresa|адрес|"
    r"router|routeur|server|servidor|serveur|host|gateway|sunucu|сервер)", re.IGNORECASE
)


# The version and update nouns of the languages that put them after the number (Turkish, Japanese, Korean,
# Chinese); elsewhere a noun after an address labels the next field (`klient 31.169.222.219 verze 4.17`), and
# `10.0.0.5 update failed` in a log stays an address.
# A section or chapter suffix too: `4.1.1.2절`, `3.2.1.4章`.
_VERSION_NOUNS = (
    "sürüm", "versiyon", "güncelle", "版本", "バージョン", "버전", "アップデート", "업데이트",
    "절", "장", "항", "章", "節", "节", "条", "條", "項", "项",
)  # fmt: skip
_NEXT_WORD = re.compile(r"[ \t]*([^\W\d_]+)")


def _version_after(text: str, end: int) -> bool:
    """A version or update noun right after the quad, as languages that put the noun last write it (`4.1.2.7
    版本`, `3.9.1.2 güncellemesinden sonra`, `8.0.1.2 バージョン`)."""
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    return m.group(1).lower().startswith(_VERSION_NOUNS)


def _small(quad: str) -> bool:
    """A quad shaped like a version or an outline number: a first part below 10 and no part past 99. (A private
    `10.…` or `127.…` address, or a public one, seldom is; `1.1.1.1`-like resolvers are named as DNS or server.)"""
    parts = [int(p) for p in quad.split(".")]
    return parts[0] < 10 and max(parts) <= 99


_MARK_REACH = 40


def _marked_before(ctx: ContextIndex, start: int) -> bool:
    """A version, firmware, software or section word within `_MARK_REACH` characters before, on the same line, with
    no address word after it."""
    text = ctx.text
    line = text.rfind("\n", 0, start) + 1
    window = text[max(line, start - _MARK_REACH) : start]
    words = [w.lower() for w in _WORD.findall(window)]
    for i, word in enumerate(words):
        if word in VERSION_MARKERS or word in SECTION_MARKERS or UPDATE_WORDS.has(word):
            return not any("IP_ADDRESS" in tags_of(w) for w in words[i + 1 :])
    # Scripts whose words a `\w` run splits at their vowel signs (Thai, Indic), or that glue a prefix (Hebrew
    # `בגרסה`), and keys in CJK: the words as substrings.
    return not window.isascii() and any(sub in window for sub in _MARK_SUBSTRINGS)


_MARK_SUBSTRINGS = (
    "เวอร์ชัน", "เฟิร์มแวร์", "সংস্করণ", "ফার্মওয়্যার", "பதிப்பு", "संस्करण", "खंड", "फ़र्मवेयर", "גרסה", "גרסת",
    "סעיף", "نسخه", "نسخة", "إصدار", "فریمور", "固件", "韌體", "版本", "ファームウェア", "バージョン", "펌웨어", "버전",
)  # fmt: skip


def _named_address(text: str, end: int) -> bool:
    """An address noun right after the quad names it: a capitalised word before it is then the sentence's first
    word, not a product (`Loglarda 115.159.137.208 adresinden`)."""
    return _ADDRESS_NOUN.match(text, end) is not None


_PREPOSITION_TOO = frozenset({"para"})  # a section word that is also a common preposition (Spanish, Portuguese)
_SECTION_SIGN = re.compile(r"[§¶第]\s*\Z")
# An outline heading: a line that starts with small dotted numbers and a capitalised word (`1.1.1.2 Requirements`).
_HEADING = re.compile(r"[ \t#*>-]*\Z")
_HEADING_WORD = re.compile(r"[ \t]+[^\W\d_]")


def _numbers_a_part(ctx: ContextIndex, start: int, end: int) -> bool:
    """A document part's number, not an address: after `section`, `§`, `Kapitel` …; or an outline heading's
    number (parts of at most 30, not all equal, at the start of a line and followed by a capitalised word)."""
    text = ctx.text
    word = ctx.word_before(start)
    if word in SECTION_MARKERS and (word not in _PREPOSITION_TOO or max(map(int, text[start:end].split("."))) <= 99):
        return True  # `para 2.3.1.4` is a paragraph; `túnel para 192.0.2.77` is Portuguese "to"
    if _SECTION_SIGN.search(text, max(0, start - 3), start):
        return True
    line = text.rfind("\n", 0, start) + 1
    parts = [int(p) for p in text[start:end].split(".")]
    heading = _HEADING.match(text, line, start) and _HEADING_WORD.match(text, end)
    # 10/8 and 127/8 addresses have small octets too (`10.0.0.5 Connection refused` starts a log line).
    small = max(parts) <= 30 and parts[0] not in (10, 127) and len(set(parts)) > 1
    return bool(heading) and small and text[end + 1 : end + 2].isupper()


_PREFIX = re.compile(r"/(\d{1,3})(?![\w.])")


def names_no_host(value: str, after: str) -> bool:
    """An address-shaped value that points at no machine and so at nobody: the loopback and unspecified
    addresses (`127.0.0.1`, `0.0.0.0`, `::1`), IPv6 multicast groups, IPv6's reserved `::/8` but for IPv4
    tails, the limited broadcast, a netmask (`255.255.255.0`), an IPv4 address ending in .0 or .255 with no prefix
    length (a /24's network or broadcast address: a host there is rare enough to leave), or a
    network written with its prefix length and no host bits (`10.0.0.0/8`, `2001:db8::/32`), which is a
    range in a firewall rule or a document; `10.0.0.7/24` (an interface's address) stays an address."""
    try:
        addr = ipaddress.ip_address(value)
    except ValueError:
        return False
    if addr.is_loopback or addr.is_unspecified or str(addr) == "255.255.255.255":
        return True
    if addr.version == 6 and addr.is_multicast:
        return True  # `ff02::1` (all nodes): a group of listeners in every hosts file, no machine
    if addr.version == 6 and int(addr) >> 120 == 0 and "." not in value:
        return True  # IETF-reserved ::/8 (RFC 4291), no host: `::1:8080` is the loopback with a port
    if addr.version == 4 and value.startswith("255."):
        host = ~int(addr) & 0xFFFFFFFF
        return host & (host + 1) == 0  # ones then zeros: a netmask
    prefix = _PREFIX.match(after)
    if addr.version == 4 and prefix is None and int(addr) & 0xFF in (0, 255):
        return True  # `203.0.113.0`, `10.0.0.255`: a network's own address or its broadcast, written alone
    if prefix is None or int(prefix.group(1)) >= addr.max_prefixlen:
        return False
    try:
        ipaddress.ip_network(f"{value}/{prefix.group(1)}", strict=True)
    except ValueError:
        return False  # host bits set: an address with its subnet, or no valid prefix
    return True


def _ip_score(ctx: ContextIndex, start: int, end: int) -> float:
    if _named_address(ctx.text, end):
        return 0.9  # `10.80.3.57 sunucusuna`: the noun after it names it, whatever word sits before
    pull = ctx.lean("IP_ADDRESS", start, end, strong=True)
    return {Lean.FOR: 0.9, Lean.AGAINST: AGAINST_SCORE}.get(pull, 0.6)


class _Quad(Enum):
    """What a dotted quad is read as."""

    ADDRESS = "address"
    VERSION = "version"  # a version, build or object id: a word, a product, a pin or a suffix says so
    OTHER = "other"  # no address: glued into a longer token, a document part's number, octets past 255


def _v4_kind(ctx: ContextIndex, start: int, end: int) -> _Quad:
    text = ctx.text
    tail = _V4_TAIL.match(text, end)
    after = tail.end() if tail else end
    range_end = start > 7 and text[start - 1] == "-" and _RANGE_START.search(text, max(0, start - 16), start)
    if not range_end and (glued_left(text, start) if text.startswith("/", after) else embedded(text, start, after)):
        return _Quad.OTHER  # `http://10.0.0.8/health`: a path after an address keeps it one
    if ctx.word_before(start) in VERSION_MARKERS or _PIN.search(text, max(0, start - 4), start):
        return _Quad.VERSION
    if tail is None and end + 1 < len(text) and text[end] in "-+" and text[end + 1].isalnum():
        return _Quad.VERSION  # 8.0.20.101-beta, 1.2.3.4+build5
    port = end + 1 < len(text) and text[end] == ":" and text[end + 1].isdigit()
    if not port and tail is None and _numbers_a_part(ctx, start, end):
        return _Quad.OTHER
    if not port and tail is None and _product_before(text, start) and not _named_address(text, end):
        return _Quad.VERSION
    if not port and tail is None and _version_after(text, end):
        return _Quad.VERSION
    if not port and tail is None and _small(text[start:end]) and _marked_before(ctx, start):
        return _Quad.VERSION  # `Firmware printer 2.1.0.34`, `Έκδοση client 4.3.1.12`: the word a few words back
    try:
        ipaddress.IPv4Address(text[start:end])
    except ValueError:
        return _Quad.OTHER
    if names_no_host(text[start:end], text[end : end + 4]):
        return _Quad.OTHER
    return _Quad.ADDRESS


# Two dotted quads joined as the ends of a change: `8.0.20.101 → 8.0.21.3`, `from … to …`, `von … auf …`.
_TRANSITION = re.compile(
    r"\s*(?:→|->|=>|⇒|➔|➜)\s*|\s+(?:to|auf|nach|bis|vers|à|a|para|hasta|naar|tot|till|til|na|do|до|için|σε)\s+"
    r"|\s*(?:から|より|에서|(?:升级|升級|更新)?(?:到|至))\s*"  # Japanese, Korean and Chinese particles of "from … to"
)
_FROM_WORDS = frozenset(["from", "von", "de", "desde", "da", "dal", "van", "från", "fra", "z", "od", "с", "από"])
_WORD = re.compile(r"[^\W\d_]+")


def _update_around(text: str, start: int, end: int) -> bool:
    """A word of updating software or a version word on the same line, between `start` and `end` or within 40
    characters around them (verb-final languages: `A → B güncellendi`, `AからBにアップデート`), and no address
    word there (the "from" word of the change aside)."""
    line = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    segment = text[max(line, start - 40) : min(end + 40, len(text) if line_end < 0 else line_end)]
    words = [w.lower() for w in _WORD.findall(segment)]
    if any("IP_ADDRESS" in tags_of(w) for w in words if w not in _FROM_WORDS):
        return False
    return any(UPDATE_WORDS.has(w) for w in words) or any(sub in segment for sub in UPDATE_WORDS.substrings)


def _versions_by_pair(text: str, quads: list[tuple[int, int, _Quad]]) -> list[tuple[int, int, _Quad]]:
    """The two ends of a change are of one kind: when one is a version, or an update word precedes the
    pair (`upgraded from 8.0.20.101 to 8.0.21.3`), both are versions. `from 10.0.0.1 to 10.0.0.2` in a
    connection log stays two addresses."""
    out = list(quads)
    for i in range(len(out) - 1):
        (a1, b1, k1), (a2, b2, k2) = out[i], out[i + 1]
        gap = text[b1:a2]
        if len(gap) > 8 or not _TRANSITION.fullmatch(gap):
            continue
        if _Quad.VERSION in (k1, k2) or _update_around(text, a1, b2):
            out[i] = (a1, b1, _Quad.VERSION if k1 is _Quad.ADDRESS else k1)
            out[i + 1] = (a2, b2, _Quad.VERSION if k2 is _Quad.ADDRESS else k2)
    return out


def ip_findings(name: str, ctx: ContextIndex) -> list[Finding]:
    """IPv4/IPv6 that parse; never a version (`v`/`version`/`build`/`OID` … or a product name right
    before, a `-`/`+` suffix, a `==` pin, more than four dotted parts), a MAC (six pairs of hex digits)
    or a time (`10:30:45`). A port (`:5432`) or prefix length (`/24`) after it makes it an address even
    after a product name (`Postgres 10.2.0.118:5432`)."""
    text = ctx.text
    found: list[Finding] = []
    for m in _IPV6.finditer(text):
        value = m.group()
        groups = [g for g in value.split(":") if g]
        mapped = "." in value
        if "::" not in value and len(value.split(":")) != (7 if mapped else 8):
            continue  # MACs (6 groups), times (3 groups)
        if len(groups) < 2 or not any(c.isdigit() for c in value):
            continue  # C++ `std::map`, `dead::beef`, the loopback `::1`
        if len(groups) == 8 and all(len(g) == 2 for g in groups):
            continue  # eight hex pairs: an EUI-64 or a Fibre Channel WWN, never how an address is written
        try:
            ipaddress.IPv6Address(value)
        except ValueError:
            continue
        if names_no_host(value, text[m.end() : m.end() + 5]):
            continue
        found.append(Finding(name, "IP_ADDRESS", m.start(), m.end(), _ip_score(ctx, m.start(), m.end())))
    v6 = [(f.start, f.end) for f in found]
    quads = [(m.start(), m.end(), _v4_kind(ctx, m.start(), m.end())) for m in _IPV4.finditer(text)]
    quads = [(a, b, kind) for a, b, kind in quads if not any(x <= a and b <= y for x, y in v6)]  # a mapped tail
    for start, end, kind in _versions_by_pair(text, quads):
        if kind is _Quad.ADDRESS:
            found.append(Finding(name, "IP_ADDRESS", start, end, _ip_score(ctx, start, end)))
    return found
