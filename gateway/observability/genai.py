"""OpenTelemetry gen_ai semantic-convention attributes of an LLM call (names, counts, never content)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gateway.model import Api

OPERATION = {Api.CHAT: "chat", Api.RESPONSES: "chat", Api.MESSAGES: "chat", Api.EMBEDDINGS: "embeddings"}
# gen_ai.provider.name values; an OpenAI-compatible server is not OpenAI, so it keeps its own name.
PROVIDER = {"openai": "openai", "anthropic": "anthropic", "openai-compatible": "openai_compatible",
            "echo": "wardgate.echo"}
_REQUEST_NUMBERS = (
    ("max_tokens", "gen_ai.request.max_tokens"), ("max_completion_tokens", "gen_ai.request.max_tokens"),
    ("max_output_tokens", "gen_ai.request.max_tokens"), ("temperature", "gen_ai.request.temperature"),
    ("top_p", "gen_ai.request.top_p"), ("seed", "gen_ai.request.seed"),
)


def request_attributes(api: Api, provider: str, upstream_model: str, payload: Mapping[str, Any]) -> dict[str, Any]:
    name = PROVIDER.get(provider, provider)
    attrs: dict[str, Any] = {
        "gen_ai.operation.name": OPERATION.get(api, api.value),
        "gen_ai.provider.name": name,
        "gen_ai.system": name,  # the pre-1.37 name of gen_ai.provider.name, still read by most backends
        "gen_ai.request.model": upstream_model,
    }
    for key, attr in _REQUEST_NUMBERS:
        v = payload.get(key)
        if isinstance(v, int | float) and not isinstance(v, bool):
            attrs[attr] = v
    return attrs


def _str(v: Any) -> str | None:
    return v if isinstance(v, str) and v else None


def response_attributes(api: Api, body: Mapping[str, Any]) -> dict[str, Any]:
    """Model, id and finish reasons of a whole answer."""
    attrs: dict[str, Any] = {}
    if m := _str(body.get("model")):
        attrs["gen_ai.response.model"] = m
    if i := _str(body.get("id")):
        attrs["gen_ai.response.id"] = i
    reasons: list[str] = []
    if api is Api.CHAT:
        choices = body.get("choices")
        if isinstance(choices, list):
            reasons = [r for c in choices if isinstance(c, Mapping) and (r := _str(c.get("finish_reason")))]
    elif api is Api.MESSAGES:
        if r := _str(body.get("stop_reason")):
            reasons = [r]
    elif api is Api.RESPONSES:
        inc = body.get("incomplete_details")
        r = _str(inc.get("reason")) if isinstance(inc, Mapping) else _str(body.get("status"))
        if r:
            reasons = [r]
    if reasons:
        attrs["gen_ai.response.finish_reasons"] = reasons
    return attrs


class StreamAttributes:
    """Collects the response attributes from stream events as they pass (only built when tracing is on)."""

    def __init__(self, api: Api) -> None:
        self.api = api
        self.attrs: dict[str, Any] = {}
        self._reasons: list[str] = []

    def feed(self, obj: Any) -> None:
        if not isinstance(obj, Mapping):
            return
        if self.api is Api.CHAT:
            self._model_id(obj)
            for c in obj.get("choices") or ():
                if isinstance(c, Mapping) and (r := _str(c.get("finish_reason"))):
                    self._reasons.append(r)
        elif self.api is Api.MESSAGES:
            kind = obj.get("type")
            if kind == "message_start" and isinstance(obj.get("message"), Mapping):
                self._model_id(obj["message"])
            elif kind == "message_delta" and isinstance(d := obj.get("delta"), Mapping) and (
                    r := _str(d.get("stop_reason"))):
                self._reasons.append(r)
        elif self.api is Api.RESPONSES:
            resp = obj.get("response")
            if isinstance(resp, Mapping):
                self._model_id(resp)
                if obj.get("type") in ("response.completed", "response.incomplete", "response.failed"):
                    self._reasons = response_attributes(Api.RESPONSES, resp).get(
                        "gen_ai.response.finish_reasons", [])

    def _model_id(self, obj: Mapping[str, Any]) -> None:
        if "gen_ai.response.model" not in self.attrs and (m := _str(obj.get("model"))):
            self.attrs["gen_ai.response.model"] = m
        if "gen_ai.response.id" not in self.attrs and (i := _str(obj.get("id"))):
            self.attrs["gen_ai.response.id"] = i

    def result(self) -> dict[str, Any]:
        if self._reasons:
            return {**self.attrs, "gen_ai.response.finish_reasons": list(self._reasons)}
        return dict(self.attrs)
