"""Token usage as each API reports it (whole bodies and stream events), and its cost."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gateway.config.models_file import Price
from gateway.model import Api


@dataclass(frozen=True, slots=True)
class Usage:
    prompt_tokens: int = 0
    completion_tokens: int = 0

    def plus(self, other: Usage) -> Usage:
        return Usage(self.prompt_tokens + other.prompt_tokens, self.completion_tokens + other.completion_tokens)

    def cost(self, price: Price) -> float:
        return (self.prompt_tokens * price.input_per_mtok + self.completion_tokens * price.output_per_mtok) / 1e6


def _int(d: Mapping[str, Any] | None, key: str) -> int:
    if not isinstance(d, Mapping):
        return 0
    v = d.get(key)
    return v if isinstance(v, int) else 0


def _anthropic_prompt(u: Mapping[str, Any] | None) -> int:
    return _int(u, "input_tokens") + _int(u, "cache_creation_input_tokens") + _int(u, "cache_read_input_tokens")


def usage_from_body(api: Api, body: Mapping[str, Any]) -> Usage:
    u = body.get("usage")
    if not isinstance(u, Mapping):
        return Usage()
    if api is Api.CHAT or api is Api.EMBEDDINGS:
        return Usage(_int(u, "prompt_tokens"), _int(u, "completion_tokens"))
    if api is Api.RESPONSES:
        return Usage(_int(u, "input_tokens"), _int(u, "output_tokens"))
    if api is Api.MESSAGES:
        return Usage(_anthropic_prompt(u), _int(u, "output_tokens"))
    return Usage()


class StreamUsage:
    """Accumulates usage from stream events; the last report wins (providers send cumulative counts)."""

    def __init__(self, api: Api) -> None:
        self.api = api
        self.prompt = 0
        self.completion = 0
        self.reported = False  # the final usage report arrived (a stream cut short has none)

    def feed(self, obj: Any) -> None:
        if not isinstance(obj, Mapping):
            return
        if self.api is Api.CHAT:
            if isinstance(obj.get("usage"), Mapping):
                u = usage_from_body(Api.CHAT, obj)
                self.prompt, self.completion, self.reported = u.prompt_tokens, u.completion_tokens, True
        elif self.api is Api.RESPONSES:
            resp = obj.get("response")
            if isinstance(resp, Mapping) and isinstance(resp.get("usage"), Mapping):
                u = usage_from_body(Api.RESPONSES, resp)
                self.prompt, self.completion, self.reported = u.prompt_tokens, u.completion_tokens, True
        elif self.api is Api.MESSAGES:
            kind = obj.get("type")
            if kind == "message_start" and isinstance(obj.get("message"), Mapping):
                u = obj["message"].get("usage")
                self.prompt = _anthropic_prompt(u) or self.prompt
                self.completion = _int(u, "output_tokens") or self.completion
            elif kind == "message_delta" and isinstance(obj.get("usage"), Mapping):
                self.completion = _int(obj.get("usage"), "output_tokens") or self.completion
                self.reported = True

    @property
    def usage(self) -> Usage:
        return Usage(self.prompt, self.completion)
