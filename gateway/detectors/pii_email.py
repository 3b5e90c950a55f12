"""E-mail addresses: plain (anchored on each "@" as written), and, when the guard asks, obfuscated forms."""

from __future__ import annotations

import re
from collections.abc import Callable

from gateway.detectors.base import Finding
from gateway.detectors.kinds import ObfuscatedEmails
from gateway.detectors.pii_checks import SPACELESS

# An address written inside text of a script without spaces (`联系zhang@example.cn谢谢`) ends where the
# script changes, so its characters are not address characters. (Local parts wholly in those scripts,
# rare, are not found.)
_ADDR = rf"(?:[^\W{SPACELESS}]|[+-])"
# A local part: dot- or apostrophe-separated runs (`o'brien`, `first.last+tag`), never starting inside a token.
# An apostrophe after no letter opens a quoted string (`VALUES (7, 'ana@mail.example')`): a quote, not a joiner.
_LOCAL = re.compile(rf"(?<![^\W{SPACELESS}])(?<![.+-])(?<![^\W{SPACELESS}]'){_ADDR}+(?:['.]{_ADDR}+)*\Z")
_DOMAIN = re.compile(rf"(?:[^\W{SPACELESS}]|-)+(?:\.(?:[^\W{SPACELESS}]|-)+)+")
_PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
# "@" as written: plainly, URL-encoded in a query string (`?email=jane%40example.com`), as an HTML character
# reference (`jane&#64;example.com`, a web page's mild obfuscation).
AT_SIGNS = ("@", "%40", "&#64;", "&#x40;")

# The names of "@" and "." in the languages the guards claim, as people spell them to hide an address:
# `arobase` (fr), `chiocciola` (it), `małpa` (pl), `snabel-a` (sv, da), `krøllalfa` (no), `apenstaartje` (nl),
# `kukac` (hu), `zavináč` (cs), `afna` (sl), `arrova` (ca), `eta` (lt), `собака` (ru), `παπάκι` (el), `שטרודל` (he),
# `آت` (ar), `アット` (ja), `艾特` (zh), `골뱅이` (ko).
_AT_WORDS = (
    r"at|arroba|ät|chez|arobase|chiocciola|ma[łl]pa|snabel-?a|kr[øo]llalfa|apenstaartje|kukac|zavin[aá][čc]"
    r"|afna|arrova|eta|et|la|a còng|собака|собачка|παπάκι|שטרודל|آت|एट|แอท|アットマーク|アット|あっと|艾特|골뱅이"
    r"|arond|кльомба|мајмунче|majmun[čc]e|manki|равлик|hjá|اَت|ایٹ|அட்|অ্যাট"
)
# As plain strings too: a substring test on the lower-cased text gates the words marker, whose case-blind
# alternation is the costly part on prose full of "at".
_DOT_NAMES = (
    "dot", "punkt", "punto", "point", "ponto", "kropka", "punt", "piste", "pont", "tečka", "tecka", "bodka",
    "punktum", "nokta", "pika", "taškas", "taskas", "punct", "točka", "tocka", "chấm", "точка", "крапка", "τελεία",
    "נקודה", "دوت", "डॉट", "ดอท", "ドット", "どっと", "点", "點", "점", "닷",
    "punkts", "punktur", "titik", "nukta", "tačka", "tacka", "тачка", "دات", "ڈاٹ", "டாட்", "ডট",
)  # fmt: skip
_DOT_WORDS = "|".join(map(re.escape, _DOT_NAMES))
_OPEN, _CLOSE = r"[\[({<（【「]", r"[\]})>）】」]"  # full-width brackets too: `info（at）example.jp`
# "@" bracketed or dash-wrapped (`[at]`, `(arobase)`, `-at-`), written plainly with a space on either side
# (`name @ domain.com`), full-width (`name＠domain.jp`), or the word AT in capitals (`name AT domain DOT com`).
_AT_MARKED = (
    rf"(?:\s*{_OPEN}\s*(?:{_AT_WORDS}|@)\s*{_CLOSE}\s*|\s*-(?:{_AT_WORDS})-\s*|\s+@\s*|@\s+|\s*＠\s*"
    r"|\s+(?-i:AT)\s+|@)"
)
_DOT_MARKED = (
    rf"(?:\s*{_OPEN}\s*(?:{_DOT_WORDS}|\.)\s*{_CLOSE}\s*|\s*-(?:{_DOT_WORDS})-\s*|\s+(?-i:DOT)\s+|\s+\.\s+|．|\.)"
)
_OBFUSCATED_BRACKETS = re.compile(
    rf"(?i)(?<![^\W{SPACELESS}])(?<![.+-])({_ADDR}+(?:\.{_ADDR}+)*){_AT_MARKED}([\w-]+(?:{_DOT_MARKED}[\w-]+)+)(?![\w-])"
)
# Spelled out, the domain's dots too (so `look at example.com` is prose): `name at domain dot com`, `name dot
# surname at domain dot de`, `ivan собака example точка ru`. Found from each spelled "at": the domain after it
# first (most "at"s are prose), then the local part in the 80 characters before it.
_DOT_WORD = rf"\s+(?:{_DOT_WORDS})\s+"
_AT_WORD = re.compile(rf"(?i)\s+(?:{_AT_WORDS})\s+")
_SPELLED_DOMAIN = re.compile(rf"(?i)([\w-]+(?:{_DOT_WORD}[\w-]+)+)(?![\w-])")
# After a name of "@" that means nothing else (`_AT_NAMES`), a domain written with its dots.
_LITERAL_DOMAIN = re.compile(r"([\w-]+(?:\.[\w-]+)+)(?![\w-])")
_SPELLED_LOCAL = re.compile(
    rf"(?i)(?<![^\W{SPACELESS}])(?<![.+-])({_ADDR}+(?:(?:\.|{_DOT_WORD}){_ADDR}+)*)\Z"
)
# Cheap markers: the full obfuscated-address regexes run only on texts that hold one.
AT_MARK = {
    ObfuscatedEmails.BRACKETS: re.compile(
        rf"(?i){_OPEN}\s*(?:{_AT_WORDS}|@|\.|{_DOT_WORDS})\s*{_CLOSE}|-(?:{_AT_WORDS})-|\s@|@\s|＠|\s(?-i:AT)\s"
    ),
    ObfuscatedEmails.WORDS: re.compile(rf"(?i)\s(?:{_AT_WORDS})\s+[\w-]+{_DOT_WORD}"),
}


