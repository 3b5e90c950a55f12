"""How each provider kind is addressed: URL, auth headers and body for an API call."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gateway.config.models_file import ProviderKind
from gateway.config.ruleset import ModelRoute
from gateway.model import Api

_OPENAI_PATHS = {Api.CHAT: "/chat/completions", Api.RESPONSES: "/responses", Api.EMBEDDINGS: "/embeddings"}
_OPENAI_KINDS = frozenset({ProviderKind.OPENAI, ProviderKind.OPENAI_COMPATIBLE})
# Client headers worth passing to Anthropic unchanged (API version and beta features).
_ANTHROPIC_PASS = ("anthropic-version", "anthropic-beta")
_TRACE_CONTEXT = ("traceparent", "tracestate")


@dataclass(frozen=True, slots=True)
class UpstreamCall:
    url: str
    headers: dict[str, str]
    body: bytes


def supports(kind: ProviderKind, api: Api) -> bool:
    if kind is ProviderKind.ECHO:
        return True
    if kind in _OPENAI_KINDS:
        return api in _OPENAI_PATHS
    return api is Api.MESSAGES


def build_upstream_call(
    route: ModelRoute, api: Api, payload: Mapping[str, Any], client_headers: Mapping[str, str]
) -> UpstreamCall:
    rule = route.rule
    body = dict(payload)
    body["model"] = route.upstream_model
    headers = {"content-type": "application/json", "accept": "application/json", **rule.headers}
    base = (rule.base_url or "").rstrip("/")
    if rule.provider in _OPENAI_KINDS:
        if api is Api.CHAT and body.get("stream"):
            # Usage must come back in the stream to settle budgets; stripped again if the client did not ask.
            body["stream_options"] = {**(body.get("stream_options") or {}), "include_usage": True}
        if rule.api_key:
            headers["authorization"] = f"Bearer {rule.api_key}"
        url = base + _OPENAI_PATHS[api]
    else:
        if rule.api_key:
            headers["x-api-key"] = rule.api_key
        headers["anthropic-version"] = "2023-06-01"
        for name in _ANTHROPIC_PASS:
            if name in client_headers:
                headers[name] = client_headers[name]
        url = base + "/v1/messages"
    if body.get("stream"):
        headers["accept"] = "text/event-stream"
    # The agent's W3C trace context goes on upstream as it came (with tracing on, the client replaces it
    # with the gateway span's own context, whose parent is the agent's).
    for name in _TRACE_CONTEXT:
        if name in client_headers:
            headers[name] = client_headers[name]
    return UpstreamCall(url, headers, json.dumps(body, separators=(",", ":")).encode())
