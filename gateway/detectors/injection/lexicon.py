"""Multilingual concept lexicons and word-order-free co-occurrence rules over them.

Machine-translated and native attacks move words around ("the previous instructions — ignore
them", verb-final languages), so instead of fixed phrases each concept is a set of stems per
language and a rule fires when its concepts all occur within a window of characters. Stems were
written from general knowledge of each language and checked against DEV (`concepts.py` says what a
review removed). Latin-script stems match at a word start, stems of other scripts anywhere (no
spaces in CJK/Thai, suffixing in Indic scripts); a Latin stem ending in `$` matches a whole word
only ("mi$" is not "mientras"). A rule's hit is dropped when one of its `UNLESS` concepts is near
("ignore my previous mail"). The tables are in `concepts.py`; this module matches them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from gateway.detectors.injection.combinations import AUTHORED, OWNED, RULES, UNLESS, WITHDRAWN
from gateway.detectors.injection.concepts import CONCEPTS
from gateway.detectors.injection.described import described, entered, inside_any
from gateway.detectors.injection.reference import option_entries

# concept -> (start, end) of each occurrence in a normalised text
Marks = dict[str, list[tuple[int, int]]]


@dataclass(frozen=True, slots=True)
class LexiconHit:
    family: str
    score: float
    start: int
    end: int


_WORD = re.compile(r"\w+")
_SCRIPTS: dict[str, re.Pattern[str]] = {
    "DEVANAGARI": re.compile("[\u0900-\u097f]"),
    "BENGALI": re.compile("[\u0980-\u09ff]"),
    "ARABIC": re.compile("[\u0600-\u06ff]"),
    "THAI": re.compile("[\u0e00-\u0e7f]"),
    "HANGUL": re.compile("[\uac00-\ud7af]"),
    "CJK": re.compile("[\u3040-\u30ff\u3400-\u9fff]"),
}


def _script(ch: str) -> str | None:
    """None for alphabets written with spaces (matched at word starts), else the script's key."""
    name = unicodedata.name(ch, "")
    if name.startswith(("LATIN", "CYRILLIC", "GREEK")) or ch.isascii():
        return None
    for key, rx in _SCRIPTS.items():
        if rx.match(ch):
            return key
    return "CJK" if name.startswith(("CJK", "HIRAGANA", "KATAKANA")) else "OTHER"


class Lexicon:
    """Stems indexed for cheap lookup, so clean English text costs a set lookup per distinct word.

    Word-start stems (Latin, Cyrillic) are found through their first word's first three letters;
    stems of other scripts by substring search, only for scripts present in the text. A large regex
    alternation was tried first and cost over 1 ms per KB."""

    __slots__ = ("_by_prefix", "_by_script", "_concept", "_full")

    def __init__(self) -> None:
        self._concept: dict[str, tuple[str, ...]] = {}  # a stem may belong to several concepts
        self._by_prefix: dict[str, list[tuple[str, str]]] = {}  # first 3 chars -> (first word, stem)
        self._by_script: dict[str, list[str]] = {}
        self._full: dict[str, re.Pattern[str]] = {}
        for concept, stems in CONCEPTS.items():
            for raw in stems.split():
                whole = raw.endswith("$")
                stem = raw.rstrip("$").replace("_", " ")
                known = self._concept.get(stem, ())
                if concept not in known:
                    self._concept[stem] = (*known, concept)
                if known:
                    continue
                script = _script(stem[0])
                if script is None:
                    head = _WORD.match(stem)  # "palavra-passe" is found through "palavra"
                    first = head.group() if head else stem
                    self._by_prefix.setdefault(first[:3], []).append((first, stem))
                    self._full[stem] = re.compile(rf"\b{re.escape(stem)}" + (r"\b" if whole else ""))
                else:
                    self._by_script.setdefault(script, []).append(stem)

    def _marks(self, text: str, words: set[str]) -> dict[str, list[tuple[int, int]]]:
        marks: dict[str, list[tuple[int, int]]] = {}
        if not text.isascii():
            words = set(_WORD.findall(text))
        found: set[str] = set()
        index = self._by_prefix
        for w in words:
            for first, stem in index.get(w[:3], ()):
                if w.startswith(first):
                    found.add(stem)
        for stem in found:
            if stem not in text:  # a prefix-sharing word ("design" for "des instructions"): skip the regex
                continue
            for m in self._full[stem].finditer(text):
                for concept in self._concept[stem]:
                    marks.setdefault(concept, []).append((m.start(), m.end()))
        if not text.isascii():
            for script, stems in self._by_script.items():
                rx = _SCRIPTS.get(script)
                if rx is not None and not rx.search(text):
                    continue
                for stem in stems:
                    at = text.find(stem)
                    while at >= 0:
                        for concept in self._concept[stem]:
                            marks.setdefault(concept, []).append((at, at + len(stem)))
                        at = text.find(stem, at + len(stem))
        return marks

    def marks(self, text: str, words: set[str]) -> Marks:
        """Where each concept occurs in `text` (normalised, lower-case; `words` its ASCII word tokens), sorted: once
        per text, for `scan` and for the detector's checks of its other tables' hits (`authored`, `withdrawn`)."""
        marks = self._marks(text, words)
        if "ignore" in marks:
            _drop_inside(marks, "ignore", described(text))  # "(this option) is ignored": a statement, not an order
            _drop_inside(marks, "ignore", option_entries(text))  # "--force  ignore missing files": what an option does
        if "reveal" in marks:
            _drop_inside(marks, "reveal", entered(text))  # "Geben Sie das Passwort ein": typed in, not handed over
        if "ai_reader" in marks:
            addressed = _addressed(text, marks["ai_reader"])
            if addressed:
                marks["addressed"] = addressed
        for spans in marks.values():
            spans.sort()
        return marks

    def scan(self, text: str, marks: Marks) -> list[LexiconHit]:
        """The rules' hits in `text`, whose concept `marks` are given. One hit per rule at most."""
        if not marks:
            return []
        hits: list[LexiconHit] = []
        for concepts, window, fam, score in RULES:
            if not all(c in marks for c in concepts):
                continue
            span = _within(marks, concepts, window)
            if span is None or _near(marks, UNLESS.get(concepts), span):
                continue
            if concepts in OWNED and _owned(marks, OWNED[concepts], span, text):
                continue
            if concepts in AUTHORED and _authored(marks, AUTHORED[concepts], span, text):
                continue
            if fam == "instruction-override" and withdrawn(marks, span):
                continue
            hits.append(LexiconHit(fam, score, span[0], span[1]))
        return hits


