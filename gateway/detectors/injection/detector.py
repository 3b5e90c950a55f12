"""Injection detector: normalise, run rule families and decoded payloads, add the classifier, combine."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from gateway.detectors.base import Finding
from gateway.detectors.injection.classifier import Classifier
from gateway.detectors.injection.cues import cue_table
from gateway.detectors.injection.decode import encoded_segments, is_prose
from gateway.detectors.injection.described import Forms, inside_any, overlaps_any
from gateway.detectors.injection.families import Trigger, family_table
from gateway.detectors.injection.goals import goal_table
from gateway.detectors.injection.image_slots import has_data_slot
from gateway.detectors.injection.lexicon import Lexicon, authored, withdrawn
from gateway.detectors.injection.mention import inside, mention_spans, touches
from gateway.detectors.injection.moves import move_table
from gateway.detectors.injection.multilingual import multilingual_table
from gateway.detectors.injection.normalize import normalize
from gateway.detectors.injection.prefilter import TriggerIndex, tokens
from gateway.detectors.injection.prohibition import SECRET_FAMILIES, prohibition_spans
from gateway.detectors.injection.reference import option_entries, section_starts
from gateway.detectors.injection.tool_result import tool_result_table


class Profile(StrEnum):
    """`chat`: text a user types. `document`: untrusted content (tool results). The same families run
    on both; the profile picks the `_Placement` (caps of the reader-addressing families, cue gap)."""

    CHAT = "chat"
    DOCUMENT = "document"


_MAX_PER_FAMILY = 3
_IMAGE = re.compile(r"!\[|<img\b")  # the image patterns of markdown-exfiltration (not its link and wording ones)
_HIDDEN_TEXT = 0.6


@dataclass(frozen=True, slots=True)
class _Placement:
    """What a placement changes. Every family runs in both placements and scores the same text the
    same; a placement only caps the families whose meaning depends on who wrote the text, and sets
    how far apart weak cues may be to count as one attack. The guard's threshold (per place in
    `guards.yaml`) is the other difference."""

    caps: Mapping[str, float]
    cue_gap: int  # characters between weak cues of one passage (see `_passages`)
    encoded_prose: float  # a decoded sentence, whatever it says


_PLACEMENTS = {
    # A user's message is one act of one author, so its cues combine over a longer stretch (a
    # jailbreak pads the scene between the framing and the request). A user talks to the assistant,
    # gives it tasks and shapes its answer ("explain ...", "in your answer, ..."): words that, in a
    # document, address its reader (the model) weigh nothing in the user's own message, and naming
    # the assistant's role is only a weak cue.
    Profile.CHAT: _Placement(
        caps={"ai-addressee": 0.25, "embedded-instruction": 0.0, "embedded-imperative": 0.0, "task-switch": 0.0},
        cue_gap=600,
        encoded_prose=0.25,  # users ask to decode things
    ),
    # "List the credentials", "share the password": a manual describing an operation on secrets.
    # A document has no reason to hide a sentence from its human readers in an encoding.
    Profile.DOCUMENT: _Placement(caps={"secret-exfiltration": 0.45}, cue_gap=200, encoded_prose=0.5),
}


@dataclass(frozen=True, slots=True)
class _Compiled:
    name: str
    score: float
    triggers: tuple[Trigger, ...]
    regex: re.Pattern[str]

    def triggered(self, text: str, tokens: set[str], is_ascii: bool) -> bool:
        for t in self.triggers:
            if t.words.isdisjoint(tokens) and not any(s in text for s in t.substrings if not is_ascii or s.isascii()):
                return False
        return True


class InjectionDetector:
    """Thread-safe: all state is compiled at construction and read-only afterwards."""

    __slots__ = ("_caps", "_classifier", "_families", "_index", "_lexicon", "_placement", "name", "profile")

    def __init__(self, name: str, profile: Profile = Profile.CHAT, classifier: Classifier | None = None) -> None:
        self.name = name
        self.profile = profile
        tables = [
            *family_table(),
            *multilingual_table(),
            *cue_table(),
            *goal_table(),
            *move_table(),
            *tool_result_table(),
        ]
        placement = _PLACEMENTS[profile]
        caps = placement.caps
        self._caps = caps
        self._placement = placement
        self._families = tuple(
            _Compiled(f.name, min(f.score, caps.get(f.name, 1.0)), f.triggers, re.compile(f.pattern, re.S))
            for f in tables
            if caps.get(f.name, 1.0) > 0.0  # a family that weighs nothing here need not run
        )
        self._index = TriggerIndex([f.triggers for f in self._families])
        self._classifier = classifier
        self._lexicon = Lexicon()

    def _rules(self, text: str, depth: int) -> list[Finding]:
        norm = normalize(text)
        findings: list[Finding] = []
        words = tokens(norm.text)
        is_ascii = norm.text.isascii()
        marks = self._lexicon.marks(norm.text, words)
        forms = Forms(norm.text)
        for i in self._index.candidates(norm.text, words, is_ascii):
            fam = self._families[i]
            if not fam.triggered(norm.text, words, is_ascii):
                continue
            for k, m in enumerate(fam.regex.finditer(norm.text)):
                if k >= _MAX_PER_FAMILY:
                    break
                if fam.name == "prompt-exfiltration" and authored(marks, (m.start(), m.end()), norm.text):
                    continue  # "help me write the system prompt of my bot": one to author, not the assistant's
                if fam.name == "instruction-override" and withdrawn(marks, (m.start(), m.end())):
                    continue  # "ignore the earlier instruction, I made a mistake": the writer's own slip
                if fam.name == "instruction-override" and overlaps_any(m.span(), forms.statements):
                    continue  # "(this option) is ignored": a statement about software, not an order
                if fam.name == "prompt-exfiltration" and inside_any(m.span(), forms.not_asked):
                    continue  # "Geben Sie das Passwort ein", "Forgot your password?": a form, not a request
                start, end = norm.span(m.start(), m.end())
                image = fam.name == "markdown-exfiltration" and _IMAGE.match(m.group())
                if image and not has_data_slot(text[start:end]):
                    continue  # a README badge (`badge.svg?branch=main`): its query is written out, nothing to fill in
                findings.append(Finding(self.name, fam.name, start, end, fam.score))
        for hit in self._lexicon.scan(norm.text, marks):
            score = min(hit.score, self._caps.get(hit.family, 1.0))
            if score > 0.0:
                start, end = norm.span(hit.start, hit.end)
                findings.append(Finding(self.name, hit.family, start, end, score))
        if depth < 2:
            for seg in encoded_segments(text):
                inner = self._rules(seg.decoded, depth + 1)
                if seg.hidden:
                    # words nobody sees when the text is rendered: there is no benign reason for them
                    findings.append(Finding(self.name, "hidden-text", seg.start, seg.end, _HIDDEN_TEXT))
                # a sentence wrapped in an encoding: a user may ask to decode one, a document has no
                # reason to hide one from its human readers; what it says counts on top
                score = self._placement.encoded_prose if is_prose(seg.decoded) else 0.0
                if inner:
                    score = max(score, min(1.0, max(f.score for f in inner) + 0.05))
                if score:
                    findings.append(Finding(self.name, "encoded-payload", seg.start, seg.end, round(score, 4)))
        return findings

    def scan(self, text: str) -> list[Finding]:
        findings = self._rules(text, 0)
        if findings and (mentioned := mention_spans(text)):
            findings = [f for f in findings if not touches(f.start, f.end, mentioned)]
        # "never share your password": a rule for the secret's owner (`prohibition.py`); "--password-stdin  read the
        # password from standard input": what a program's option does with it (`reference.py`)
        if any(f.entity in SECRET_FAMILIES for f in findings) and (
            exempt := prohibition_spans(text) + option_entries(text)
        ):
            findings = [f for f in findings if f.entity not in SECRET_FAMILIES or not inside(f.start, f.end, exempt)]
        if self._classifier is not None:
            p = self._classifier.probability(text, self.profile.value)
            if p >= 0.2:
                findings.append(Finding(self.name, "classifier", 0, len(text), round(p, 4)))
        if len({f.entity for f in findings}) > 1:
            for cluster in _passages(findings, self._placement.cue_gap, section_starts(text)):
                if len({f.entity for f in cluster}) < 2:
                    continue
                best = _independent_best(cluster)
                miss = 1.0
                for s in best.values():
                    miss *= 1.0 - s
                combined = round(1.0 - miss, 4)
                if combined > max(best.values()):
                    first = min(f.start for f in cluster)
                    last = max(f.end for f in cluster)
                    findings.append(Finding(self.name, "combined", first, last, combined))
        findings.sort(key=lambda f: (f.start, f.end))
        return findings


def _passages(findings: list[Finding], gap: int, headings: list[int]) -> list[list[Finding]]:
    """Findings grouped into passages: a finding joins the passage before it when it starts within
    `gap` characters of that passage's end and no heading (`headings`: offsets) lies between. An attack
    stacks its moves in one passage (an inserted comment, a paragraph, a message); weak cues scattered
    over a long manual page, or in two of its sections, are coincidence. A classifier finding covers
    the whole text and so joins every passage."""
    whole = [f for f in findings if f.entity == "classifier"]
    groups: list[list[Finding]] = []
    end = -1
    for f in sorted((f for f in findings if f.entity != "classifier"), key=lambda f: (f.start, f.end)):
        if not groups or f.start > end + gap or _heading_between(headings, end, f.start):
            groups.append([])
        groups[-1].append(f)
        end = max(end, f.end) if len(groups[-1]) > 1 else f.end
    return [g + whole for g in groups] or ([whole] if whole else [])


def _heading_between(headings: list[int], a: int, b: int) -> bool:
    i = bisect_right(headings, a)
    return i < len(headings) and headings[i] < b


def _independent_best(findings: list[Finding]) -> dict[str, float]:
    """Best score per family, counting each stretch of text once: a finding that overlaps a stronger
    finding of another family is the same evidence read twice (one word matched by two tables, e.g.
    a bare "password" as a secret target and as an exfiltration target), not a second cue. A longer
    phrase around a shorter cue ("write a poem about the password") is a cue of its own."""
    kept: list[Finding] = []
    for f in sorted(findings, key=lambda f: (-f.score, f.start, f.end, f.entity)):
        if f.entity == "classifier" or not any(k.entity not in (f.entity, "classifier") and _same(f, k) for k in kept):
            kept.append(f)
    best: dict[str, float] = {}
    for f in kept:
        best[f.entity] = max(best.get(f.entity, 0.0), f.score)
    return best


def _same(a: Finding, b: Finding) -> bool:
    """Two spans are one piece of evidence when their overlap is most of the longer one."""
    overlap = min(a.end, b.end) - max(a.start, b.start)
    return overlap > 0 and 2 * overlap >= max(a.end - a.start, b.end - b.start)


def max_score(findings: list[Finding]) -> float:
    return max((f.score for f in findings), default=0.0)
