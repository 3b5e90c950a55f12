"""Context words around a candidate: which raise a type's score, which lower it (the words: `pii_lexicon`).

The nearest context word wins, so `order number 212-555-0143` is an order and `phone (order desk): …` is a phone."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from gateway.detectors.pii_checks import glued_left, glued_right
from gateway.detectors.pii_keys import key_before
from gateway.detectors.pii_lexicon import AGAINST_TAG, LEXICONS
from gateway.detectors.pii_speakers import speaker_labels
from gateway.detectors.pii_table import TableLabels
from gateway.detectors.pii_tags import Lean, column_lean, key_lean, tagged_parts, tags_of, words_of

_PHONE_TAG = frozenset({"PHONE_NUMBER"})
_WORD = re.compile(r"[^\W\d_]+")
WINDOW_BEFORE = 40
WINDOW_AFTER = 20
LABEL_REACH = 12  # "order no. " / "Version: " sit this close to the number they label
EARLIER_REACH = 100  # a sentence that names a number's type, then one that gives it
SAID_REACH = 300  # in a dialogue: the turns since the type was asked for
_TYPE_TAGS = frozenset(LEXICONS) - {AGAINST_TAG}
_AFTER_PENALTY = 12  # a word before the candidate is its label more often than a word after it


# An e-mail address or a URL: the words inside it (`office@…`, `…/contact-us`) name a mailbox or a page, not
# the number next to it. A token is a run of these characters with `@` or `://` inside it.
_TOKEN_CHARS = re.compile(r"[^\s;,\"'<>()\[\]]*")
_TOKEN_STOPS = frozenset(";,\"'<>()[]")


def _address_tokens(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of token characters with an `@` or `://` that has a character of the run on either
    side. Found from each mark outwards: a regex from every character backtracked through every run of the text."""
    spans: dict[int, int] = {}
    for mark in ("@", "://"):
        start = end = 0
        at = text.find(mark)
        while at >= 0:
            if not start <= at < end:  # a run not walked yet
                start = at
                while start and not text[start - 1].isspace() and text[start - 1] not in _TOKEN_STOPS:
                    start -= 1
                run = _TOKEN_CHARS.match(text, at)
                end = run.end() if run else at
            if start < at and at + len(mark) < end:
                spans[start] = end
            at = text.find(mark, at + 1)
    return sorted(spans.items())

# Where a sentence or a line ends between a number and a word after it: that word opens what comes next.
_BREAK = re.compile(r"[.!?。！？۔](?:\s|\Z)|\n|\s[–—-]\s|[;|]")  # `۔`: the Urdu full stop
# The same before a candidate: a sentence end followed by a capital (not `Tel. 0123`, `z. B. Telefon`), or a CJK one.
_BREAK_BEFORE = re.compile(r"[.!?]\s+(?=[^\W\d_a-zß-ÿ])|[。！？۔]")


# A phone word under a negation names what the number is not (`not a phone number`, `kein Telefon`, `ليس رقم هاتف`,
# `ไม่ใช่เบอร์โทร`, `telefon numarası değil`): it does not pull the number towards a phone. A negating determiner
# or particle comes right before the word or two short words before it (`geen telefoonnummer`, `nie telefon`,
# `không phải số điện thoại`); a
# negated verb only with an article after it (`is not a phone`, `n'est pas un numéro de téléphone`), so `not
# answering at …` still names a phone; languages that negate after the noun, right after it.
_NEG_SHORT = r"(?:[^\W\d]{1,6}[ \t]+){0,2}\Z"
_NEGATED_BEFORE = re.compile(
    r"(?:\b(?:no|kein\w{0,2}|geen|ingen|bukan|không phải|nie|ne|nem|ei|mitte|nevis|не|ні|όχι|nėra|nav|nije|není)\b"
    r"|ليس|ليست|ไม่ใช่|不是|並非|并非|לא)[ \t]*" + _NEG_SHORT
    + r"|(?:\b(?:not|nicht|niet|ikke|inte|pas|non|não|nie|не|ні|δεν)\b|n't)[ \t]+"
    r"(?:a|an|the|any|my|ein\w{0,2}|mein\w{0,2}|een|mijn|ett|en|et|min|mitt|mit|un|une|uno|una|um|uma|é|è|är|er|ist|is|es|est|jest|є)"
    r"[ \t]+" + _NEG_SHORT,
    re.IGNORECASE,
)
_NEGATED_AFTER = re.compile(r"\A(?:[ \t]*\w{1,12})?[ \t]*(?:değil|ではな|ではあ|じゃな|아니|아님|नहीं|نیست)")


