"""Limits benchmark: what rate limit + budget + breaker checks cost per call, and req/s with them on vs off.

1. Per call (in this process, no HTTP): the rate-limit check (two limits), the budget check (reserve), the
   breaker's admission and outcome, and the finish phase (budget settlement, token-limit correction) for one
   LLM call; p50/p95 over many calls. Embedded (in-memory counters + the journal budget ledger, the default), all in
   memory, and with Redis on loopback (`--redis`, else WARDGATE_TEST_REDIS_URL).
2. req/s (`--rps`): `wardgate serve` in front of bench/mock_upstream.py driven by wrk (as bench/overhead.py
   does), 1 KB agent-like body, c=16, with the checks off (no limits, no budget) vs on (embedded) vs on with
   Redis.

    python bench/limit_checks.py                   # per-call costs (about 20 s)
    python bench/limit_checks.py --rps             # + req/s on vs off (about 1 min)
    python bench/limit_checks.py --redis redis://127.0.0.1:6379/15
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

# This file's directory must not shadow the `limits` library the gateway imports.
HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.append(str(HERE))  # last: overhead.py's own imports (harness) resolve, nothing shadows a library
_spec = importlib.util.spec_from_file_location("overhead", HERE / "overhead.py")
assert _spec is not None and _spec.loader is not None
overhead = importlib.util.module_from_spec(_spec)  # the wrk / mock upstream machinery
sys.modules["overhead"] = overhead
_spec.loader.exec_module(overhead)

from gateway.config.holder import RulesHolder  # noqa: E402
from gateway.limits.breaker_state import Admit  # noqa: E402
from gateway.limits.service import Limits, build_limits, in_memory  # noqa: E402
from gateway.model import Api, Call, Principal  # noqa: E402
from gateway.settings import Settings  # noqa: E402
from gateway.trace.events import CallRecord, Outcome  # noqa: E402

TARGET_IN_PROCESS_MS = 0.2
TARGET_REDIS_MS = 1.0
LIMITS_YAML = """
    limits:
      - {key: [agent, model], requests: 100000000, per: minute}
      - {key: [agent], tokens: 1000000000000, per: hour}
    budget: {tokens: 1000000000000, cost_usd: 1000000, llm_calls: 100000000}
