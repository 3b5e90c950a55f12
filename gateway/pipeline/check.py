"""What a check is: a named decision over a Call, with an optional response phase."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from gateway.config.ruleset import RuleSet
from gateway.model import Call, Verdict


class RequestCheck(Protocol):
    """Decides on a call before it is forwarded."""

    name: str
    # False for checks that cannot sensibly be monitored or allowed on error (authentication).
    configurable: bool

    def applies(self, call: Call, rules: RuleSet) -> bool: ...

    async def on_request(self, call: Call, rules: RuleSet) -> Verdict: ...


class ResponseCheck(Protocol):
    """Decides on (and may rewrite) a complete, non-streamed upstream answer."""

    name: str
    configurable: bool

    def applies(self, call: Call, rules: RuleSet) -> bool: ...

    async def on_response(self, call: Call, rules: RuleSet, body: Mapping[str, Any]) -> Verdict: ...


@dataclass(frozen=True, slots=True)
class Step:
    """One entry of the ordered check list, with the one-line reason for its place."""

    check: RequestCheck
    why: str


@dataclass(frozen=True, slots=True)
class ResponseStep:
    check: ResponseCheck
    why: str
