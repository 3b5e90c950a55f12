"""user_token: an agent acting for an end user presents a signed token; a bad or expired one is refused."""

from __future__ import annotations

from dataclasses import replace

from gateway.config.ruleset import RuleSet
from gateway.errors import Reason
from gateway.model import Call, Verdict
from gateway.tools.user_token import TokenRejected, verify

HEADER = "x-wardgate-user"


class UserToken:
    name = "user_token"
    configurable = False  # a forged identity is never "monitored"

    def applies(self, call: Call, rules: RuleSet) -> bool:
        return bool(call.headers.get(HEADER))

    async def on_request(self, call: Call, rules: RuleSet) -> Verdict:
        assert call.principal is not None, "authenticate runs first"
        cfg = rules.sources.sections.get("agents")
        tokens = getattr(cfg, "user_tokens", None)
        if tokens is None:
            return Verdict.deny(Reason.UNAUTHENTICATED, "This gateway does not accept user tokens "
                                "(no `user_tokens` in agents.yaml); drop the x-wardgate-user header.")
        try:
            claims = verify(call.headers[HEADER], tokens, call.received_at)
        except TokenRejected as exc:
            return Verdict.deny(Reason.UNAUTHENTICATED, f"User token refused: {exc}. Get a fresh token for the user.")
        principal = replace(call.principal, user_id=claims.user_id, user_scopes=claims.tools)
        return Verdict.proceed(call=replace(call, principal=principal),
                               detail={"user": claims.user_id, "tools": list(claims.tools)})
