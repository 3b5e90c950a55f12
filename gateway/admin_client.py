"""The CLI's HTTP client for a running gateway's admin plane: where it is, which token, errors as one line."""

from __future__ import annotations

import argparse
from typing import Any

import httpx

from gateway import settings as settings_mod


def target(args: argparse.Namespace, token_env: str | None = None) -> tuple[str, dict[str, str]]:
    """The admin URL (`--url`, else WARDGATE_ADMIN_HOST/PORT) and the bearer header (`--token`, else the token
    in `token_env`, else WARDGATE_ADMIN_TOKEN)."""
    s = settings_mod.from_environ()
    url = getattr(args, "url", None) or f"http://{s.admin_host}:{s.admin_port}"
    token = getattr(args, "token", None) or (s.environ.get(token_env) if token_env else None) or s.admin_token
    return url.rstrip("/"), ({"authorization": f"Bearer {token}"} if token else {})


def request(args: argparse.Namespace, method: str, path: str, body: dict[str, Any] | None = None,
            token_env: str | None = None, params: dict[str, str] | None = None) -> Any:
    url, headers = target(args, token_env)
    try:
        resp = httpx.request(method, url + path, headers=headers, json=body, params=params, timeout=15)
    except httpx.HTTPError as exc:
        raise SystemExit(f"wardgate: cannot reach the admin plane at {url}: {exc}") from None
    data = resp.json() if resp.headers.get("content-type", "").startswith("application/json") else {}
    if resp.status_code >= 400:
        error = data.get("error") if isinstance(data, dict) else None
        message = error.get("message") if isinstance(error, dict) else None
        raise SystemExit(f"wardgate: HTTP {resp.status_code}: {message or resp.text}")
    return data
