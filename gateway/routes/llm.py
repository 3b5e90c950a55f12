"""Data plane LLM routes: OpenAI (chat, responses, embeddings, models) and Anthropic (messages)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from gateway.checks.globs import allowed
from gateway.flow import llm
from gateway.flow.respond import gateway_headers, json_response, refusal_from_stop, refusal_response
from gateway.model import Api
from gateway.routes.common import call_from_body, new_call
from gateway.runtime import Gateway
from gateway.upstream.providers import supports


def llm_routes(gw: Gateway) -> list[Route]:
    def endpoint(api: Api):  # type: ignore[no-untyped-def]
        async def handler(request: Request) -> Response:
            call = await call_from_body(gw, request, api)
            if isinstance(call, Response):
                return call
            return await llm.handle(gw, call)

        return handler

    async def models(request: Request) -> Response:
        call = new_call(gw, request, Api.MODELS, "", {})
        rules = gw.rules.current
        result = await gw.runner.run_request(call, rules)
        if result.stop is not None:
            return refusal_response(call, refusal_from_stop(call, result.stop))
        agent = rules.agents[result.call.agent_id or ""]
        wanted = request.path_params.get("model_id")
        data = [
            {"id": name, "object": "model", "created": 0, "owned_by": rule.provider.value}
            for name, rule in rules.models.items()
            if allowed(agent.models, name) and (wanted is None or name == wanted)
            and any(supports(rule.provider, a) for a in (Api.CHAT, Api.EMBEDDINGS, Api.MESSAGES))
        ]
        if wanted is not None:
            if not data:
                return json_response({"error": {"type": "not_found_error", "code": "not-found",
                                                "message": f"No model '{wanted}' for this agent."}},
                                     404, gateway_headers(result.call))
            return json_response(data[0], 200, gateway_headers(result.call))
        return json_response({"object": "list", "data": data}, 200, gateway_headers(result.call))

    return [
        Route("/v1/chat/completions", endpoint(Api.CHAT), methods=["POST"]),
        Route("/v1/responses", endpoint(Api.RESPONSES), methods=["POST"]),
        Route("/v1/embeddings", endpoint(Api.EMBEDDINGS), methods=["POST"]),
        Route("/v1/messages", endpoint(Api.MESSAGES), methods=["POST"]),
        Route("/v1/models", models, methods=["GET"]),
        Route("/v1/models/{model_id:path}", models, methods=["GET"]),
    ]
