"""Secrets detector: well-known credential formats plus high-entropy values next to secret-like words."""

from __future__ import annotations

import math
import re
from collections import Counter

from gateway.detectors.base import Finding
from gateway.detectors.literals import Literals

# kind -> (regex, group holding the secret, score). Prefix-anchored formats are near-certain.
_FORMATS: dict[str, tuple[str, int, float]] = {
    "aws-access-key": (
        r"\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA)[A-Z0-9]{16}\b",
        0,
        0.95,
    ),
    "github-token": (r"\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b", 0, 0.99),
    "gitlab-token": (r"\bgl(?:pat|dt|rt|ptt)-[A-Za-z0-9_\-]{20,}", 0, 0.99),
    "slack-token": (
        r"\bxox[abposre]-[A-Za-z0-9-]{10,}|https://hooks\.slack\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]+",
        0,
        0.99,
    ),
    "anthropic-key": (r"\bsk-ant-[a-z]{2,8}\d{2}-[A-Za-z0-9_\-]{20,}", 0, 0.99),
    "openai-key": (r"\bsk-(?!ant-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\-]{20,}", 0, 0.9),
    "stripe-key": (r"\b(?:sk|rk|pk|whsec)_(?:live|test)_[A-Za-z0-9]{16,}", 0, 0.99),
    "google-api-key": (r"\bAIza[0-9A-Za-z_\-]{35}(?![0-9A-Za-z_\-])|\bya29\.[0-9A-Za-z_\-]{20,}", 0, 0.95),
    "private-key": (
        r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]{0,8192}?-----END [A-Z0-9 ]*-----)?",
        0,
        0.99,
    ),
    "jwt": (r"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}", 0, 0.9),
    # scheme://user:password@host — only the password is reported (and redacted).
    "connection-string": (
        r"\b[a-zA-Z][a-zA-Z0-9+.\-]{1,20}://[^\s:/@'\"]{1,64}:([^\s@/'\"]{3,128})@[A-Za-z0-9.\-\[\]]+",
        1,
        0.9,
    ),
}

# A value assigned to something named like a secret: `api_key = "..."`, `"token": "..."`.
_ASSIGNED = re.compile(
    r"(?i)(?:api[_-]?key|secret|token|passw(?:or)?d|pwd|credential|auth(?:orization)?|private[_-]?key"
    r"|access[_-]?key|client[_-]?secret)[\w.\-]{0,24}[\"']?\s*(?::|=|=>|\bis\b)\s*(?:bearer\s+)?[\"']?"
    r"([A-Za-z0-9+/_\-.=~!@#$%^&*]{12,256})"
)
_PLACEHOLDER = re.compile(r"(?i)^(?:x+|\*+|<.*>|\$\{.*\}|your[_-].*|changeme.*|example.*|placeholder.*|redacted.*)$")

SECRET_KINDS = frozenset([*_FORMATS, "high-entropy"])
# Literal substrings every match of a format contains: the regex only runs when one is present.
_LITERALS: dict[str, tuple[str, ...]] = {
    "aws-access-key": ("AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AIPA", "ANPA", "ANVA", "AROA", "APKA"),
    "github-token": ("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
    "gitlab-token": ("glpat-", "gldt-", "glrt-", "glptt-"),
    "slack-token": ("xox", "hooks.slack.com"),
    "anthropic-key": ("sk-ant-",),
    "openai-key": ("sk-",),
    "stripe-key": ("_live_", "_test_"),
    "google-api-key": ("AIza", "ya29."),
    "private-key": ("-----BEGIN",),
    "jwt": ("eyJ",),
    "connection-string": ("://",),
}
_ASSIGNED_WORDS = ("key", "secret", "token", "pass", "pwd", "credential", "auth")


def shannon_entropy(value: str) -> float:
    """Bits per character of `value` (0 for empty)."""
    if not value:
        return 0.0
    n = len(value)
    return -sum(c / n * math.log2(c / n) for c in Counter(value).values())


def _char_classes(value: str) -> int:
    return sum(
        (
            any(c.islower() for c in value),
            any(c.isupper() for c in value),
            any(c.isdigit() for c in value),
            any(not c.isalnum() for c in value),
        )
    )


class SecretsDetector:
    """Regexes compiled once at build; `min_entropy` is bits/char for the assignment heuristic."""

    __slots__ = ("_compiled", "_literals", "kinds", "min_entropy", "name")

    def __init__(self, name: str, kinds: frozenset[str] = SECRET_KINDS, min_entropy: float = 3.5) -> None:
        self.name = name
        self.kinds = kinds
        self.min_entropy = min_entropy
        self._compiled = tuple(
            (kind, _LITERALS[kind], re.compile(rx), group, score)
            for kind, (rx, group, score) in _FORMATS.items()
            if kind in kinds
        )
        self._literals = Literals(lit for _, literals, _, _, _ in self._compiled for lit in literals)

    def scan(self, text: str) -> list[Finding]:
        findings: list[Finding] = []
        present = set(self._literals.present(text))
        for kind, literals, rx, group, score in self._compiled:
            if present.isdisjoint(literals):
                continue
            for m in rx.finditer(text):
                if kind == "connection-string" and _PLACEHOLDER.match(m.group(1)):
                    continue
                findings.append(Finding(self.name, kind, m.start(group), m.end(group), score))
        lowered = text.lower()
        if "high-entropy" in self.kinds and any(w in lowered for w in _ASSIGNED_WORDS):
            taken = [(f.start, f.end) for f in findings]
            for m in _ASSIGNED.finditer(text):
                value = m.group(1).rstrip(".,;")
                start, end = m.start(1), m.start(1) + len(value)
                if any(s < end and start < e for s, e in taken) or _PLACEHOLDER.match(value):
                    continue
                entropy = shannon_entropy(value)
                if len(value) >= 12 and entropy >= self.min_entropy and _char_classes(value) >= 2:
                    score = min(0.95, 0.6 + (entropy - self.min_entropy) * 0.2)
                    findings.append(Finding(self.name, "high-entropy", start, end, round(score, 3)))
        findings.sort(key=lambda f: (f.start, f.end))
        return findings
