"""Does a long conversation cost only its new content? Gateway CPU per request, sequentially, shipped rules:

* `1KB`: the same 1 KB agent body each time (everything cached);
* `1KB, one new message`: a short conversation plus a new ~1 KB user message each time (the baseline: what the
  new message alone costs);
* `32KB, one new message`: a 32 KB conversation that grows by one new ~1 KB user message per request (each
  earlier message was already scanned: the guard cache keys each text by its content);
* `32KB, all new`: a 32 KB conversation whose every message is new each time (nothing cached).

The mock upstream answers at once; the gateway runs on its own core. What the second case adds over the first is
what a long history costs beyond its new message (parsing and hashing the whole body, per-message work).

    python bench/conversation_cost.py [--requests 300]
"""

from __future__ import annotations

import argparse
import json
import os
import uuid

import httpx
from harness import mock_upstream, proc_cpu_s
from targets import gateway
from workload import AGENT_KEY, MODEL, agent_body


def grown(base: dict[str, object], i: int, salt: str) -> bytes:
    """The conversation plus request i's new user message (text that was never sent before)."""
    note = f"Request {i} ({salt}): please also look at part {i} of the refund handler and the retries there. " * 12
    messages = [*base["messages"], {"role": "user", "content": note}]  # type: ignore[misc]
    return json.dumps({**base, "messages": messages}, separators=(",", ":")).encode()


def measure(port: int, pid: int, bodies: list[bytes]) -> float:
    """Gateway CPU ms per request over `bodies`, sent one after another."""
    def headers() -> dict[str, str]:  # a run per request: the shipped agent caps the calls of one run
        return {"authorization": f"Bearer {AGENT_KEY}", "content-type": "application/json",
                "x-wardgate-run-id": f"conv-{uuid.uuid4().hex[:12]}"}

    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
        client.post("/v1/chat/completions", content=bodies[0], headers=headers()).raise_for_status()  # warm
        cpu0 = proc_cpu_s(pid)
        for body in bodies[1:]:
            r = client.post("/v1/chat/completions", content=body, headers=headers())
            assert r.status_code == 200, r.text[:200]
        return (proc_cpu_s(pid) - cpu0) * 1000 / (len(bodies) - 1)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--requests", type=int, default=300)
    n = p.parse_args().requests
    print(f"# bench/conversation_cost.py  load {os.getloadavg()[0]:.2f}  {n} sequential requests per case, "
          f"model {MODEL}")
    small = agent_body(1024, False)
    long_base = json.loads(agent_body(32 * 1024, False))
    with mock_upstream(1) as (up_port, _), gateway(up_port, 0) as (port, proc):
        small_base = json.loads(small)
        small_base["messages"] = small_base["messages"][:-1]
        cases = {
            "1KB": [small] * n,
            "1KB, one new message": [grown(small_base, i, "s") for i in range(n)],
            "32KB, one new message": [grown(long_base, i, "a") for i in range(n)],
            "32KB, all new": [],
        }
        fresh = []
        for i in range(n):  # every message new: each earlier text gets a marker the cache has never seen
            salt = uuid.uuid4().hex[:6]
            msgs = [{**m, "content": f"[{salt}] {m['content']}"} if isinstance(m.get("content"), str) else m
                    for m in long_base["messages"]]
            fresh.append(grown({**long_base, "messages": msgs}, i, salt))
        cases["32KB, all new"] = fresh
        for name, bodies in cases.items():
            print(f"{name:24} {measure(port, proc.pid, bodies):7.3f} ms CPU per request "
                  f"(body {len(bodies[-1]) / 1024:.1f} KB)")


if __name__ == "__main__":
    main()
