"""The approval console: one static page on the admin plane (plain HTML and a little JavaScript)."""

from __future__ import annotations

import base64
import hashlib
import re
from importlib import resources

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from gateway.runtime import Gateway


def _page() -> tuple[str, str]:
    """The page and its Content-Security-Policy (only this page's own inline script may run)."""
    html = resources.files("gateway.console").joinpath("approvals.html").read_text(encoding="utf-8")
    script = re.search(r"<script>(.*?)</script>", html, re.S)
    assert script is not None
    digest = base64.b64encode(hashlib.sha256(script.group(1).encode()).digest()).decode()
    csp = (f"default-src 'none'; script-src 'sha256-{digest}'; style-src 'unsafe-inline'; connect-src 'self'; "
           "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
    return html, csp


def console_routes(gw: Gateway) -> list[Route]:
    html, csp = _page()
    headers = {"content-security-policy": csp, "cache-control": "no-store", "x-content-type-options": "nosniff",
               "referrer-policy": "no-referrer"}

    async def page(request: Request) -> Response:
        return HTMLResponse(html, headers=headers)

    return [Route("/console", page, methods=["GET"]), Route("/console/approvals", page, methods=["GET"])]