# Portuguese `no`/`na` is "on the", not "no": `fale com a gente no WhatsApp`, `me liga no celular`.
_ON_THE = re.compile(r"(?i)\bn[oa][ \t]+\Z")
_ON_THE_WORDS = frozenset({"whatsapp", "zap", "telefone", "celular", "fixo", "telemóvel", "telemovel", "número",
                           "numero", "wpp", "whats"})


def _negated(text: str, start: int, end: int) -> bool:
    if text[start:end].lower() in _ON_THE_WORDS and _ON_THE.search(text, max(0, start - 4), start):
        return False
    return bool(_NEGATED_BEFORE.search(text, max(0, start - 24), start)) or bool(
        _NEGATED_AFTER.match(text[end : end + 24])
    )


class ContextIndex:
    """Every context word of one text with its position and tags, built once per scan.

    Candidates then look up their neighbours by bisection instead of re-reading the window."""

    __slots__ = ("_built", "_ends", "_label", "_mentions", "_speakers", "_starts", "_table", "_tags", "text")

    def __init__(self, text: str, label: str | None = None) -> None:
        """`label`: the key the whole text sits under (a JSON leaf's key), context for a bare value."""
        self.text = text
        self._label = label
        self._table = TableLabels(text)
        self._mentions: frozenset[str] | None = None
        self._speakers: list[tuple[int, int]] | None = None
        self._built = False
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._tags: list[frozenset[str]] = []

    def _build(self) -> None:
        """Built on the first lookup: most texts' candidates are ruled out by shape before context."""
        self._built = True
        text = self.text
        marks: list[tuple[int, int, frozenset[str]]] = []
        for m in _WORD.finditer(text):
            tagged = tagged_parts(m.group())
            if tagged:
                off = m.start()
                marks.extend((off + a, off + b, tags) for a, b, tags in tagged)
        if "@" in text or "://" in text:
            tokens = _address_tokens(text)
            marks = [mk for mk in marks if not any(a <= mk[0] < b for a, b in tokens)]
        if not text.isascii():
            for tag, lex in LEXICONS.items():
                for sub in lex.substrings:
                    i = text.find(sub)
                    while i >= 0:
                        marks.append((i, i + len(sub), frozenset({tag})))
                        i = text.find(sub, i + 1)
            marks.sort()
        if speakers := self.speakers():
            # a transcript's speaker labels ("Customer:", "Agent:") say who speaks, not what a number is
            marks = [mk for mk in marks if not any(a <= mk[0] < b for a, b in speakers)]
        marks = [
            (a, b, tags - _PHONE_TAG if "PHONE_NUMBER" in tags and _negated(text, a, b) else tags)
            for a, b, tags in marks
        ]
        self._starts = [a for a, _, _ in marks]
        self._ends = [b for _, b, _ in marks]
        self._tags = [t for _, _, t in marks]

    def mentions(self, tag: str) -> bool:
        """Whether any word of the text (a table header, the label included) carries `tag`: when none does, no
        candidate can lean that way and the per-candidate lookups are skipped."""
        if self._mentions is None:
            if not self._built:
                self._build()
            label_tags = [tags_of(w) for _, w in words_of(self._label)] if self._label else []
            self._mentions = frozenset().union(*self._tags, *label_tags)
        return tag in self._mentions

    def nearest(
        self, tag: str, start: int, end: int, floor: int = 0, labels: bool = False, skip_keys: bool = False
    ) -> int | None:
        """Distance in characters to the nearest word tagged `tag` around text[start:end] (not before
        `floor`), or None. With `labels`, only a word that labels the candidate counts: within
        LABEL_REACH, and no digit or line break between them (`ts=1754390916⏎10.2.0.1`: `ts` labels
        the epoch, not the address on the next line)."""
        if not self._built:
            self._build()
        best: int | None = None
        i = bisect_left(self._starts, max(floor, start - WINDOW_BEFORE))
        while i < len(self._starts) and self._starts[i] < end + WINDOW_AFTER:
            a, b = self._starts[i], self._ends[i]
            if tag in self._tags[i] and not (skip_keys and _KEY_END.match(self.text, b)):
                dist: int | None
                if b <= start:
                    # a word that ends a sentence before the candidate's own (`PSČ 370 01. Poruchová linka: …`)
                    dist = None if _BREAK_BEFORE.search(self.text, b, start) else start - b
                elif a >= end:
                    # a word after the candidate that labels a number of its own (`…44 80, dosarul 2213/44`) is not
                    # the candidate's
                    broken = _BREAK.search(self.text, end, a) or _OWN_NUMBER.match(self.text, b)
                    dist = None if broken else a - end + _AFTER_PENALTY
                else:
                    dist = None  # inside the candidate: not context
                if dist is not None and labels:
                    gap = self.text[b:start] if b <= start else self.text[end:a]
                    if dist > LABEL_REACH or "\n" in gap or any(c.isdigit() for c in gap):
                        dist = None
                if dist is not None and (best is None or dist < best):
                    best = dist
            i += 1
        return best

    def lean(self, entity: str, start: int, end: int, strong: bool = False, only_for: bool = False) -> Lean:
        """The pull of the nearest context word: for the type, against (an identifier word), or none.

        A `strong` candidate (one its shape and check already make likely: an international phone, a
        grouped card, an SSN in its 3-2-4 form, an IP) is pulled against only by an identifier word
        that labels it (see `nearest`), not by one elsewhere in the window (a CSV header, a neighbouring
        field). In a table row under a header line, the column's header decides when it
        is a context word; otherwise only words of the row itself count. Before both, the key of a
        `key: value` / `key=value` pair decides when it names the type or an identifier."""
        key = key_before(self.text, start)
        if key is not None and self._spoken(start):
            key = None  # "Customer: (720) 555-0115" in a transcript: the speaker, not the number's key
        if key is None and self._label is not None and _bare(self.text, start, end):
            key = self._label
        floor = 0
        skip_keys = False
        if key is not None:
            pull = key_lean(key, entity)
            if pull is not Lean.NONE:
                return pull
            # Under a neutral quoted key (`"jmbg": "0101985715028"`) or a `key=value` field, the other keys of the
            # object or line (`"telefon": …`, `"우편번호": …`, `comanda=…`) label their own values; the words of
            # values around it still count (`"type": "mobile", "value": …`).
            skip_keys = _quoted_key(self.text, start, key) or self.text[start - 1] == "="
            # A value under a neutral key of its own (`started=1756691306`) is that key's: the words of the lines
            # above label other values.
            floor = self.text.rfind("\n", 0, start) + 1
        label = self._table.label(start)
        if label is not None:
            cell, floor, a, b = label
            # A cell with words of its own (`8-digit code 40003012 (reg. no., not a phone)`) says itself what its
            # number is; the header speaks for a cell that is the value alone.
            text = self.text
            alone = not any(map(str.isalpha, text[a:start])) and not any(map(str.isalpha, text[end:b]))
            pull = column_lean(cell, entity) if alone else Lean.NONE
            if pull is not Lean.NONE:
                return pull
        pro = self.nearest(entity, start, end, floor, skip_keys=skip_keys) if entity in LEXICONS else None
        if only_for and pro is None:
            return Lean.NONE  # the caller keeps the candidate only with a type word: skip the other lookup
        con = self.nearest(AGAINST_TAG, start, end, floor, labels=strong, skip_keys=skip_keys)
        if pro is None and con is None:
            return self._asked(entity, start)
        if con is None or (pro is not None and pro <= con):
            return Lean.FOR
        return Lean.AGAINST

    def speakers(self) -> list[tuple[int, int]]:
        """The spans of the text's speaker labels (`pii_speakers`), found once."""
        if self._speakers is None:
            self._speakers = speaker_labels(self.text)
        return self._speakers

    def _spoken(self, start: int) -> bool:
        """Whether the value at `start` follows its line's speaker label and nothing but the colon."""
        line = self.text.rfind("\n", 0, start) + 1
        return any(
            line <= a and b <= start and _SPEAKER_GAP.fullmatch(self.text, b, start) for a, b in self.speakers()
        )

    def _asked(self, entity: str, start: int) -> Lean:
        """A reply that is the number alone, to a question that names what is asked for: "Agent: And your policy
        number? ⏎ Caller: It's 617 554 4203." The question's last word that names `entity` or an identifier
        decides; the reply may hold a speaker's name and a few words before the number, no digit."""
        text = self.text
        line = text.rfind("\n", 0, start) + 1
        lead = text[line:start]
        if not line or len(lead) > _REPLY_LEAD or any(c.isdigit() for c in lead):
            return Lean.NONE
        above = text.rfind("\n", 0, line - 1) + 1
        if not _QUESTION_END.search(text, above, line - 1):
            return Lean.NONE
        if not self._built:
            self._build()
        stop = text.find("\n", start)
        stop = len(text) if stop < 0 else stop
        j = bisect_left(self._starts, start)
        while j < len(self._starts) and self._starts[j] < stop:
            # the reply says what it gave ("..., no, that is my mobile number"), unless the word labels a number of
            # its own ("2506-1244-18 po. Pwede nyo po ako tawagan sa 0917 …")
            if entity in self._tags[j] and not _OWN_NUMBER.match(text, self._ends[j]):
                return Lean.FOR
            j += 1
        i = bisect_left(self._starts, line) - 1
        while i >= 0 and self._starts[i] >= above:
            tags = self._tags[i]
            if entity in tags:
                return Lean.FOR
            if AGAINST_TAG in tags:
                return Lean.AGAINST
            i -= 1
        return Lean.NONE

    def named_earlier(self, tag: str, start: int, reach: int = EARLIER_REACH) -> bool:
        """Whether a word tagged `tag` stands before `start` within `reach` characters, one sentence back at most
        ("Bitte prüfen Sie die SSN des Antragstellers. Sie lautet 536904399."), in the same paragraph, with no
        identifier word (`AGAINST_TAG`) and no other number between them: the number the sentence before
        announced."""
        for i in self._back(start, reach):
            tags = self._tags[i]
            if AGAINST_TAG in tags:
                return False
            if tag in tags:
                gap = _STAMPED.sub("", self.text[self._ends[i] : start])
                return ("\n\n" not in gap and not any(c.isdigit() for c in gap)
                        and len(_BREAK_BEFORE.findall(gap)) <= 1)
        return False

    def _back(self, start: int, reach: int) -> Iterator[int]:
        """The indexes of the words before `start`, nearest first, back to `reach` characters."""
        if not self._built:
            self._build()
        i = bisect_left(self._starts, start) - 1
        lo = max(0, start - reach)
        while i >= 0 and self._ends[i] > lo:
            yield i
            i -= 1

    def names(self, tag: str) -> bool:
        """Whether any word of the text is tagged `tag`."""
        if not self._built:
            self._build()
        return any(tag in tags for tags in self._tags)

    def said_before(self, tag: str, start: int, reach: int = SAID_REACH) -> bool:
        """In a dialogue (speaker labels, `pii_speakers`), whether the last word before `start` that names a type or an
        identifier, within `reach` characters, is tagged `tag`: "AGENT: … your social security number … ⏎ CLIENT: Is
        this line secure? ⏎ … ⏎ CLIENT: Fine. 814, 70, 6832." A number read out answers what was asked for last."""
        if not self.speakers():
            return False
        for i in self._back(start, reach):
            tags = self._tags[i]
            if AGAINST_TAG in tags or (tags & _TYPE_TAGS and tag not in tags):
                return False  # an identifier, or another type, was asked for last
            if tag in tags:
                return True
        return False

    def in_token(self, start: int, end: int, entity: str) -> bool:
        """`embedded`, except that a `#` glued to the value after a word naming its type is a label
        (`SSN#536-90-4399`, `Ph#212-555-0143`), not the joiner of a longer token (`INV#4501239876`)."""
        text = self.text
        if glued_right(text, end):
            return True
        if not glued_left(text, start):
            return False
        return not (text[start - 1] == "#" and entity in tags_of(self.word_before(start)))

    def word_before(self, start: int) -> str:
        """The word ending right before `start` (skipping spaces, `:`, `=`, `#`, quotes), lower-cased."""
        m = _LAST_WORD.search(self.text, max(0, start - 24), start)
        return m.group(1).lower() if m else ""


