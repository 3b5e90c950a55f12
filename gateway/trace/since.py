"""`since` as an operator writes it: a duration back from now (`90s`, `30m`, `1h`, `2d`), an ISO 8601 time, or
epoch seconds. Pure: the clock's value is passed in."""

from __future__ import annotations

import re
from datetime import UTC, datetime

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_DURATION = re.compile(r"^(\d+(?:\.\d+)?)([smhdw])$")


def parse_since(text: str, now: float) -> float:
    """Epoch seconds; ValueError with a message an operator can act on."""
    value = text.strip()
    m = _DURATION.match(value)
    if m:
        return now - float(m.group(1)) * _UNITS[m.group(2)]
    try:
        return float(value)
    except ValueError:
        pass
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"since {text!r}: use a duration (90s, 30m, 1h, 2d), an ISO time or epoch seconds") from None
    return (when if when.tzinfo else when.replace(tzinfo=UTC)).timestamp()
