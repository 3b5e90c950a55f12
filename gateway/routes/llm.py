"""Data plane LLM routes: OpenAI (chat, responses, embeddings, models) and Anthropic (messages)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from gateway.config.agents_file import allowed
from gateway.config.models_file import ProviderKind
from gateway.errors import Reason, Refusal
from gateway.flow import llm
from gateway.flow.catalogue import authorize_read
from gateway.flow.client_gone import gone_from
from gateway.flow.respond import gateway_headers, json_response, refusal_response
from gateway.model import Api
from gateway.routes.common import call_from_body, new_call
from gateway.runtime import Gateway
from gateway.upstream.providers import supports


def _listable(provider: ProviderKind) -> bool:
    return any(supports(provider, a) for a in (Api.CHAT, Api.EMBEDDINGS, Api.MESSAGES))


def _model(name: str, owner: str) -> dict[str, Any]:
    return {"id": name, "object": "model", "created": 0, "owned_by": owner}


def llm_routes(gw: Gateway) -> list[Route]:
    def endpoint(api: Api):  # type: ignore[no-untyped-def]
        async def handler(request: Request) -> Response:
            call = await call_from_body(gw, request, api)
            if isinstance(call, Response):
                return call
            return await llm.handle(gw, call, gone_from(request.receive))

        return handler

    async def models(request: Request) -> Response:
        wanted = request.path_params.get("model_id")
        call = new_call(gw, request, Api.MODELS, f"models/{wanted}" if wanted else "models", {})
        read = await authorize_read(gw, call, "rest")
        if read.refusal is not None:
            return refusal_response(call, read.refusal)
        rules, c = read.rules, read.call
        agent = rules.agents[c.agent_id or ""]
        if wanted is not None:
            # Any name the agent may use, including one a glob answers (`claude-*`).
            route = rules.resolve_model(wanted)
            if route is None or not allowed(agent.models, wanted) or not _listable(route.rule.provider):
                refusal = Refusal(Reason.NOT_FOUND, f"No model '{wanted}' for this agent.", None, c.id)
                read.record(gw, refusal.status, refusal)
                return refusal_response(c, refusal)
            read.record(gw, 200)
            return json_response(_model(wanted, route.rule.provider.value), 200, gateway_headers(c))
        data = [_model(name, rule.provider.value) for name, rule in rules.models.items()
                if allowed(agent.models, name) and _listable(rule.provider)]
        read.record(gw, 200)
        return json_response({"object": "list", "data": data}, 200, gateway_headers(c))

    return [
        Route("/v1/chat/completions", endpoint(Api.CHAT), methods=["POST"]),
        Route("/v1/responses", endpoint(Api.RESPONSES), methods=["POST"]),
        Route("/v1/embeddings", endpoint(Api.EMBEDDINGS), methods=["POST"]),
        Route("/v1/messages", endpoint(Api.MESSAGES), methods=["POST"]),
        Route("/v1/models", models, methods=["GET"]),
        Route("/v1/models/{model_id:path}", models, methods=["GET"]),
    ]