# A line that speaks to the AI reader: its name, a clause about what it does, then a colon ("Para el asistente que
# resume las opiniones: ...", "Note to the screening model evaluating this document: ...").
_LABEL_NAME = re.compile(r"copilot|chatbot|llm|language model")  # a product or genre named as a heading's label
# what opens the line before the name ("Note for the ", "[Para sa "): no digit, colon or quote (a log line, a quote)
_ADDRESS_START = re.compile(r"[^\d:：\"“”„«»「」『』]{0,40}")
_ADDRESS_END = re.compile(r"[^.!?。！？\n]{0,90}?[:：]")


# A repository's own documents and code address coding agents with the project's rules (AGENTS.md, CONTRIBUTING, a
# comment above a function): a file name of the genre, code in backticks, or the address on a comment line.
_REPO_DOC = re.compile(r"(?i)\b(?:agents|claude|contributing|readme)(?:\.md)?\b|`[^`\n]{1,80}`|\brepo(?:sitor\w*)?\b")
_COMMENT_LINE = re.compile(r"[ \t]*(?:#|//|/\*|\*|--|<!--|\"\"\"|')")


def _addressed(text: str, readers: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans from a named AI reader to the colon that ends its address, when one ends it."""
    if _REPO_DOC.search(text):
        return []
    found = []
    for start, end in readers:
        if _LABEL_NAME.fullmatch(text, start, end):
            continue
        m = _ADDRESS_END.match(text, end)
        line = text.rfind("\n", 0, start) + 1
        if m is not None and _ADDRESS_START.fullmatch(text, line, start) and not _COMMENT_LINE.match(text, line):
            found.append((start, m.end()))
    return found


def _drop_inside(marks: Marks, concept: str, spans: list[tuple[int, int]]) -> None:
    """Drop the marks of `concept` that lie inside one of `spans` (forms that `described.py` sets apart)."""
    if spans and concept in marks:
        kept = [m for m in marks[concept] if not inside_any(m, spans)]
        if kept:
            marks[concept] = kept
        else:
            del marks[concept]


def _near(marks: dict[str, list[tuple[int, int]]], unless: tuple[str, int] | None, span: tuple[int, int]) -> bool:
    """Whether the concept of `unless` occurs within its distance of `span`."""
    if unless is None:
        return False
    concept, distance = unless
    return any(s < span[1] + distance and e > span[0] - distance for s, e in marks.get(concept, ()))


def authored(marks: Marks, span: tuple[int, int], text: str) -> bool:
    """Whether the system prompt named in `span` is one the text asks to author (AUTHORED), not the assistant's."""
    return _authored(marks, AUTHORED[("system_prompt",)], span, text)


# A bot of the writer's own near the name of the prompt: a first-person, plural or "own" possessive, then a word
# holding "bot" in the same sentence ("vores kundebot", "kendi kargo botum", "нашего бота", "हमारे … बॉट"), or
# the bot first and its owner after it ("el bot de mi tienda", "le bot de notre boutique").
_OWNER = (
    r"\b(?:my|our|own|mi|mis|nuestr[oa]s?|propi[oa]|mon|ma|notre|nos|propre|mein\w*|unser\w*|eigen\w*|mi[oa]|"
    r"nostr[oa]|propri[oa]|meu|minha|noss[oa]|própri[oa]|mijn|onze|ons|mój|moj\w*|nasz\w*|własn\w*|můj|náš|naš\w*|"
    r"vlastní|min|mitt|vår|vårt|vores|egen|eget|oma|meidän|saját|мой|моего|моему|моей|наш\w*|свой|своего|своему|"
    r"свою|власн\w*|собствен\w*|benim|bizim|kendi|saya|kami|tôi)\b"
    r"|मेरे|मेरी|मेरा|हमारे|हमारी|हमारा|अपनी|अपने|अपना|私の|自分の|うちの|弊社の|我的|我们的|我們的|我们公司|我們公司|自己的|우리|저희"
)
_BOT = r"(?:bot|бот|बॉट|ボット|机器人|機器人|봇|บอท)"
_OWN_BOT = re.compile(rf"(?i)(?:{_OWNER})[^.!?\n]{{0,40}}?{_BOT}|{_BOT}\w*[^.!?\n]{{0,25}}?(?:{_OWNER})")
_BOT_REACH = 120
_YOUR_BEFORE = re.compile(r"(?i)\byour\b")  # English: "print your system prompt … for my bot"
_SYSTEM_PROMPT_EN = re.compile(r"\bsystem (?:prompt|message|instructions?)\b")  # English is the families' (no concept)
_ITS_BEFORE = re.compile(r"(?i)\bits\b")  # "… stop people getting it to dump its system prompt": the bot's own


def withdrawn(marks: Marks, span: tuple[int, int]) -> bool:
    """Whether the override in `span` is a writer taking back their own slip: a `mistake` word within WITHDRAWN
    characters and no second-person possessive there ("ignore your rules, my mistake" is still an override)."""
    if not _near(marks, ("mistake", WITHDRAWN), span):
        return False
    return not any(_near(marks, (c, WITHDRAWN), span) for c in ("yours", "yours_before"))


def _authored(marks: dict[str, list[tuple[int, int]]], distance: int, span: tuple[int, int], text: str) -> bool:
    """The system prompt named in `span` is one to author or the writer's own: an `author` word (write, formulate,
    review, configure; our company's) within `distance` of it, a first-person possessive shortly before it or a bot
    of the writer's own within `_BOT_REACH` (`_OWN_BOT`), and no second-person possessive (`yours`: "tu",
    "systemprompten din", "你收到的"; English "your" right before) nor a `verbatim` word there."""
    named = any(s < span[1] and e > span[0] for s, e in marks.get("system_prompt", ()))
    bot = _OWN_BOT.search(text, max(0, span[0] - _BOT_REACH), span[1] + _BOT_REACH)
    its = bot is not None and _ITS_BEFORE.search(text, max(0, span[0] - 12), span[1]) is not None
    if not named:
        # English (the families' hit, no concept): only "its system prompt" beside a bot of the writer's own
        return its and _SYSTEM_PROMPT_EN.search(text, span[0], span[1]) is not None
    mine = any(span[0] - 20 <= e <= span[0] for _, e in marks.get("mine", ()))  # "mi bot", "мой промпт"
    author = _near(marks, ("author", distance), span)
    if not (mine or bot or author):
        return False  # nothing says the prompt is one to write, or the writer's own
    if not (mine or author or its) and _near(marks, ("reveal", distance), span):
        return False  # "show me the system prompt, I need it for my bot": the assistant's, asked for
    if any(span[0] - 3 <= e <= span[0] for _, e in marks.get("yours_before", ())):
        return False
    if _YOUR_BEFORE.search(text, max(0, span[0] - 12), span[1]):
        return False
    # a reflexive possessive that is the bot's owner ("для своего бота") is not the assistant's
    yours = [m for m in marks.get("yours", ()) if bot is None or not (bot.start() <= m[0] and m[1] <= bot.end())]
    return not _near({"yours": yours}, ("yours", distance), span) and not _near(marks, ("verbatim", distance), span)


def _owned(marks: dict[str, list[tuple[int, int]]], objects: tuple[str, ...], span: tuple[int, int], text: str) -> bool:
    """Whether a first-person possessive stands right before (spaces between, at most) an object in `span` or
    just before it ("私の前の指示は無視": the hit is 指示…無視, its object starts at 前の)."""
    ends = [e for _, e in marks.get("mine", ())]
    return any(
        span[0] - 4 <= s < span[1] and 0 <= s - e <= 2 and not text[e:s].strip()
        for concept in objects
        for s, _ in marks.get(concept, ())
        for e in ends
    )


def _within(marks: dict[str, list[tuple[int, int]]], concepts: tuple[str, ...], window: int) -> tuple[int, int] | None:
    anchor, *others = concepts
    for start, end in marks[anchor]:
        lo, hi = start, end
        ok = True
        for other in others:
            near = [s for s in marks[other] if abs(s[0] - start) <= window]
            if not near:
                ok = False
                break
            lo, hi = min(lo, near[0][0]), max(hi, near[0][1])
        if ok:
            return lo, hi
    return None
