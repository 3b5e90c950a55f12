"""Domain objects of one gateway call: Call, Verdict and their closed vocabularies."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from gateway.errors import Reason


class Api(StrEnum):
    """Which external API a call came in on."""

    CHAT = "chat.completions"
    RESPONSES = "responses"
    EMBEDDINGS = "embeddings"
    MODELS = "models"
    MESSAGES = "messages"
    TOOL = "tool"
    MCP = "mcp"

    @property
    def is_llm(self) -> bool:
        return self in {Api.CHAT, Api.RESPONSES, Api.EMBEDDINGS, Api.MESSAGES}

    @property
    def is_tool(self) -> bool:
        return self in {Api.TOOL, Api.MCP}


class Action(StrEnum):
    CONTINUE = "continue"
    DENY = "deny"
    HOLD = "hold"


class Mode(StrEnum):
    ENFORCE = "enforce"
    MONITOR = "monitor"


class OnError(StrEnum):
    DENY = "deny"
    ALLOW = "allow"


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: the agent, and the end user it acts for (if a user token was given)."""

    agent_id: str
    user_id: str | None = None
    user_scopes: tuple[str, ...] | None = None


def run_key(agent_id: str | None, run_id: str) -> str:
    """`agent/run`: run ids cannot contain '/', so the key is unambiguous whatever the agent's name."""
    return f"{agent_id}/{run_id}" if agent_id is not None else run_id


@dataclass(frozen=True, slots=True)
class Call:
    """One request to the gateway, as the checks see it."""

    id: str
    run_id: str
    api: Api
    target: str
    payload: Mapping[str, Any]
    received_at: float
    credential: str | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    principal: Principal | None = None
    run_id_created: bool = False
    # Headers checks ask to add to the gateway's answer (e.g. the run's remaining budget).
    reply_headers: Mapping[str, str] = field(default_factory=dict)

    @property
    def agent_id(self) -> str | None:
        return self.principal.agent_id if self.principal else None

    @property
    def arguments(self) -> Mapping[str, Any]:
        """A tool call's arguments (`{"arguments": {...}}` payload); empty when absent or not an object."""
        args = self.payload.get("arguments")
        return args if isinstance(args, Mapping) else {}

    @property
    def run_key(self) -> str:
        """The key of everything kept per run (budget, loop counts, placeholders): the run belongs to the
        agent that sends it, so another agent presenting the same run id gets a run of its own."""
        return run_key(self.agent_id, self.run_id)

    @property
    def streaming(self) -> bool:
        return bool(self.payload.get("stream"))

    def with_payload(self, payload: Mapping[str, Any]) -> Call:
        return replace(self, payload=payload)


@dataclass(frozen=True, slots=True)
class Verdict:
    """A check's decision: continue (possibly with an edited call), deny with a reason, or hold."""

    action: Action
    reason: Reason | None = None
    message: str = ""
    call: Call | None = None
    response: Mapping[str, Any] | None = None
    detail: Mapping[str, Any] | None = None
    retry_after: float | None = None
    # For a refusal: headers to send (e.g. x-ratelimit-*) and details safe to show the agent (not the trace's).
    headers: Mapping[str, str] | None = None
    public: Mapping[str, Any] | None = None

    @staticmethod
    def proceed(
        call: Call | None = None,
        detail: Mapping[str, Any] | None = None,
        response: Mapping[str, Any] | None = None,
    ) -> Verdict:
        return Verdict(Action.CONTINUE, call=call, detail=detail, response=response)

    @staticmethod
    def deny(
        reason: Reason,
        message: str,
        detail: Mapping[str, Any] | None = None,
        retry_after: float | None = None,
        headers: Mapping[str, str] | None = None,
        public: Mapping[str, Any] | None = None,
    ) -> Verdict:
        return Verdict(Action.DENY, reason=reason, message=message, detail=detail, retry_after=retry_after,
                       headers=headers, public=public)

    @staticmethod
    def hold(message: str, detail: Mapping[str, Any] | None = None) -> Verdict:
        return Verdict(Action.HOLD, message=message, detail=detail)


CONTINUE = Verdict(Action.CONTINUE)
