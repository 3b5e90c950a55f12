"""authenticate: agent key → agent identity. Unknown or missing key is refused."""

from __future__ import annotations

from dataclasses import replace

from gateway.config.ruleset import RuleSet
from gateway.errors import Reason
from gateway.model import Call, Principal, Verdict


def authenticate(credential: str | None, rules: RuleSet) -> Verdict | str:
    """Pure decision: the agent id for this credential, or a deny verdict."""
    if not credential:
        return Verdict.deny(
            Reason.UNAUTHENTICATED,
            "No agent key. Send it as 'Authorization: Bearer <key>' or 'x-api-key: <key>'.",
        )
    agent_id = rules.agent_for_key(credential)
    if agent_id is None:
        return Verdict.deny(Reason.UNAUTHENTICATED, "Unknown agent key.")
    return agent_id


class Authenticate:
    name = "authenticate"
    configurable = False

    def applies(self, call: Call, rules: RuleSet) -> bool:
        return True

    async def on_request(self, call: Call, rules: RuleSet) -> Verdict:
        decided = authenticate(call.credential, rules)
        if isinstance(decided, Verdict):
            return decided
        return Verdict.proceed(call=replace(call, principal=Principal(agent_id=decided)), detail={"agent": decided})
