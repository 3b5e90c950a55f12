"""Signed end-user tokens (JWT): who the agent acts for and which tools that user grants."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import jwt

from gateway.config.agents_file import UserTokens


@dataclass(frozen=True, slots=True)
class UserClaims:
    user_id: str
    tools: tuple[str, ...]


class TokenRejected(Exception):
    """Why a user token was refused (expired, badly signed, malformed)."""


def verify(token: str, cfg: UserTokens, now: float) -> UserClaims:
    """Pure: verify signature, issuer, audience and times against `now` (the clock is a value)."""
    claims: dict[str, Any] | None = None
    keys = [k for k in cfg.keys if k]
    if not keys:
        raise TokenRejected("user tokens are configured without a usable key")
    options: dict[str, Any] = {"verify_exp": False, "verify_nbf": False, "verify_iat": False,
                               "require": ["exp", "sub"], "verify_aud": cfg.audience is not None}
    last: Exception | None = None
    for key in keys:
        try:
            claims = jwt.decode(token, key, algorithms=list(cfg.algorithms), audience=cfg.audience,
                                issuer=cfg.issuer, options=options)  # type: ignore[arg-type]
            break
        except jwt.InvalidSignatureError as exc:
            last = exc
        except jwt.PyJWTError as exc:
            raise TokenRejected(f"invalid user token: {exc}") from exc
    if claims is None:
        raise TokenRejected(f"invalid user token: {last or 'signature verification failed'}")
    exp, nbf, iat = claims.get("exp"), claims.get("nbf"), claims.get("iat")
    if not isinstance(exp, (int, float)) or now > exp + cfg.leeway_s:
        raise TokenRejected("the user token has expired")
    if isinstance(nbf, (int, float)) and now + cfg.leeway_s < nbf:
        raise TokenRejected("the user token is not valid yet")
    if isinstance(iat, (int, float)) and iat > now + cfg.leeway_s:
        raise TokenRejected("the user token was issued in the future")
    if cfg.max_lifetime_s is not None and (not isinstance(iat, (int, float)) or exp - iat > cfg.max_lifetime_s):
        raise TokenRejected(f"the user token lives longer than {cfg.max_lifetime_s:g}s (or has no `iat`)")
    granted = claims.get(cfg.tools_claim, [])
    if isinstance(granted, str):
        granted = granted.split()
    if not isinstance(granted, list) or not all(isinstance(g, str) for g in granted):
        raise TokenRejected(f"the `{cfg.tools_claim}` claim must be a list of tool globs")
    return UserClaims(str(claims["sub"]), tuple(granted))
