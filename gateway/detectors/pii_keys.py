"""The key that labels a value in structured text: JSON, YAML, INI, .env, query strings, `Label: value`.

In `{"build": "10.4.1.22"}` or `?sku=2125550143` the words around a value are other fields; its key is
its label. `key_before` finds that key; `pii_words.key_lean` turns it into a pull for or against one
PII type, so the same value is kept under `client_ip` and left alone under `build`."""

from __future__ import annotations

import re

# A key right before its value: `"key": "`, `'key': `, `key: `, `key = `, `KEY=`, `&key=`, `key=>`.
# The key is one identifier (letters, digits, `_`, `-`, `.`, no spaces), started at a line, a field
# separator or an opening bracket/quote (a quoted key may hold spaces: `"Phone number": `), so prose
# ("Meeting at 10: …") is not mistaken for a key.
_KEY = re.compile(
    r"""(?:^|(?<=[\s{,;&?\[(|]))(?:"([^"\n]{1,48})"|'([^'\n]{1,48})'|([^\W\d][\w.\-]{0,47}))"""
    r"""[ \t]*(?:=>|[:=：])[ \t]*["']?\Z""",
    re.MULTILINE,
)
_REACH = 56  # longest key plus its quotes and separators


def key_before(text: str, start: int) -> str | None:
    """The key labelling the value that starts at `start`, or None when the value has no key."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"'":
        i -= 1
    if i < 0 or text[i] not in ":=>：":
        return None  # no separator right before: most candidates (CSV cells, prose) end here, without a regex
    m = _KEY.search(text, max(0, start - _REACH), start)
    return (m.group(1) or m.group(2) or m.group(3)) if m else None
