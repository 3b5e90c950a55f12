"""Redis mode: round trips per LLM call, and req/s.

Starts a redis-server of its own (so nothing else's commands are counted), the mock upstream and a `wardgate serve`
in Redis mode whose agent has a request limit, a token limit and a run budget, and whose model has a breaker. Then:

1. round trips: N calls, one after another, while a MONITOR connection counts the commands the gateway sent
   (commands run inside a script are not round trips and are left out); printed per call, by command.
2. req/s (`--rps`): wrk at c=16 for `--seconds`, 1 KB agent-like body, the gateway pinned to one core.

    python bench/redis_round_trips.py                # round trips over 200 calls
    python bench/redis_round_trips.py --rps          # + req/s (median of --rounds runs)
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import redis
from harness import ensure_wrk, free_port, mock_upstream, pin, served
from workload import AGENT_KEY, MODEL, agent_body, wardgate_cmd
from wrk_cells import run_wrk

RULES = """\
agents:
  bench:
    keys: [{{value: {key}}}]
    models: {{allow: ["{model}"]}}
    limits:
      - {{key: [agent, model], requests: 100000000, per: minute}}
      - {{key: [agent], tokens: 1000000000000, per: hour}}
    budget: {{tokens: 1000000000000, cost_usd: 1000000, llm_calls: 100000000}}
"""
MODELS = """\
models:
  {model}:
    provider: openai
    base_url: http://127.0.0.1:{port}/v1
    api_key: sk-bench
    price: {{input_per_mtok: 0.15, output_per_mtok: 0.60}}
    timeout_s: 30
"""


@contextlib.contextmanager
def redis_server(root: Path) -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", str(root)], stdout=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    try:
        for _ in range(100):
            with contextlib.suppress(redis.RedisError):
                if redis.Redis.from_url(url).ping():
                    break
            time.sleep(0.05)
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


@contextlib.contextmanager
def gateway(root: Path, upstream: int, redis_url: str, core: int | None) -> Iterator[int]:
    rules, tools = root / "rules", root / "tools"
    rules.mkdir()
    tools.mkdir()
    (rules / "agents.yaml").write_text(RULES.format(key=AGENT_KEY, model=MODEL))
    (rules / "models.yaml").write_text(MODELS.format(model=MODEL, port=upstream))
    port, admin = free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("WARDGATE_")}
    env.update(WARDGATE_LOG_LEVEL="warning", WARDGATE_ADMIN_TOKEN="bench-admin-token", WARDGATE_REDIS_URL=redis_url)
    cmd = [*pin(core), *wardgate_cmd(), "serve", "--host", "127.0.0.1", "--port", str(port), "--admin-host",
           "127.0.0.1", "--admin-port", str(admin), "--rules", str(rules), "--tools", str(tools), "--state",
           str(root / "state")]
    with served(cmd, f"http://127.0.0.1:{port}/readyz", 60, env=env, cwd=root):
        yield port


def post(port: int, body: bytes, run: str) -> None:
    req = urllib.request.Request(f"http://127.0.0.1:{port}/v1/chat/completions", body, method="POST", headers={
        "authorization": f"Bearer {AGENT_KEY}", "content-type": "application/json", "x-wardgate-run-id": run})
    with urllib.request.urlopen(req, timeout=10) as r:
        assert r.status == 200, r.status
        r.read()


def count_round_trips(redis_url: str, port: int, body: bytes, n: int) -> collections.Counter[str]:
    """Commands the gateway sent while it answered n calls (MONITOR lines not issued from inside a script)."""
    for _ in range(20):  # warm-up: scripts loaded, connections open
        post(port, body, "warm")
    seen: collections.Counter[str] = collections.Counter()
    ready, done = threading.Event(), threading.Event()

    def watch() -> None:
        with redis.Redis.from_url(redis_url).monitor() as m:
            ready.set()
            for event in m.listen():
                if done.is_set() and event["command"].startswith("ECHO wg-bench-end"):
                    return
                if event.get("client_type") == "lua" or event["client_address"] == "lua":
                    continue
                seen[event["command"].split()[0].upper()] += 1

    t = threading.Thread(target=watch, daemon=True)
    t.start()
    ready.wait(10)
    time.sleep(0.2)
    for i in range(n):
        post(port, body, f"run-{i % 10}")
    time.sleep(0.5)  # settlements run after the answer is sent
    done.set()
    redis.Redis.from_url(redis_url).echo("wg-bench-end")
    t.join(10)
    return seen


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--calls", type=int, default=200)
    ap.add_argument("--rps", action="store_true")
    ap.add_argument("--seconds", type=float, default=8.0)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    print(f"# bench/redis_round_trips.py  python {sys.version.split()[0]}  load {os.getloadavg()[0]:.2f}  "
          f"cpus {os.cpu_count()}")
    body = agent_body(1024, False)
    with tempfile.TemporaryDirectory(prefix="wardgate-bench-rt-") as tmp, redis_server(Path(tmp)) as url, \
            mock_upstream(1) as (up_port, _), gateway(Path(tmp), up_port, url, 0) as port:
        seen = count_round_trips(url, port, body, args.calls)
        seen.pop("ECHO", None)
        total = sum(seen.values())
        print(f"\nround trips per call over {args.calls} calls: {total / args.calls:.2f}")
        for cmd, k in seen.most_common():
            print(f"  {cmd:10} {k / args.calls:6.2f} per call")
        if args.rps:
            wrk = ensure_wrk()
            body_file = Path(tmp) / "body.json"
            body_file.write_bytes(body)
            url_ = f"http://127.0.0.1:{port}/v1/chat/completions"
            run_wrk(wrk, url_, body_file, 16, 2, 1)
            runs = [run_wrk(wrk, url_, body_file, 16, args.seconds, 1) for _ in range(args.rounds)]
            rates = [r["requests"] / (r["duration_us"] / 1e6) for r in runs]
            errors = sum(sum(r["errors"].values()) for r in runs)
            p50 = statistics.median(r["lat_us"]["p50"] for r in runs) / 1000
            print(f"\nreq/s c=16, 1 KB, gateway on one core: {statistics.median(rates):.0f} "
                  f"(runs {', '.join(f'{x:.0f}' for x in rates)}), p50 {p50:.2f} ms, errors {errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
