"""Per-event costs of the stream path that issue 14 names: writing a rewritten SSE chunk (orjson against the standard
library's `json.dumps` with separators) and the malformed-stream check (a byte prefix against a split and a scan).

    python bench/sse_costs.py [--calls 200000]
"""

from __future__ import annotations

import argparse
import json
import os
import timeit

from gateway.flow.pipeline import _SSE_FIELDS
from gateway.upstream.sse import encode, parse_event

CHUNK = (
    b'data: {"id":"chatcmpl-abc123","object":"chat.completion.chunk","created":1733400000,"model":"gpt-4o-mini",'
    b'"choices":[{"index":0,"delta":{"content":" token"},"finish_reason":null}]}\n\n'
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--calls", type=int, default=200_000)
    n = ap.parse_args().calls
    obj = parse_event(CHUNK).obj
    cases = {
        "encode, orjson (shipped)": lambda: encode(obj),
        "encode, json.dumps with separators": lambda: f"data: {json.dumps(obj, separators=(',', ':'))}\n\n".encode(),
        "check, byte prefix first (shipped)": lambda: (
            CHUNK.startswith(_SSE_FIELDS) or any(line.startswith(_SSE_FIELDS) for line in CHUNK.split(b"\n") if line)
        ),
        "check, split and scan": lambda: any(line.startswith(_SSE_FIELDS) for line in CHUNK.split(b"\n") if line),
    }
    print(f"# bench/sse_costs.py  {len(CHUNK)}-byte chat chunk  load {os.getloadavg()[0]:.2f}  {n} calls each")
    for name, fn in cases.items():
        print(f"{name:40} {timeit.timeit(fn, number=n) / n * 1e6:.3f} us")


if __name__ == "__main__":
    main()
