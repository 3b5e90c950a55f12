"""Which upstream HTTP client should the gateway use? A pass-through app measured with three clients.

The same minimal app (FastAPI container, one Starlette route, uvicorn with httptools and uvloop, as
the gateway's data plane) forwards `POST /v1/chat/completions` to the mock upstream with:

  aiohttp        one pooled `aiohttp.ClientSession` (what `gateway/upstream/client.py` uses)
  httpx          `httpx.AsyncClient` with its default transport (httpcore connection pool)
  httpx-aiohttp  `httpx.AsyncClient(transport=httpx_aiohttp.AiohttpTransport(...))`

Each app runs pinned to one core; wrk and the mock upstream share the other. Reported: requests/s,
p50/p99 and the app's CPU time per request (from /proc), non-streamed, 1 KB agent-like body.

    python bench/client_choice.py [--duration 8] [--conc 16] [--json]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from harness import ensure_wrk, free_port, mock_upstream, pin, proc_cpu_s, served
from workload import agent_body
from wrk_cells import run_wrk

CLIENTS = ("aiohttp", "httpx", "httpx-aiohttp")


def _app(client: str, upstream: str) -> Any:
    """The pass-through app: read the body, forward it, return the upstream's answer as is."""
    from fastapi import FastAPI
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    url = f"{upstream}/v1/chat/completions"
    headers = {"content-type": "application/json", "authorization": "Bearer sk-bench"}
    state: dict[str, Any] = {}

    if client == "aiohttp":
        import aiohttp

        async def forward(body: bytes) -> tuple[int, bytes]:
            if "s" not in state:
                state["s"] = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=512))
            async with state["s"].post(url, data=body, headers=headers) as r:
                return r.status, await r.read()
    else:
        import httpx

        async def forward(body: bytes) -> tuple[int, bytes]:
            if "c" not in state:
                limits = httpx.Limits(max_connections=512, max_keepalive_connections=512)
                if client == "httpx":
                    state["c"] = httpx.AsyncClient(limits=limits, timeout=30)
                else:
                    import httpx_aiohttp

                    state["c"] = httpx.AsyncClient(transport=httpx_aiohttp.AiohttpTransport(), timeout=30)
            r = await state["c"].post(url, content=body, headers=headers)
            return r.status_code, r.content

    async def chat(request: Request) -> Response:
        status, data = await forward(await request.body())
        return Response(data, status, media_type="application/json")

    async def health(request: Request) -> Response:
        return Response(b"ok")

    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    app.router.routes += [Route("/v1/chat/completions", chat, methods=["POST"]), Route("/readyz", health)]
    return app


def serve(client: str, port: int, upstream: str) -> None:
    import asyncio

    import uvicorn
    import uvloop

    config = uvicorn.Config(_app(client, upstream), host="127.0.0.1", port=port, log_level="warning",
                            access_log=False, loop="none", http="httptools", lifespan="off")
    uvloop.install()
    asyncio.run(uvicorn.Server(config).serve())


@contextlib.contextmanager
def app_process(client: str, upstream_port: int, core: int) -> Iterator[tuple[int, subprocess.Popen[bytes]]]:
    port = free_port()
    cmd = [*pin(core), sys.executable, __file__, "--serve", client, "--port", str(port),
           "--upstream", f"http://127.0.0.1:{upstream_port}"]
    with served(cmd, f"http://127.0.0.1:{port}/readyz", 20) as proc:
        yield port, proc


def available(client: str) -> bool:
    mod = {"aiohttp": "aiohttp", "httpx": "httpx", "httpx-aiohttp": "httpx_aiohttp"}[client]
    try:
        __import__(mod)
    except ImportError:
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Pass-through throughput with aiohttp, httpx and httpx-aiohttp.")
    p.add_argument("--serve", choices=CLIENTS, help=argparse.SUPPRESS)
    p.add_argument("--port", type=int, help=argparse.SUPPRESS)
    p.add_argument("--upstream", help=argparse.SUPPRESS)
    p.add_argument("--duration", type=float, default=8.0)
    p.add_argument("--warmup", type=float, default=2.0)
    p.add_argument("--conc", type=int, default=16)
    p.add_argument("--rounds", type=int, default=1, help="repeat the three clients this many times (interleaved)")
    p.add_argument("--app-core", type=int, default=0)
    p.add_argument("--load-core", type=int, default=1)
    p.add_argument("--json", action="store_true")
    a = p.parse_args(argv)
    if a.serve:
        serve(a.serve, a.port, a.upstream)
        return 0
    wrk = ensure_wrk()
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="wardgate-bench-") as tmp, mock_upstream(a.load_core) as (up, _):
        body = Path(tmp) / "body.json"
        body.write_bytes(agent_body(1024, stream=False))
        for rnd in range(a.rounds):
            for client in CLIENTS:
                if not available(client):
                    rows.append({"client": client, "round": rnd, "skipped": "not installed"})
                    continue
                with app_process(client, up, a.app_core) as (port, proc):
                    url = f"http://127.0.0.1:{port}/v1/chat/completions"
                    run_wrk(wrk, url, body, a.conc, a.warmup, a.load_core)
                    cpu0 = proc_cpu_s(proc.pid)
                    r = run_wrk(wrk, url, body, a.conc, a.duration, a.load_core)
                    cpu = proc_cpu_s(proc.pid) - cpu0
                n = max(r["requests"], 1)
                rows.append({"client": client, "round": rnd, "rps": round(n / (r["duration_us"] / 1e6), 1),
                             "p50_ms": r["lat_us"]["p50"] / 1000, "p99_ms": r["lat_us"]["p99"] / 1000,
                             "cpu_ms_per_req": round(cpu * 1000 / n, 3), "errors": sum(r["errors"].values())})
    if a.json:
        print(json.dumps({"conc": a.conc, "duration_s": a.duration, "loadavg": os.getloadavg(), "rows": rows}))
        return 0
    print(f"# c={a.conc}, {a.duration:g}s per client, 1 KB body, non-streamed; load {os.getloadavg()}")
    print(f"{'client':<14} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'cpu/req ms':>10} {'err':>4}")
    for row in rows:
        if "skipped" in row:
            print(f"{row['client']:<14} skipped: {row['skipped']}")
        else:
            print(f"{row['client']:<14} {row['rps']:>8.0f} {row['p50_ms']:>7.2f} {row['p99_ms']:>7.2f} "
                  f"{row['cpu_ms_per_req']:>10.3f} {row['errors']:>4}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
