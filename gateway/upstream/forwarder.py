"""Sends an admitted LLM call to its model's provider (or answers it in-process for `echo`)."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from gateway.config.models_file import ProviderKind
from gateway.config.ruleset import ModelRoute
from gateway.errors import Reason
from gateway.model import Api
from gateway.upstream import echo
from gateway.upstream.client import UpstreamClient, UpstreamFault, UpstreamResponse, UpstreamStream, is_redirect
from gateway.upstream.providers import build_upstream_call


@dataclass(frozen=True, slots=True)
class Answer:
    """A complete upstream answer: either a parsed JSON body (2xx) or the provider's own error."""

    status: int
    body: Mapping[str, Any] | None
    raw: bytes
    headers: Mapping[str, str]
    answered_by: str
    upstream_ms: float
    attempts: tuple[dict[str, Any], ...] = ()  # every try (retries, fallbacks), in order


def parse_answer(resp: UpstreamResponse, answered_by: str) -> Answer:
    """Decode a 2xx JSON body; a 5xx or undecodable 2xx is an upstream fault; a 4xx is kept as is."""
    if resp.status >= 500 or is_redirect(resp.status):
        raise UpstreamFault(Reason.UPSTREAM_ERROR, f"upstream answered HTTP {resp.status}")
    if resp.status >= 400:
        return Answer(resp.status, None, resp.body, resp.headers, answered_by, resp.elapsed_ms)
    try:
        body = json.loads(resp.body)
    except ValueError as exc:
        raise UpstreamFault(Reason.UPSTREAM_ERROR, "upstream answered with malformed JSON") from exc
    if not isinstance(body, dict):
        raise UpstreamFault(Reason.UPSTREAM_ERROR, "upstream answered with a JSON value that is not an object")
    return Answer(resp.status, body, resp.body, resp.headers, answered_by, resp.elapsed_ms)


async def _replay(events: list[bytes]) -> AsyncIterator[bytes]:
    for e in events:
        yield e


class Forwarder:
    def __init__(self, client: UpstreamClient) -> None:
        self.client = client

    async def send(
        self, route: ModelRoute, api: Api, payload: Mapping[str, Any], headers: Mapping[str, str],
        call_id: str | None = None,
    ) -> Answer:
        if route.rule.provider is ProviderKind.ECHO:
            body = echo.respond(api, route.upstream_model, payload)
            return Answer(200, body, b"", {}, route.name, 0.0)
        up = build_upstream_call(route, api, payload, headers)
        resp = await self.client.request("POST", up.url, up.headers, up.body, route.rule.timeout_s)
        return parse_answer(resp, route.name)

    @asynccontextmanager
    async def stream(
        self, route: ModelRoute, api: Api, payload: Mapping[str, Any], headers: Mapping[str, str],
        call_id: str | None = None,
    ) -> AsyncIterator[UpstreamStream]:
        if route.rule.provider is ProviderKind.ECHO:
            events = echo.stream_events(api, route.upstream_model, payload)
            yield UpstreamStream(200, {"content-type": "text/event-stream"}, _replay(events), time.perf_counter())
            return
        up = build_upstream_call(route, api, payload, headers)
        async with self.client.stream("POST", up.url, up.headers, up.body, route.rule.timeout_s) as st:
            if st.status >= 500 or is_redirect(st.status):
                raise UpstreamFault(Reason.UPSTREAM_ERROR, f"upstream answered HTTP {st.status}")
            yield st