def obfuscation_marked(text: str, mode: ObfuscatedEmails) -> bool:
    """The text may hold an obfuscated address the mode reads (a cheap test before the full expressions)."""
    if mode is ObfuscatedEmails.OFF:
        return False
    return AT_MARK[ObfuscatedEmails.BRACKETS].search(text) is not None or _words_marked(text)


def _words_marked(text: str) -> bool:
    low = text.lower()
    if any(w in low for w in _AT_NAMES):
        return True  # a name of "@" that means nothing else: its domain may be written with dots
    return any(w in low for w in _DOT_NAMES) and AT_MARK[ObfuscatedEmails.WORDS].search(text) is not None


_DOT_SPLIT = re.compile(rf"(?i){_DOT_MARKED}|{_DOT_WORD}")

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
    return (
        len(labels) >= 2
        and labels[-1] in _PRIVATE_TLDS
        and all(lab and lab[0] != "-" and lab[-1] != "-" for lab in labels)
    )


def _login(text: str, start: int, end: int) -> bool:
    """`user@host` as a remote login, not a mailbox: a URL's user part (`ssh://git@host/…`) or scp's
    `user@host:path` (`git@git.acme.example:team/app.git`, `deploy@host:22`), a colon glued to the host."""
    return text.endswith("://", 0, start) or (end + 1 < len(text) and text[end] == ":" and not text[end + 1].isspace())


def _plain(name: str, text: str, domain_ok: DomainCheck) -> list[Finding]:
    """Addresses anchored on each "@" as written: a regex scan of every word of a long text costs more."""
    found = []
    for mark in AT_SIGNS:
        at = text.find(mark)
        while at >= 0:
            local = _LOCAL.search(text, max(0, at - 64), at)
            domain = _DOMAIN.match(text, at + len(mark))
            if local and domain:
                start, end = local.start(), domain.end()
                if start >= 1 and _PERCENT_ESCAPE.match(text, start - 1):
                    start += 2  # `email%3Djohn%40…`: the escape's hex digits are not the address
                while text[end - 1] in ".-":
                    end -= 1
                if start < at and not _login(text, start, end) and domain_ok(text[at + len(mark) : end]):
                    found.append(Finding(name, "EMAIL_ADDRESS", start, end, 1.0))
            at = text.find(mark, at + 1)
    return found


