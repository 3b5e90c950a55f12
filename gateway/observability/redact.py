"""The logs' safety net: known secret and PII shapes in a rendered log line are masked.

Log call sites only ever pass ids, codes, counts and names; this catches what slips through
anyway (an exception text, a third-party library's message). Cheap: one pass of one regex.
"""

from __future__ import annotations

import re

_SHAPES: dict[str, str] = {
    "private_key": r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----(?:[\s\S]{0,8192}?-----END [A-Z0-9 ]*-----)?",
    "jwt": r"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}",
    "provider_key": r"\b(?:sk|rk|pk)-[A-Za-z0-9_\-]{16,}",
    "stripe_key": r"\b(?:sk|rk|pk|whsec)_(?:live|test)_[A-Za-z0-9]{16,}",
    "aws_key": r"\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA)[A-Z0-9]{16}\b",
    "github_token": r"\b(?:gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{22,255})\b",
    "gitlab_token": r"\bgl(?:pat|dt|rt|ptt)-[A-Za-z0-9_\-]{20,}",
    "slack_token": r"\bxox[abposre]-[A-Za-z0-9-]{10,}",
    "google_key": r"\bAIza[0-9A-Za-z_\-]{35}|\bya29\.[0-9A-Za-z_\-]{20,}",
    "bearer": r"\b(?i:bearer)\s+[A-Za-z0-9._~+/\-]{8,}=*",
    "url_password": r"(?<=://)[^\s:/@'\"]{1,64}:[^\s@/'\"]{3,128}(?=@)",
    "assigned_secret": (
        r"(?<![A-Za-z])(?i:api[_-]?key|x-api-key|secret|password|passwd|access[_-]?token|auth[_-]?token"
        r"|client[_-]?secret|authorization)[\"']?\s*[:=]\s*[\"']?(?:(?i:bearer)\s+)?[^\s\"',;}]{6,}"
    ),
    "email": r"\b[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9.\-]{1,253}\.[A-Za-z]{2,24}\b",
    "iban": r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,4})?\b",
    "card": r"(?<![\d.])(?:\d[ -]?){12,18}\d(?![\d.])",
    "ssn": r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])",
    "phone": r"(?<![\w+])\+\d{1,3}[ .-]?\(?\d{1,4}\)?(?:[ .-]?\d{2,4}){2,4}(?!\d)|\(\d{3}\) ?\d{3}-\d{4}\b",
}
_ONE = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in _SHAPES.items()))


def _luhn(digits: str) -> bool:
    total, parity = 0, len(digits) % 2
    for i, ch in enumerate(digits):
        d = int(ch)
        if i % 2 == parity:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _mask(m: re.Match[str]) -> str:
    kind = m.lastgroup or "secret"
    if kind == "card":
        digits = re.sub(r"\D", "", m.group())
        if not _luhn(digits):
            return m.group()
    return f"[redacted:{kind}]"


def redact(text: str) -> str:
    """`text` with every known secret or PII shape replaced by `[redacted:<kind>]`."""
    return _ONE.sub(_mask, text)
