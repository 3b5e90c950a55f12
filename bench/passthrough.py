"""The floor of this stack: a pass-through with no checks at all, for `overhead.py`'s side-by-side run.

The same server stack as the gateway's data plane (FastAPI container, one Starlette route, uvicorn with
httptools and uvloop) and the same upstream client (one pooled `aiohttp.ClientSession`): read the body,
forward it to the upstream, return its answer, streamed answers chunk by chunk as they arrive.

    python bench/passthrough.py --upstream http://127.0.0.1:PORT --port N [--server granian]

`--server granian` serves the same app with granian (ASGI interface, one worker, uvloop) instead of uvicorn, to
compare the two servers on the same app (`overhead.py --granian`); granian is not a dependency of the gateway:
install it into the venv to measure.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import AsyncIterator
from pathlib import Path
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


def app_from_env() -> FastAPI:
    """granian imports its app by name: the upstream comes from the environment."""
    return app(os.environ["PASSTHROUGH_UPSTREAM"])


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--upstream", required=True)
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--server", choices=("uvicorn", "granian"), default="uvicorn")
    args = p.parse_args()
    if args.server == "granian":
        from granian.constants import Interfaces, Loops
        from granian.server import Server

        os.environ["PASSTHROUGH_UPSTREAM"] = args.upstream
        Server("passthrough:app_from_env", address="127.0.0.1", port=args.port, interface=Interfaces.ASGI,
               workers=1, loop=Loops.uvloop, factory=True, log_enabled=False, working_dir=Path(__file__).parent,
               ).serve()
        return
    uvicorn.run(app(args.upstream), host="127.0.0.1", port=args.port, loop="uvloop", http="httptools",
                access_log=False, log_level="warning")


if __name__ == "__main__":
    main()
