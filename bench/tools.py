"""Tool-call overhead: permission + schema + result checks per call, and gateway vs direct call (p50).

    .venv/bin/python bench/tools.py [--n 2000]

Runs the example tool upstream and a gateway on loopback (127.0.0.1, port 0); prints the pure check
cost (in-process, no I/O) and the end-to-end p50 of `tickets.get` direct vs through `/v1/tools/.../invoke`.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gateway.model import Action
from gateway.tools.permission import explain, first_error, schema_verdict, tool_permission
from tests.support.gateway import AGENT_KEY, start_gateway
from tests.support.upstream import FakeUpstream
from tests.tools.support import RunningUpstream, write


def pure_checks_us(gw_rules: object, n: int) -> float:
    rules = gw_rules
    args = {"title": "Broken login", "customer": {"email": "a@example.com"}}
    result = {"id": "T-1", "status": "open"}
    tool = rules.tools.get("tickets.create")  # type: ignore[attr-defined]
    agent = rules.agents["tester"]  # type: ignore[attr-defined]
    t0 = time.perf_counter()
    for _ in range(n):
        v = tool_permission("tester", agent, None, "tickets.create", args, rules.tools)  # type: ignore[attr-defined]
        assert v.action is Action.CONTINUE
        assert schema_verdict(tool, args).action is Action.CONTINUE
        err = first_error(tool.output_validator, result)
        assert err is None or explain(err)
    return (time.perf_counter() - t0) / n * 1e6


async def p50_ms(url: str, headers: dict[str, str], body: dict[str, object], n: int) -> float:
    async with httpx.AsyncClient() as c:
        for _ in range(50):
            await c.post(url, json=body, headers=headers)
        samples = []
        for _ in range(n):
            t0 = time.perf_counter()
            r = await c.post(url, json=body, headers=headers)
            samples.append((time.perf_counter() - t0) * 1000)
            assert r.status_code == 200, r.text
        return statistics.median(samples)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--n", type=int, default=2000)
    a = p.parse_args()
    tools_up, llm_up = RunningUpstream(), FakeUpstream().start()
    with tempfile.TemporaryDirectory() as tmp:
        rules, tools = write(Path(tmp), llm_up.url, tools_up.url, tools_up.state)
        gw = start_gateway(rules, Path(tmp) / "state", tools_dir=tools)
        try:
            tools_up.state.tickets["T-1"] = {"id": "T-1", "status": "open"}
            print(f"pure permission+schema+result checks: {pure_checks_us(gw.gw.rules.current, a.n * 10):.1f} µs/call")
            direct = asyncio.run(p50_ms(f"{tools_up.url}/tickets/get", {}, {"id": "T-1"}, a.n))
            # Distinct run ids so loop protection does not stop the benchmark.
            via = asyncio.run(p50_ms(f"{gw.url}/v1/tools/tickets.get/invoke",
                                     {"authorization": f"Bearer {AGENT_KEY}"}, {"arguments": {"id": "T-1"}}, a.n))
            print(f"direct p50: {direct:.3f} ms   via gateway p50: {via:.3f} ms   overhead: {via - direct:.3f} ms")
        finally:
            gw.stop()
            tools_up.stop()
            llm_up.stop()


if __name__ == "__main__":
    main()
