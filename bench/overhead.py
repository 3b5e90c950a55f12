"""Overhead benchmark: the same load sent straight to a mock OpenAI upstream, through Wardgate and through its
peers (a bare pass-through of the same stack, always; the LiteLLM proxy with `--litellm`), in one run.

Starts `bench/mock_upstream.py` and a `wardgate serve` (temporary state and tools dirs) on
loopback. By default the gateway serves a copy of the SHIPPED `rules/` (every guard, the quickstart
agent's budget, models and approvals as shipped) with only the rate limits raised out of the way so
refusals are not measured; `--minimal` serves the old bare rules (one model, no limits, no budget,
guards only with `--guards`). It drives both with `wrk` and a Lua POST script, and prints
requests/s, p50/p95/p99 latency, the overhead over direct (p50 difference), the gateway's CPU time
per request and its RSS.
The gateway is pinned to one core and wrk + the mock upstream to another, so "through Wardgate"
figures are what one gateway core does.

    python bench/overhead.py            # full grid: direct, pass-through, wardgate x c=1/16/64 x whole/stream x 1/32 KB
    python bench/overhead.py --litellm  # + the LiteLLM proxy, and Wardgate's ratio to each peer per cell
    python bench/overhead.py --quick    # short cells, c=1/16, 1 KB only
    python bench/overhead.py --json     # machine-readable result on stdout
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import urllib.request
from dataclasses import asdict
from pathlib import Path
from typing import Any

import targets
from harness import ensure_wrk, mock_upstream, proc_rss_mb
from overhead_report import ratios, report, row
from overhead_report import targets as verdicts
from workload import AGENT_KEY, MODEL, agent_body
from wrk_cells import Cell, key_of, measure


def _check_answer(url: str, body: bytes, stream: bool, key: str = AGENT_KEY) -> None:
    """One request before measuring: the path works and answers what the mock sent."""
    req = urllib.request.Request(url, body, {"content-type": "application/json",
                                             "authorization": f"Bearer {key}"})
    with urllib.request.urlopen(req, timeout=10) as r:
        text = r.read().decode()
    ok = text.rstrip().endswith("data: [DONE]") if stream else '"chat.completion"' in text
    if r.status != 200 or not ok:
        raise SystemExit(f"unexpected answer from {url}: {r.status} {text[:200]!r}")


def machine() -> dict[str, Any]:
    cpu = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {"date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"), "cpu": cpu,
            "cores": os.cpu_count(), "python": platform.python_version(), "kernel": platform.release(),
            "loadavg_start": [round(x, 2) for x in os.getloadavg()]}


def run(args: argparse.Namespace) -> dict[str, Any]:
    wrk = ensure_wrk()
    info = machine()
    concs = args.conc or ([1, 16] if args.quick else [1, 16, 64])
    sizes = {"1KB": 1024, "32KB": 32 * 1024}
    bodies = {k: sizes[k] for k in (args.body or (["1KB"] if args.quick else list(sizes)))}
    modes = args.mode or ["whole", "stream"]
    cells: list[Cell] = []
    with contextlib.ExitStack() as stack:
        tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="wardgate-bench-bodies-"))
        up_port, _ = stack.enter_context(mock_upstream(args.load_core))
        # Every target on the gateway core, one measured at a time; the peers idle while another is measured.
        servers: dict[str, tuple[int, subprocess.Popen[bytes]]] = {
            "wardgate": stack.enter_context(targets.gateway(up_port, args.gateway_core, args.guards, not args.minimal))}
        if not args.no_passthrough:
            servers["passthrough"] = stack.enter_context(targets.passthrough(up_port, args.gateway_core))
        if args.granian:
            servers["pt-granian"] = stack.enter_context(targets.passthrough(up_port, args.gateway_core, "granian"))
        if args.litellm:
            servers["litellm"] = stack.enter_context(targets.litellm(up_port, args.gateway_core, MODEL))
        info["gateway_rss_mb_idle"] = round(proc_rss_mb(servers["wardgate"][1].pid), 1)
        info["peers_rss_mb_idle"] = {name: round(proc_rss_mb(proc.pid), 1) for name, (_, proc) in servers.items()}
        urls = {"direct": (f"http://127.0.0.1:{up_port}/v1/chat/completions", None)} | {
            name: (f"http://127.0.0.1:{port}/v1/chat/completions", proc.pid) for name, (port, proc) in servers.items()}
        for mode in modes:
            for label, size in bodies.items():
                body_file = Path(tmp) / f"{mode}-{label}.json"
                body_file.write_bytes(agent_body(size, mode == "stream"))
                for name, (url, _pid) in urls.items():
                    _check_answer(url, body_file.read_bytes(), mode == "stream", key_of(name))
                for conc in concs:
                    direct = measure(wrk, "direct", urls["direct"][0], body_file, conc, args, None, (mode, label))
                    same_load = [direct]
                    for name, (url, pid) in urls.items():
                        if name != "direct":
                            cell = measure(wrk, name, url, body_file, conc, args, pid, (mode, label))
                            cell.overhead_p50_ms = round(cell.p50_ms - direct.p50_ms, 3)
                            same_load.append(cell)
                    cells += same_load
                    if not args.json:
                        for cell in same_load:
                            print(row(cell), file=sys.stderr)
    info["rules"] = "minimal" + (" + guards" if args.guards else "") if args.minimal else "shipped, rate limits raised"
    info["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    return {"machine": info, "settings": {"duration_s": args.duration, "warmup_s": args.warmup,
                                          "gateway_core": args.gateway_core, "load_core": args.load_core},
            "cells": [asdict(c) for c in cells], "targets": verdicts(cells), "ratios": ratios(cells)}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Wardgate overhead benchmark (direct vs through the gateway).")
    p.add_argument("--quick", action="store_true", help="short cells, concurrency 1/16, 1 KB body only")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--duration", type=float, help="seconds per measured cell (default 10, quick 3)")
    p.add_argument("--warmup", type=float, help="seconds of warm-up before each cell (default 2, quick 1)")
    p.add_argument("--conc", type=int, action="append", help="only this concurrency (repeatable)")
    p.add_argument("--mode", choices=["whole", "stream"], action="append", help="only this mode (repeatable)")
    p.add_argument("--body", choices=["1KB", "32KB"], action="append", help="only this body size (repeatable)")
    p.add_argument("--profile", metavar="FILE",
                   help="py-spy the gateway in the c=16 cells of the first --body (1KB by default); FILE, FILE.stream")
    p.add_argument("--profile-gil", action="store_true",
                   help="with --profile: sample only the thread holding the GIL (py-spy --gil): CPU, not GIL waits")
    p.add_argument("--minimal", action="store_true",
                   help="bare rules (one model, no limits or budget) instead of the shipped rules/")
    p.add_argument("--guards", action="store_true", help="with --minimal: add the shipped rules/guards.yaml")
    p.add_argument("--litellm", action="store_true",
                   help=f"also measure the LiteLLM proxy ({targets.LITELLM_SPEC}, installed once into .cache/)")
    p.add_argument("--no-passthrough", action="store_true", help="skip the bare pass-through peer")
    p.add_argument("--granian", action="store_true",
                   help="also the pass-through served by granian (pt-granian; pip install granian to measure)")
    p.add_argument("--gateway-core", type=int, default=0)
    p.add_argument("--load-core", type=int, default=1, help="core for wrk and the mock upstream")
    args = p.parse_args(argv)
    args.duration = args.duration or (3.0 if args.quick else 10.0)
    args.warmup = args.warmup if args.warmup is not None else (1.0 if args.quick else 2.0)
    if not Path("/proc/self/stat").exists():
        raise SystemExit("this benchmark reads /proc (Linux only)")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # run the cleanups on a plain kill
    result = run(args)
    print(json.dumps(result, indent=2) if args.json else report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
