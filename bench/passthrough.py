"""The floor of this stack: a pass-through with no checks at all, for `overhead.py`'s side-by-side run.

The same server stack as the gateway's data plane (FastAPI container, one Starlette route, uvicorn with
httptools and uvloop) and the same upstream client (one pooled `aiohttp.ClientSession`): read the body,
forward it to the upstream, return its answer, streamed answers chunk by chunk as they arrive.

    python bench/passthrough.py --upstream http://127.0.0.1:PORT --port N
"""

from __future__ import annotations

import argparse
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import uvicorn
from fastapi import FastAPI
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route


def app(upstream: str) -> FastAPI:
    url = f"{upstream}/v1/chat/completions"
    headers = {"content-type": "application/json", "authorization": "Bearer sk-bench"}
    state: dict[str, Any] = {}

    def session() -> aiohttp.ClientSession:
        if "s" not in state:
            state["s"] = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=512))
        s: aiohttp.ClientSession = state["s"]
        return s

    async def chat(request: Request) -> Response:
        body = await request.body()
        resp = await session().post(url, data=body, headers=headers)
        if resp.content_type != "text/event-stream":
            data = await resp.read()
            resp.release()
            return Response(data, resp.status, media_type="application/json")

        async def chunks() -> AsyncIterator[bytes]:
            try:
                async for chunk in resp.content.iter_any():
                    yield chunk
            finally:
                resp.release()

        return StreamingResponse(chunks(), resp.status, media_type="text/event-stream")

    async def ready(request: Request) -> Response:
        return Response(b"ok")

    a = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    a.router.routes += [Route("/v1/chat/completions", chat, methods=["POST"]), Route("/readyz", ready)]
    return a


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--upstream", required=True)
    p.add_argument("--port", type=int, required=True)
    args = p.parse_args()
    uvicorn.run(app(args.upstream), host="127.0.0.1", port=args.port, loop="uvloop", http="httptools",
                access_log=False, log_level="warning")


if __name__ == "__main__":
    main()
