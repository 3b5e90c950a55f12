"""Allow/deny globs for tools (same rule as models: deny beats allow, nothing unless listed).

Kept here rather than imported from gateway.checks so the pure tool package never imports the check list.
"""

from __future__ import annotations

from fnmatch import fnmatchcase

from gateway.config.agents_file import AllowDeny


def allowed(lists: AllowDeny, name: str) -> bool:
    if any(fnmatchcase(name, pattern) for pattern in lists.deny):
        return False
    return any(fnmatchcase(name, pattern) for pattern in lists.allow)
