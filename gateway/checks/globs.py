"""Allow/deny glob lists: deny beats allow, nothing is allowed unless listed."""

from __future__ import annotations

from fnmatch import fnmatchcase

from gateway.config.agents_file import AllowDeny


def allowed(lists: AllowDeny, name: str) -> bool:
    if any(fnmatchcase(name, pattern) for pattern in lists.deny):
        return False
    return any(fnmatchcase(name, pattern) for pattern in lists.allow)
