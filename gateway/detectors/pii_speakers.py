"""Speaker labels of a transcript or chat export: who speaks, not what the number after them is.

"Customer: (720) 555-0115." in a call transcript names the speaker; the same word in "Customer: 4471882" labels a
customer number. A line-start label is a speaker's when the text is a dialogue: the label starts two lines or more,
and another label does too ("Agent: …⏎Customer: …⏎Agent: …⏎Customer: …"). A label that names a structured type
("Phone:", "Tel:") or an identifier is never a speaker unless it is a role a person speaks in ("Customer", "Client",
"Agent"), and a speaker's turn holds a sentence at least once: a form that repeats "Customer:" and "Status:" lines
with bare values keeps them as keys.
"""

from __future__ import annotations

import re
from collections import Counter

from gateway.detectors.pii_tags import tags_of

# A line's label: after an optional time (`14:08`, `[00:14:20]`, `3:02 PM`) and dash, one to three words with an
# optional bracketed role (`Dana (Sales)`), then a colon (`:`, ` :`, `：`) and more text on the line.
_LABEL = re.compile(
    r"(?m)^[ \t]*(?:\[?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?\]?[ \t]*(?:[-\u2013][ \t]*)?)?"
    r"([^\W\d_][^\W\d_'.-]*(?:[ \t][^\W\d_][^\W\d_'.-]*){0,2})(?:[ \t]*\([^()\n]{1,24}\))?[ \t]*[:\uff1a](?=[ \t]*\S)"
)
_WORDS = re.compile(r"[^\W\d_]+")
# Roles a person speaks in that the identifier lexicon also holds as the head of a number ("customer number") or as
# a program ("agent 8.0.20").
_ROLES = frozenset(
    [
        "customer", "customers", "client", "member", "kunde", "kundin", "cliente", "clienta", "клиент", "клиентка",
        "müşteri", "pelanggan", "khách", "klant", "asiakas", "ügyfél", "klient", "kund", "kunden", "caller", "user",
        "agent", "agente", "agentin", "агент", "ajan", "operator", "operador", "opérateur", "operatore", "оператор",
    ]
)


def speaker_labels(text: str) -> list[tuple[int, int]]:
    """The spans of the line-start labels of `text` that name speakers of a dialogue (see the module)."""
    if text.count("\n") < 2:
        return []
    found = [(m.start(1), m.end(1), m.group(1).lower(), m.end()) for m in _LABEL.finditer(text)]
    counts = Counter(label for _, _, label, _ in found)
    talk = {label for _, _, label, end in found if _prose(text, end)}
    speakers = {label for label, n in counts.items() if n >= 2 and label in talk and _speaks(label)}
    if len(speakers) < 2:
        return []
    return [(a, b) for a, b, label, _ in found if label in speakers]


def _prose(text: str, start: int) -> bool:
    """Whether the line from `start` holds a sentence (three words or more), as a speaker's turn does at least once
    and a form's value ("open", "4471 882 9031") never does."""
    stop = text.find("\n", start)
    return len(_WORDS.findall(text, start, len(text) if stop < 0 else stop)) >= 3


def _speaks(label: str) -> bool:
    """A label can name a speaker: a person's role, or a word that names no type and no identifier."""
    words = label.split()
    if any(word in _ROLES for word in words):
        return True
    return not any(tags_of(word) for word in words)
