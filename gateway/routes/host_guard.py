"""DNS-rebinding defence: a request must name this gateway in `Host`, and a browser's `Origin` must be allowed.

A page the developer opens can make its own host name resolve to 127.0.0.1; the browser then sends the page's
requests to the gateway as same-origin, but with the page's name in `Host`. So a host *name* is accepted only
when it is `localhost` or configured (`WARDGATE_ALLOWED_HOSTS`, the listen host); an IP literal is always
accepted, since a rebinding page cannot put one there. A browser `Origin` must be the request's own origin or
name an allowed host on the data plane, and be the plane's own origin on the admin plane (the console).
The decision is pure (`decide`); the app's edge layer (`gateway/routes/edge.py`) applies it to each request.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

LOCAL_NAMES = frozenset({"localhost"})


@dataclass(frozen=True, slots=True)
class AllowedHosts:
    """Host names (lower case) accepted in `Host`; an entry starting with '.' allows its subdomains too;
    `*` turns the check off."""

    names: frozenset[str]

    @classmethod
    def of(cls, configured: tuple[str, ...], *listen_hosts: str) -> AllowedHosts:
        names = {n.strip().lower().rstrip(".") for n in (*configured, *listen_hosts) if n.strip()}
        return cls(frozenset(names | LOCAL_NAMES))

    def allows(self, hostname: str) -> bool:
        name = hostname.lower().rstrip(".")
        if "*" in self.names or name in self.names or _is_ip(name):
            return True
        return any(n.startswith(".") and (name.endswith(n) or name == n[1:]) for n in self.names)


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return False
    return True


def _hostname(host: str) -> str | None:
    """The name part of a `Host` value (`name`, `name:port`, `[v6]:port`), or None when malformed."""
    try:
        parts = urlsplit(f"//{host}")
        _ = parts.port  # raises on a bad port
    except ValueError:
        return None
    return parts.hostname or None


def decide(host: str | None, origin: str | None, allowed: AllowedHosts, same_origin_only: bool) -> str | None:
    """Pure: why the request must be refused, or None. `same_origin_only`: the admin plane (only its console)."""
    if host is None:
        return "host"
    name = _hostname(host)
    if name is None or not allowed.allows(name):
        return "host"
    if origin is None:
        return None
    parts = urlsplit(origin)
    if origin == "null" or not parts.hostname:
        return "origin"
    if parts.netloc.lower() == host.lower():
        return None
    if same_origin_only:
        return "origin"
    return None if allowed.allows(parts.hostname) else "origin"
