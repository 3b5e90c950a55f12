"""Time to first content byte of a short streamed answer: straight from the upstream vs through the gateway.

Starts a streaming upstream (aiohttp, in this process, loopback) that answers `/v1/chat/completions` with a short
clean answer, one token per event (OpenAI-style tokens with their leading space) `--gap-ms` apart, and a
`wardgate serve` with the shipped guards (injection, PII, secrets; `overhead.py`'s temporary rules). For each of
`--n` requests it measures, with httpx, the time from sending the request to the first non-empty content delta,
and to the end of the stream, once direct and once through the gateway.

The gateway releases a word once no guard pattern can still grow across it: the first word goes out when the
next token (with its leading space) arrives, so the expected first-byte delay is about one token gap.

    python bench/stream_ttfb.py                # gap 10 ms, 30 requests each way
    python bench/stream_ttfb.py --gap-ms 25 --n 50 --json
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import threading
import time
from typing import Any

import httpx
from aiohttp import web
from harness import free_port
from targets import gateway
from workload import AGENT_KEY, MODEL

TOKENS = ["The", " build", " passed", ";", " I", " opened", " the", " pull", " request", " and", " asked",
          " Dana", " for", " a", " review", "."]


def _chunk(delta: dict[str, Any], finish: str | None = None) -> bytes:
    obj = {"id": "chatcmpl-ttfb", "object": "chat.completion.chunk", "created": 1, "model": MODEL,
           "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
    return b"data: " + json.dumps(obj, separators=(",", ":")).encode() + b"\n\n"


def serve_upstream(port: int, gap_s: float) -> threading.Event:
    ready = threading.Event()

    async def chat(request: web.Request) -> web.StreamResponse:
        await request.read()
        resp = web.StreamResponse(headers={"content-type": "text/event-stream"})
        await resp.prepare(request)
        await resp.write(_chunk({"role": "assistant", "content": ""}))
        for i, tok in enumerate(TOKENS):
            if i:
                await asyncio.sleep(gap_s)
            await resp.write(_chunk({"content": tok}))
        await resp.write(_chunk({}, "stop"))
        usage = {"id": "chatcmpl-ttfb", "object": "chat.completion.chunk", "created": 1, "model": MODEL,
                 "choices": [], "usage": {"prompt_tokens": 9, "completion_tokens": len(TOKENS)}}
        await resp.write(b"data: " + json.dumps(usage).encode() + b"\n\ndata: [DONE]\n\n")
        return resp

    async def main() -> None:
        app = web.Application()
        app.router.add_post("/v1/chat/completions", chat)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", port).start()
        ready.set()
        await asyncio.Event().wait()

    threading.Thread(target=lambda: asyncio.run(main()), daemon=True).start()
    return ready


def one(client: httpx.Client, url: str) -> tuple[float, float, str]:
    body = {"model": MODEL, "stream": True, "messages": [{"role": "user", "content": "status?"}]}
    t0 = time.perf_counter()
    first, text = None, ""
    with client.stream("POST", url, json=body, headers={"authorization": f"Bearer {AGENT_KEY}"}) as r:
        for line in r.iter_lines():
            if not line.startswith("data: {"):
                continue
            obj = json.loads(line[6:])
            piece = "".join((c.get("delta") or {}).get("content") or "" for c in obj.get("choices") or [])
            if piece and first is None:
                first = time.perf_counter() - t0
            text += piece
    assert first is not None, "no content arrived"
    return first * 1000, (time.perf_counter() - t0) * 1000, text


def summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {"p50": round(statistics.median(ordered), 2), "p95": round(ordered[int(0.95 * (len(ordered) - 1))], 2)}


def run(args: argparse.Namespace) -> dict[str, Any]:
    up_port = free_port()
    if not serve_upstream(up_port, args.gap_ms / 1000).wait(10):
        raise SystemExit("the upstream did not start")
    out: dict[str, Any] = {"gap_ms": args.gap_ms, "n": args.n, "answer_chars": len("".join(TOKENS))}
    with gateway(up_port, None, guards=True) as (gw_port, _proc), httpx.Client(timeout=30) as client:
        targets = {"upstream": f"http://127.0.0.1:{up_port}/v1/chat/completions",
                   "gateway": f"http://127.0.0.1:{gw_port}/v1/chat/completions"}
        for name, url in targets.items():
            one(client, url)  # warm-up (connections, first-use code paths)
            firsts, lasts = [], []
            for _ in range(args.n):
                first, last, text = one(client, url)
                assert text == "".join(TOKENS), text
                firsts.append(first)
                lasts.append(last)
            out[name] = {"first_content_ms": summary(firsts), "complete_ms": summary(lasts)}
    out["first_content_added_ms_p50"] = round(out["gateway"]["first_content_ms"]["p50"]
                                              - out["upstream"]["first_content_ms"]["p50"], 2)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--gap-ms", type=float, default=10.0, help="time between two upstream tokens")
    p.add_argument("--n", type=int, default=30, help="requests per target")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    result = run(args)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"short answer ({result['answer_chars']} chars, {len(TOKENS)} tokens {args.gap_ms:g} ms apart), "
          f"{args.n} requests each")
    for name in ("upstream", "gateway"):
        r = result[name]
        print(f"  {name:9} first content p50 {r['first_content_ms']['p50']:7.2f} ms  p95 "
              f"{r['first_content_ms']['p95']:7.2f} ms   complete p50 {r['complete_ms']['p50']:7.2f} ms")
    print(f"  added to the first content byte (p50): {result['first_content_added_ms_p50']:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
