"""E-mail addresses (plain and, when the guard asks, obfuscated) and IP addresses with a real parse."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable

from gateway.detectors.base import Finding
from gateway.detectors.kinds import ObfuscatedEmails
from gateway.detectors.pii_checks import embedded, glued_left
from gateway.detectors.pii_numbers import AGAINST_SCORE
from gateway.detectors.pii_words import SECTION_MARKERS, VERSION_MARKERS, ContextIndex, Lean, tags_of

# Scripts written without spaces between words (CJK, kana, Hangul, Thai, Lao, Myanmar, Khmer): an address
# written inside such text (`联系zhang@example.cn谢谢`) ends where the script changes, so their characters are
# not address characters. (Local parts wholly in those scripts, rare, are not found.)
_SPACELESS = ("\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf"
              "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff")
_ADDR = rf"(?:[^\W{_SPACELESS}]|[+-])"
# A local part: dot- or apostrophe-separated runs (`o'brien`, `first.last+tag`), never starting inside a token.
_LOCAL = re.compile(rf"(?<![^\W{_SPACELESS}])(?<![.+'-]){_ADDR}+(?:['.]{_ADDR}+)*\Z")
_DOMAIN = re.compile(rf"(?:[^\W{_SPACELESS}]|-)+(?:\.(?:[^\W{_SPACELESS}]|-)+)+")
_PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
# "@" as written: plainly, URL-encoded in a query string (`?email=jane%40example.com`), as an HTML character
# reference (`jane&#64;example.com`, a web page's mild obfuscation).
AT_SIGNS = ("@", "%40", "&#64;", "&#x40;")
# "@" may be written plainly when a dot is bracketed (`name@domain[.]com`), or full-width (`name＠domain.jp`).
_AT_BRACKET = r"(?:\s*[\[({<]\s*(?:at|@|arroba|ät|chez)\s*[\]})>]\s*|\s*＠\s*|@)"
_DOT_BRACKET = r"(?:\s*[\[({<]\s*(?:dot|punkt|punto|point|ponto|kropka|punt|\.)\s*[\]})>]\s*|\.)"
_OBFUSCATED_BRACKETS = re.compile(
    rf"(?i)(?<![\w.+-])([\w+-]+(?:\.[\w+-]+)*){_AT_BRACKET}([\w-]+(?:{_DOT_BRACKET}[\w-]+)+)(?![\w-])"
)
_DOT_WORD = r"\s+(?:dot|punkt|punto|point|ponto|kropka|punt)\s+"
_OBFUSCATED_WORDS = re.compile(
    rf"(?i)(?<![\w.+-])([\w+-]+(?:\.[\w+-]+)*)\s+(?:at|arroba)\s+([\w-]+(?:{_DOT_WORD}[\w-]+)+)(?![\w-])"
)
# Cheap markers: the full obfuscated-address regexes run only on texts that hold one.
AT_MARK = {
    ObfuscatedEmails.BRACKETS: re.compile(r"(?i)[\[({<]\s*(?:at|@|arroba|ät|chez|\.|dot)\s*[\]})>]|＠"),
    ObfuscatedEmails.WORDS: re.compile(r"(?i)\s(?:at|arroba)\s"),
}
_DOT_SPLIT = re.compile(rf"(?i){_DOT_BRACKET}|{_DOT_WORD}")

_IPV4 = re.compile(r"(?<![\w.])(?=\d{1,3}\.)(?:\d{1,3}\.){3}\d{1,3}(?!\w|\.\d)")
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
_PIN = re.compile(r"(?:[=!<>~]=|[<>])\s*\Z")
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


_SECTION_SIGN = re.compile(r"[§¶第]\s*\Z")
# An outline heading: a line that starts with small dotted numbers and a capitalised word (`1.1.1.2 Requirements`).
_HEADING = re.compile(r"[ \t#*>-]*\Z")
_HEADING_WORD = re.compile(r"[ \t]+[^\W\d_]")


def _numbers_a_part(ctx: ContextIndex, start: int, end: int) -> bool:
    """A document part's number, not an address: after `section`, `§`, `Kapitel` …; or an outline heading's
    number (parts of at most 30, not all equal, at the start of a line and followed by a capitalised word)."""
    text = ctx.text
    if ctx.word_before(start) in SECTION_MARKERS or _SECTION_SIGN.search(text, max(0, start - 3), start):
        return True
    line = text.rfind("\n", 0, start) + 1
    parts = [int(p) for p in text[start:end].split(".")]
    heading = _HEADING.match(text, line, start) and _HEADING_WORD.match(text, end)
    # 10/8 and 127/8 addresses have small octets too (`10.0.0.5 Connection refused` starts a log line).
    small = max(parts) <= 30 and parts[0] not in (10, 127) and len(set(parts)) > 1
    return bool(heading) and small and text[end + 1 : end + 2].isupper()


DomainCheck = Callable[[str], bool]

# Top-level names that are no public suffix yet carry real mailboxes: reserved for documentation and
# tests (RFC 2606, RFC 6761: fixtures and sample data are full of `jane@acme.example`), for private use
# (`.internal`, reserved by ICANN in 2024; `home.arpa`, RFC 8375; mDNS `.local`, RFC 6762) and the
# de-facto corporate ones ICANN withholds because so many intranets use them (`.corp`, `.home`, `.lan`).
_PRIVATE_TLDS = frozenset({"example", "test", "invalid", "internal", "local", "corp", "home", "lan", "intranet"})


def private_domain(domain: str) -> bool:
    """`mail.acme.example`, `hr.corp`: a host name under a reserved or private-use top-level name."""
    labels = domain.lower().rstrip(".").split(".")
    if labels[-2:] == ["home", "arpa"]:
        labels = labels[:-1]
    return len(labels) >= 2 and labels[-1] in _PRIVATE_TLDS and all(
        lab and lab[0] != "-" and lab[-1] != "-" for lab in labels
    )


def email_findings(name: str, text: str, domain_ok: DomainCheck, obfuscated: ObfuscatedEmails) -> list[Finding]:
    """Plain addresses whose domain ends in a public suffix (1.0); obfuscated forms when the rule asks.

    `name[at]domain.de`, `name (at) domain [dot] com` score 0.8 under `brackets`; `name at domain dot
    com` (the word "dot" spelled out) 0.6 under `words`, which also includes the bracket forms."""
    found = []
    for mark in AT_SIGNS:
        at = text.find(mark)
        while at >= 0:  # anchored on each "@": a regex scan of every word of a long text costs more
            local = _LOCAL.search(text, max(0, at - 64), at)
            domain = _DOMAIN.match(text, at + len(mark))
            if local and domain:
                start, end = local.start(), domain.end()
                if start >= 1 and _PERCENT_ESCAPE.match(text, start - 1):
                    start += 2  # `email%3Djohn%40…`: the escape's hex digits are not the address
                while text[end - 1] in ".-":
                    end -= 1
                if start < at and domain_ok(text[at + len(mark) : end]):
                    found.append(Finding(name, "EMAIL_ADDRESS", start, end, 1.0))
            at = text.find(mark, at + 1)
    forms: list[tuple[re.Pattern[str], float]] = []
    if obfuscated is not ObfuscatedEmails.OFF and AT_MARK[ObfuscatedEmails.BRACKETS].search(text):
        forms.append((_OBFUSCATED_BRACKETS, 0.8))
    if obfuscated is ObfuscatedEmails.WORDS and AT_MARK[ObfuscatedEmails.WORDS].search(text):
        forms.append((_OBFUSCATED_WORDS, 0.6))
    for rx, score in forms:
        for hit in rx.finditer(text):
            if "@" in hit.group() and not AT_MARK[ObfuscatedEmails.BRACKETS].search(hit.group()):
                continue  # a plain address: found above, or rejected there
            spelled = ".".join(_DOT_SPLIT.split(hit.group(2)))
            if domain_ok(spelled) and not any(f.start < hit.end() and hit.start() < f.end for f in found):
                found.append(Finding(name, "EMAIL_ADDRESS", hit.start(), hit.end(), score))
    return found


_PREFIX = re.compile(r"/(\d{1,3})(?![\w.])")


def names_no_host(value: str, after: str) -> bool:
    """An address-shaped value that points at no machine and so at nobody: the loopback and unspecified
    addresses (`127.0.0.1`, `0.0.0.0`, `::1`), the limited broadcast, a netmask (`255.255.255.0`), or a
    network written with its prefix length and no host bits (`10.0.0.0/8`, `2001:db8::/32`), which is a
    range in a firewall rule or a document; `10.0.0.7/24` (an interface's address) stays an address."""
    try:
        addr = ipaddress.ip_address(value)
    except ValueError:
        return False
    if addr.is_loopback or addr.is_unspecified or str(addr) == "255.255.255.255":
        return True
    if addr.version == 4 and value.startswith("255."):
        host = ~int(addr) & 0xFFFFFFFF
        return host & (host + 1) == 0  # ones then zeros: a netmask
    prefix = _PREFIX.match(after)
    if prefix is None or int(prefix.group(1)) >= addr.max_prefixlen:
        return False
    try:
        ipaddress.ip_network(f"{value}/{prefix.group(1)}", strict=True)
    except ValueError:
        return False  # host bits set: an address with its subnet, or no valid prefix
    return True


def _ip_score(ctx: ContextIndex, start: int, end: int) -> float:
    pull = ctx.lean("IP_ADDRESS", start, end, strong=True)
    return {Lean.FOR: 0.9, Lean.AGAINST: AGAINST_SCORE}.get(pull, 0.6)


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
        try:
            ipaddress.IPv6Address(value)
        except ValueError:
            continue
        if names_no_host(value, text[m.end() : m.end() + 5]):
            continue
        found.append(Finding(name, "IP_ADDRESS", m.start(), m.end(), _ip_score(ctx, m.start(), m.end())))
    v6 = [(f.start, f.end) for f in found]
    for m in _IPV4.finditer(text):
        start, end = m.start(), m.end()
        if any(a <= start and end <= b for a, b in v6):
            continue  # the IPv4 tail of a mapped IPv6 address
        tail = _V4_TAIL.match(text, end)
        after = tail.end() if tail else end
        range_end = start > 7 and text[start - 1] == "-" and _RANGE_START.search(text, max(0, start - 16), start)
        if not range_end and (glued_left(text, start) if text.startswith("/", after) else embedded(text, start, after)):
            continue  # `http://10.0.0.8/health`: a path after an address keeps it one
        if ctx.word_before(start) in VERSION_MARKERS or _PIN.search(text, max(0, start - 4), start):
            continue
        if tail is None and end + 1 < len(text) and text[end] in "-+" and text[end + 1].isalnum():
            continue  # 8.0.20.101-beta, 1.2.3.4+build5
        port = end + 1 < len(text) and text[end] == ":" and text[end + 1].isdigit()
        if not port and tail is None and _numbers_a_part(ctx, start, end):
            continue
        if not port and tail is None and _product_before(text, start):
            continue
        try:
            ipaddress.IPv4Address(m.group())
        except ValueError:
            continue
        if names_no_host(m.group(), text[end : end + 4]):
            continue
        found.append(Finding(name, "IP_ADDRESS", start, end, _ip_score(ctx, start, end)))
    return found