# A word right before digits labels them, also as the first word of a two-word label (`kod pocztowy 00-950`, `code
# postal 75011`, `partita IVA è 012…`, `member ID is 88 190`), with a copula between label and number.
_OWN_NUMBER = re.compile(
    r"(?:[ \t]+[^\W\d]{1,12})?(?:[ \t]+(?:is|es|est|è|é|ist|on|är|er|jest|je|ye|el|le|la))?[ \t:#№.=+(-]{0,3}\d"
)
# Between a speaker's label and the value it is no key of: a bracketed role, the colon, quotes (`Dana (Sales): "…`).
_SPEAKER_GAP = re.compile(r"(?:[ \t]*\([^()\n]{1,24}\))?[ \t]*[:\uff1a][ \t\"']*")
# What may stand between a type's word and its number without being another number: a chat export's time stamp at a
# line's start (`[20/11/26 19:03] Andrés: es …`)
_STAMPED = re.compile(r"(?m)^[\[(【]?\d[\d/.:, -]{3,18}\d(?:\s?[apAP]\.?[mM]\.?)?[\])】]?")
_REPLY_LEAD = 40  # "Customer: Yes, it's " before the number a question above asked for
# The line above ends with a question (its mark, then at most a closing quote, bracket or space).
_QUESTION_END = re.compile(r"[?？؟][\s\"')\]»”]*\Z")
_KEY_END = re.compile(r"\w*(?:[\"']\s*[:=]|=)")  # the rest of a key: `telefon": `, `comanda=`


def _quoted_key(text: str, start: int, key: str) -> bool:
    head = text[max(0, start - len(key) - 8) : start]
    return f'"{key}"' in head or f"'{key}'" in head


def _bare(text: str, start: int, end: int) -> bool:
    """text[start:end] is the whole value: nothing but spaces and punctuation around it."""
    return not any(c.isalnum() for c in text[:start]) and not any(c.isalnum() for c in text[end:])


_LAST_WORD = re.compile(r"([^\W\d_]+)[\s:=#№(\"'.]*\Z")
