"""DNS-rebinding defence: a request must name this gateway in `Host`, and a browser's `Origin` must be allowed.

A page the developer opens can make its own host name resolve to 127.0.0.1; the browser then sends the page's
requests to the gateway as same-origin, but with the page's name in `Host`. So a host *name* is accepted only
when it is `localhost` or configured (`WARDGATE_ALLOWED_HOSTS`, the listen host); an IP literal is always
accepted, since a rebinding page cannot put one there. A browser `Origin` must be the request's own origin or
name an allowed host on the data plane, and be the plane's own origin on the admin plane (the console).
"""

from __future__ import annotations

import ipaddress
import json
from dataclasses import dataclass
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Receive, Scope, Send

from gateway.errors import Reason, Refusal

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


class HostGuard:
    """Refuses a request whose `Host` or `Origin` is not allowed (421 / 403), in the API's own error shape."""

    def __init__(self, app: ASGIApp, allowed: AllowedHosts, same_origin_only: bool = False) -> None:
        self.app = app
        self.allowed = allowed
        self.same_origin_only = same_origin_only

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k: v for k, v in scope.get("headers", ()) if k in (b"host", b"origin")}
        host = headers[b"host"].decode("latin-1") if b"host" in headers else None
        origin = headers[b"origin"].decode("latin-1") if b"origin" in headers else None
        why = decide(host, origin, self.allowed, self.same_origin_only)
        if why is None:
            await self.app(scope, receive, send)
            return
        if why == "host":
            refusal = Refusal(Reason.HOST_NOT_ALLOWED, "This gateway is not served under the host name in the "
                              "request; an operator adds names with WARDGATE_ALLOWED_HOSTS.")
        else:
            refusal = Refusal(Reason.FORBIDDEN, "Requests from this browser origin are not allowed.")
        anthropic = str(scope.get("path", "")).startswith("/v1/messages")
        raw = json.dumps(refusal.anthropic_body() if anthropic else refusal.openai_body()).encode()
        await send({"type": "http.response.start", "status": refusal.status,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(raw)).encode())]})
        await send({"type": "http.response.body", "body": raw})