"""


def write_rules(root: Path, upstream_port: int, with_limits: bool) -> Path:
    rules = root / "rules"
    rules.mkdir(parents=True, exist_ok=True)
    (rules / "models.yaml").write_text(
        "models:\n"
        f"  {overhead.MODEL}:\n"
        "    provider: openai\n"
        f"    base_url: http://127.0.0.1:{upstream_port}/v1\n"
        "    api_key: sk-bench\n"
        "    price: {input_per_mtok: 0.15, output_per_mtok: 0.60}\n"
        "    timeout_s: 30\n")
    (rules / "agents.yaml").write_text(
        "agents:\n  bench:\n"
        f"    keys: [{{value: {overhead.AGENT_KEY}}}]\n"
        f'    models: {{allow: ["{overhead.MODEL}"]}}\n' + (LIMITS_YAML if with_limits else ""))
    (root / "tools").mkdir(exist_ok=True)
    return rules


# ---------------------------------------------------------------- 1. per call, in process

def _call(i: int, run: str) -> Call:
    payload = {"model": overhead.MODEL, "max_tokens": 256, "messages": [
        {"role": "system", "content": "You are a helpful agent." * 10},
        {"role": "user", "content": "Summarise the failing tests and propose a fix." * 5}]}
    return Call(id=f"c{i}", run_id=run, api=Api.CHAT, target=overhead.MODEL, payload=payload,
                received_at=time.time(), principal=Principal("bench"))


async def per_call(limits: Limits, rules_dir: Path, n: int) -> dict[str, float]:
    rules = RulesHolder(rules_dir, rules_dir.parent / "tools", {}).current
    route = rules.resolve_model(overhead.MODEL)
    assert route is not None
    rate, budget = limits.rate_check(), limits.budget_check()
    run = f"bench-{uuid.uuid4().hex[:8]}"
    totals: list[float] = []
    checks: list[float] = []
    for i in range(n + 200):
        call = _call(i, run)
        t0 = time.perf_counter()
        v1 = await rate.on_request(call, rules)
        v2 = await budget.on_request(call, rules)
        b = limits.breakers.get(route.name, route.rule.breaker)
        # As the forwarder does: the admission taken with the checks (Redis mode), else the breaker's own.
        adm = await limits.breakers.claim(call.id, route.name) or await b.enter(30.0)
        t1 = time.perf_counter()
        await b.record(adm.admit, False)
        await limits.finish(CallRecord(
            call_id=call.id, run_id=run, agent_id="bench", api="chat", target=overhead.MODEL,
            started_at=call.received_at, duration_ms=1.0, status=200, outcome=Outcome.OK, revision="r",
            prompt_tokens=120, completion_tokens=80, cost_usd=0.0001))
        elapsed = time.perf_counter() - t0
        assert v1.reason is None and v2.reason is None and adm.admit is Admit.PASS, (v1, v2, adm)
        if i >= 200:  # warm-up excluded
            totals.append(elapsed * 1000)
            checks.append((t1 - t0) * 1000)
    totals.sort()
    checks.sort()
    return {"checks_p50_ms": statistics.median(checks), "checks_p95_ms": checks[int(len(checks) * 0.95)],
            "p50_ms": statistics.median(totals), "p95_ms": totals[int(len(totals) * 0.95)]}


async def per_call_all(redis_url: str | None, n: int) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="wardgate-bench-limits-") as tmp:
        rules_dir = write_rules(Path(tmp), 9, with_limits=True)
        mem = in_memory()
        out["in process, all in memory"] = await per_call(mem, rules_dir, n)
        await mem.close()
        embedded = build_limits(Settings(state_dir=Path(tmp) / "state"))
        out["in process, journal ledger (default)"] = await per_call(embedded, rules_dir, n)
        await embedded.close()
        if redis_url:
            prefix = f"wgbench:{uuid.uuid4().hex[:8]}:"
            shared = build_limits(Settings(state_dir=Path(tmp) / "state2", redis_url=redis_url,
                                           redis_prefix=prefix))
            try:
                out["Redis on loopback"] = await per_call(shared, rules_dir, n)
            finally:
                assert shared.redis is not None
                keys = [k async for k in shared.redis.scan_iter(match=prefix + "*")]
                if keys:
                    await shared.redis.delete(*keys)
                await shared.close()
    return out


# ---------------------------------------------------------------- 2. req/s on vs off

@contextlib.contextmanager
def serve(upstream_port: int, with_limits: bool, redis_url: str | None,
          core: int | None) -> Iterator[int]:
    with tempfile.TemporaryDirectory(prefix="wardgate-bench-") as tmp:
        root = Path(tmp)
        rules = write_rules(root, upstream_port, with_limits)
        port, admin = overhead._free_port(), overhead._free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("WARDGATE_")}
        env.update(WARDGATE_LOG_LEVEL="warning", WARDGATE_ADMIN_TOKEN="bench-admin-token")
        prefix = f"wgbench:{uuid.uuid4().hex[:8]}:"
        if redis_url:
            env.update(WARDGATE_REDIS_URL=redis_url, WARDGATE_REDIS_PREFIX=prefix)
        cmd = [*overhead._pin(core), *overhead._wardgate_cmd(), "serve", "--host", "127.0.0.1", "--port",
               str(port), "--admin-host", "127.0.0.1", "--admin-port", str(admin), "--rules", str(rules),
               "--tools", str(root / "tools"), "--state", str(root / "state")]
        proc = subprocess.Popen(cmd, env=env, cwd=tmp)
        try:
            overhead._wait_http(f"http://127.0.0.1:{port}/readyz", 60, proc)
            yield port
        finally:
            overhead._stop(proc)
            if redis_url:
                import redis

                client = redis.Redis.from_url(redis_url)
                keys = list(client.scan_iter(match=prefix + "*"))
                if keys:
                    client.delete(*keys)
                client.close()


def rps(redis_url: str | None, seconds: float, conc: int, rounds: int) -> dict[str, dict[str, float]]:
    wrk = overhead.ensure_wrk()
    out: dict[str, dict[str, float]] = {}
    cases = [("checks off", False, None), ("checks on (embedded)", True, None)]
    if redis_url:
        cases.append(("checks on (Redis)", True, redis_url))
    with tempfile.TemporaryDirectory() as tmp, overhead.mock_upstream(1) as (up_port, _):
        body = Path(tmp) / "body.json"
        body.write_bytes(overhead.agent_body(1024, False))
        for name, on, url in cases:
            with serve(up_port, on, url, 0) as port:
                target = f"http://127.0.0.1:{port}/v1/chat/completions"
                overhead._check_answer(target, body.read_bytes(), False)
                overhead.run_wrk(wrk, target, body, conc, 2, 1)  # warm-up
                runs = [overhead.run_wrk(wrk, target, body, conc, seconds, 1) for _ in range(rounds)]
            rates = [r["requests"] / (r["duration_us"] / 1e6) for r in runs]
            errors = sum(sum(r["errors"].values()) for r in runs)
            out[name] = {"rps": statistics.median(rates), "p50_ms": statistics.median(
                r["lat_us"]["p50"] for r in runs) / 1000, "errors": errors}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--redis", default=os.environ.get("WARDGATE_TEST_REDIS_URL"),
                    help="Redis URL for the shared-mode figures (default: WARDGATE_TEST_REDIS_URL)")
    ap.add_argument("--calls", type=int, default=5000, help="measured calls per per-call case")
    ap.add_argument("--rps", action="store_true", help="also measure req/s with the checks on vs off")
    ap.add_argument("--seconds", type=float, default=8.0)
    ap.add_argument("--conc", type=int, default=16)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args(argv)
    print(f"# bench/limit_checks.py  python {sys.version.split()[0]}  load {os.getloadavg()[0]:.2f}  "
          f"cpus {os.cpu_count()}")
    print("\nper LLM call: checks = rate limit (2 limits) + budget reserve + breaker admission;")
    print("whole = checks + breaker outcome + finish phase (budget settle, token-limit correction)")
    print(f"{'case':38} {'checks p50':>10} {'p95':>7} {'whole p50':>10} {'p95':>7}  target (checks p50)")
    for name, r in asyncio.run(per_call_all(args.redis, args.calls)).items():
        target = TARGET_REDIS_MS if "Redis" in name else TARGET_IN_PROCESS_MS
        verdict = "ok" if r["checks_p50_ms"] <= target else "MISSED"
        print(f"{name:38} {r['checks_p50_ms']:10.3f} {r['checks_p95_ms']:7.3f} {r['p50_ms']:10.3f} "
              f"{r['p95_ms']:7.3f}  <= {target} ms {verdict}")
    if args.rps:
        print(f"\nreq/s through wardgate serve (1 KB, non-streamed, c={args.conc}, gateway on core 0, "
              f"wrk + mock on core 1, median of {args.rounds} x {args.seconds:g}s):")
        print(f"{'case':28} {'req/s':>8} {'p50 ms':>8} {'errors':>7}")
        for name, r in rps(args.redis, args.seconds, args.conc, args.rounds).items():
            print(f"{name:28} {r['rps']:8.0f} {r['p50_ms']:8.2f} {int(r['errors']):7d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