def _operand(text: str, hit: re.Match[str]) -> bool:
    """`y = x @ model.py`: a spaced "@" between operands of code (Python's matrix product), not an address.

    The local part is one character or holds no letter, or an operator or bracket comes right before it."""
    local = hit.group(1)
    before = text[: hit.start()].rstrip()
    return len(local) < 2 or not any(c.isalpha() for c in local) or before.endswith(tuple("=([{,+-*/%<>|&"))


# Names of "@" that mean nothing else (`골뱅이`, `שטרודל`, `arroba`): a spelled form with one needs no mailbox-shaped
# local part; `at`, `et`, `la`, `eta`, `собака` (a dog) are words of prose too.
_AT_NAMES = frozenset((
    "arroba", "arobase", "chiocciola", "apenstaartje", "zavináč", "zavinac", "afna", "arrova", "snabel-a", "snabela",
    "krøllalfa", "krollalfa", "kukac", "παπάκι", "שטרודל", "آت", "एट", "แอท", "アットマーク", "アット", "あっと",
    "艾特", "골뱅이", "собачка", "arond", "кльомба", "мајмунче", "majmunče", "majmunce", "manki", "اَت", "ایٹ", "அட்",
    "অ্যাট",
))  # fmt: skip
_MAILBOX_MARK = re.compile(rf"(?i)[._0-9]|{_DOT_WORD}")


def _mailbox(local: str) -> bool:
    """A spelled-out local part shaped like a mailbox's, not a word of prose: `rodrigo.almeida`, `j_kim`,
    `ana87`, `esther dot visser`."""
    return _MAILBOX_MARK.search(local) is not None


def email_findings(name: str, text: str, domain_ok: DomainCheck, obfuscated: ObfuscatedEmails) -> list[Finding]:
    """Plain addresses whose domain ends in a public suffix (1.0); obfuscated forms when the rule asks.

    Under `brackets` (0.8): `name[at]domain.de`, `name (arobase) domain [point] fr`, `name -at- domain -dot-
    com`, `name @ domain.com`, `name＠domain．jp`, `name AT domain DOT com`; and (0.6) a spelled-out address
    whose local part is a mailbox's (`first.last at domain dot com`, `_mailbox`). Under `words` (0.6), any
    `name at domain dot com` (the words for "at" and "dot" spelled out in lower case)."""
    found = _plain(name, text, domain_ok)
    forms: list[tuple[re.Pattern[str], float]] = []
    if obfuscated is not ObfuscatedEmails.OFF and AT_MARK[ObfuscatedEmails.BRACKETS].search(text):
        forms.append((_OBFUSCATED_BRACKETS, 0.8))
    for rx, score in forms:
        for hit in rx.finditer(text):
            if "@" in hit.group() and not AT_MARK[ObfuscatedEmails.BRACKETS].search(hit.group()):
                continue  # a plain address: found above, or rejected there
            if text[hit.end(1) : hit.start(2)].strip() == "@" and _operand(text, hit):
                continue
            _add(found, name, hit.start(), hit.end(), hit.group(2), score, domain_ok)
    if obfuscated is not ObfuscatedEmails.OFF and _words_marked(text):
        for at in _AT_WORD.finditer(text):
            word = at.group().strip().lower()
            domain = _SPELLED_DOMAIN.match(text, at.end())
            if domain is None and word in _AT_NAMES:
                domain = _LITERAL_DOMAIN.match(text, at.end())  # `misaki.t アットマーク sakura-shoji.co.jp`
            local = _SPELLED_LOCAL.search(text, max(0, at.start() - 80), at.start()) if domain else None
            if domain is None or local is None:
                continue
            if obfuscated is ObfuscatedEmails.BRACKETS and word not in _AT_NAMES and not _mailbox(local.group(1)):
                continue  # `look at example dot org`: prose before "at" is one word
            _add(found, name, local.start(), domain.end(), domain.group(1), 0.6, domain_ok)
    return found


def _add(found: list[Finding], name: str, start: int, end: int, domain: str, score: float, ok: DomainCheck) -> None:
    """An obfuscated address whose spelled domain ends in a public suffix, unless an earlier finding covers it."""
    if ok(".".join(_DOT_SPLIT.split(domain))) and not any(f.start < end and start < f.end for f in found):
        found.append(Finding(name, "EMAIL_ADDRESS", start, end, score))
