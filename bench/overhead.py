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
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import urllib.request
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import peers
from harness import (
    HERE,
    ensure_wrk,
    free_port,
    mock_upstream,
    pin,
    proc_cpu,
    proc_rss_mb,
    stop,
    wait_http,
)

LUA = HERE / "wrk" / "post.lua"
AGENT_KEY = "wg-bench-agent-key"
MODEL = "gpt-4o-mini"  # a model of the shipped rules; the mock upstream answers any name
RAISED = 1_000_000  # rate limits of the shipped agents are multiplied by this (out of the way)
# Targets from the foundation issue: one core, 1 KB body, non-streamed.
TARGET_OVERHEAD_MS = 1.0
TARGET_RPS_C16 = 2500.0
TARGET_STREAM_RPS_C16 = 1200.0  # issue 14: 20 chunks, output guards on
TARGET_X_LITELLM = 30.0  # issue 14: non-streamed c=16 throughput against the LiteLLM proxy in the same run


# ---------------------------------------------------------------- request bodies

_SYSTEM = (
    "You are a coding agent working in a monorepo. Use the tools to read files, run tests and open "
    "pull requests. Never push to main. Keep answers short; explain what you changed and why."
)
_TOOLS = [{"type": "function", "function": {
    "name": "run_shell", "description": "Run a shell command in the sandbox and return its output.",
    "parameters": {"type": "object", "properties": {"cmd": {"type": "string"}}, "required": ["cmd"]}}}]
_LOG = (
    "tests/pipeline/test_runner.py::test_monitor_never_blocks PASSED\n"
    "tests/config/test_loader.py::test_every_error_reported PASSED\n"
    "src/service/handlers.py:118: warning: unused variable 'retry' in handle_refund\n"
)


def _turn(i: int) -> list[dict[str, Any]]:
    """One round of an agent's history: a tool call, its (log-like) result, a short assistant note."""
    call_id = f"call_{i:04d}"
    return [
        {"role": "assistant", "content": None, "tool_calls": [{"id": call_id, "type": "function", "function": {
            "name": "run_shell", "arguments": json.dumps({"cmd": f"pytest -q tests/part_{i} -x"})}}]},
        {"role": "tool", "tool_call_id": call_id, "content": _LOG * 3},
        {"role": "assistant", "content": f"Step {i}: tests in part {i} pass; moving on to the next package."},
    ]


def agent_body(size: int, stream: bool) -> bytes:
    """A chat request of about `size` bytes: system prompt, tools, history turns, the latest user message."""
    messages: list[dict[str, Any]] = [
        {"role": "system", "content": _SYSTEM},
        {"role": "user", "content": "Fix the failing refund handler test and open a pull request."},
    ]
    head: dict[str, Any] = {"model": MODEL, "temperature": 0.2, "tools": _TOOLS}
    if stream:
        head["stream"] = True

    def encode(msgs: list[dict[str, Any]]) -> bytes:
        return json.dumps({**head, "messages": msgs}, separators=(",", ":")).encode()

    i = 0
    while len(encode([*messages, *_turn(i)])) < size - 120:
        messages += _turn(i)
        i += 1
    last = "Now summarise what is left to do."
    filler = " Please also check the handler for retries."
    while len(encode([*messages, {"role": "user", "content": last + filler}])) <= size:
        last += filler
    return encode([*messages, {"role": "user", "content": last}])


# ---------------------------------------------------------------- processes


def _shipped_rules(rules: Path) -> None:
    """A copy of the shipped rules/, every agent's rate limits raised by RAISED; nothing else changed."""
    import yaml

    shutil.copytree(HERE.parent / "rules", rules)
    path = rules / "agents.yaml"
    doc = yaml.safe_load(path.read_text())
    for agent in doc.get("agents", {}).values():
        for limit in agent.get("limits", []):
            for k in ("requests", "tokens", "cost_usd"):
                if k in limit:
                    limit[k] = limit[k] * RAISED
    path.write_text(yaml.safe_dump(doc, sort_keys=False))


def _write_rules(rules: Path, upstream_port: int, guards: bool = False) -> None:
    rules.mkdir()
    if guards:  # the shipped default guard set: injection, PII, secrets, in enforce mode
        (rules / "guards.yaml").write_text((HERE.parent / "rules" / "guards.yaml").read_text())
    (rules / "models.yaml").write_text(
        "models:\n"
        f"  {MODEL}:\n"
        "    provider: openai\n"
        f"    base_url: http://127.0.0.1:{upstream_port}/v1\n"
        "    api_key: sk-bench\n"
        "    price: {input_per_mtok: 0.15, output_per_mtok: 0.60}\n"
        "    timeout_s: 30\n"
    )
    (rules / "agents.yaml").write_text(
        "agents:\n"
        "  bench:\n"
        f"    keys: [{{value: {AGENT_KEY}}}]\n"
        f'    models: {{allow: ["{MODEL}"]}}\n'
    )


def _wardgate_cmd() -> list[str]:
    script = Path(sys.executable).parent / "wardgate"
    return [str(script)] if script.exists() else [sys.executable, "-c", "from gateway.cli import main; main()"]


@contextlib.contextmanager
def gateway(
    upstream_port: int, core: int | None, guards: bool = False, shipped: bool = True
) -> Iterator[tuple[int, subprocess.Popen[bytes]]]:
    with tempfile.TemporaryDirectory(prefix="wardgate-bench-") as tmp:
        root = Path(tmp)
        if shipped:
            _shipped_rules(root / "rules")
        else:
            _write_rules(root / "rules", upstream_port, guards)
        (root / "tools").mkdir()
        port, admin = free_port(), free_port()
        # Shipped: the default log level (info: an access line and a call line per request) into a file.
        env = {**os.environ, "WARDGATE_STATE_DIR": str(root / "state"),
               "WARDGATE_LOG_LEVEL": "info" if shipped else "warning",
               "WARDGATE_ADMIN_TOKEN": "bench-admin-token", "WARDGATE_AGENT_KEY": AGENT_KEY,
               "OPENAI_BASE_URL": f"http://127.0.0.1:{upstream_port}/v1", "OPENAI_API_KEY": "sk-bench"}
        cmd = [*pin(core), *_wardgate_cmd(), "serve", "--host", "127.0.0.1", "--port", str(port),
               "--admin-host", "127.0.0.1", "--admin-port", str(admin),
               "--rules", str(root / "rules"), "--tools", str(root / "tools"), "--state", str(root / "state")]
        log = (root / "gateway.log").open("wb")
        proc = subprocess.Popen(cmd, env=env, cwd=tmp, stderr=log)
        try:
            wait_http(f"http://127.0.0.1:{port}/readyz", 30, proc)
            yield port, proc
        finally:
            stop(proc)
            log.close()


def _key(target: str) -> str:
    return peers.LITELLM_KEY if target == "litellm" else AGENT_KEY


def _check_answer(url: str, body: bytes, stream: bool, key: str = AGENT_KEY) -> None:
    """One request before measuring: the path works and answers what the mock sent."""
    req = urllib.request.Request(url, body, {"content-type": "application/json",
                                             "authorization": f"Bearer {key}"})
    with urllib.request.urlopen(req, timeout=10) as r:
        text = r.read().decode()
    ok = text.rstrip().endswith("data: [DONE]") if stream else '"chat.completion"' in text
    if r.status != 200 or not ok:
        raise SystemExit(f"unexpected answer from {url}: {r.status} {text[:200]!r}")


# ---------------------------------------------------------------- measuring


@dataclass
class Cell:
    target: str
    mode: str
    body: str
    conc: int
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int
    overhead_p50_ms: float | None = None
    cpu_ms_per_req: float | None = None
    sys_pct: float | None = None
    rss_mb: float | None = None


def run_wrk(wrk: str, url: str, body_file: Path, conc: int, seconds: float, core: int | None,
            key: str = AGENT_KEY) -> dict[str, Any]:
    cmd = [*pin(core), wrk, "-t1", f"-c{conc}", f"-d{seconds:g}s", "--timeout", "10s", "-s", str(LUA), url]
    env = {**os.environ, "WRK_BODY": str(body_file), "WRK_KEY": key}
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=seconds + 60, check=True).stdout
    for line in out.splitlines():
        if line.startswith("WRKJSON "):
            result: dict[str, Any] = json.loads(line[len("WRKJSON "):])
            return result
    raise SystemExit(f"wrk printed no summary:\n{out}")


def _start_profile(args: argparse.Namespace, pid: int | None, conc: int,
                   labels: tuple[str, str]) -> subprocess.Popen[bytes] | None:
    """py-spy on the gateway during the cells the targets are about (1 KB, c=16): FILE for the non-streamed cell,
    FILE.stream for the streamed one."""
    if not args.profile or pid is None or labels[1] != (args.body or ["1KB"])[0] or conc != 16:
        return None
    out = args.profile if labels[0] == "whole" else f"{args.profile}.stream"
    spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    if not Path(spy).exists():
        raise SystemExit("--profile needs py-spy: pip install py-spy (into the venv; a bench-only tool)")
    cmd = [*pin(args.load_core), spy, "record", "--pid", str(pid), "--duration", str(max(1, int(args.duration) - 1)),
           "--rate", "200", "--format", "raw", "--nonblocking", "--output", out]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


# Frames every sample of the event loop shares: the process entry, the loop, uvicorn and the ASGI stack.
_ROOT_FRAMES = ("<module>", "main ", "_serve ", "run ", "Runner.run ", "RequestResponseCycle.run_asgi",
                "ProxyHeadersMiddleware", "FastAPI.__call__", "Starlette.__call__", "ServerErrorMiddleware",
                "ExceptionMiddleware", "Router.__call__", "APIRouter.app", "Route.handle", "request_response.",
                "wrap_app_handling_exceptions", "AsyncExitStackMiddleware", "AppBodyLimitMiddleware",
                "ExceptionTelemetryMiddleware", "Thread.", "Thread._bootstrap")


def profile_summary(path: Path, top: int = 40) -> str:
    """Inclusive share of samples per function (collapsed py-spy stacks), gateway and library frames."""
    total, incl = 0, Counter[str]()
    for line in path.read_text().splitlines():
        stack, _, n = line.rpartition(" ")
        total += int(n)
        names = {re.sub(r"^(.*) \((?:.*/)?(site-packages/|gateway/)?([^:]*):\d+\)$", r"\1 (\2\3)", f)
                 for f in stack.split(";")}
        for name in names:
            incl[name] += int(n)
    rows = [f"{100 * v / max(total, 1):5.1f}%  {k}" for k, v in incl.most_common()
            if not k.startswith(_ROOT_FRAMES)][:top]
    return f"# profile {path} ({total} samples), inclusive share:\n" + "\n".join(rows)


def measure(wrk: str, target: str, url: str, body_file: Path, conc: int, args: argparse.Namespace,
            pid: int | None, labels: tuple[str, str]) -> Cell:
    if args.warmup > 0:
        run_wrk(wrk, url, body_file, conc, args.warmup, args.load_core, _key(target))
    spy = _start_profile(args, pid, conc, labels) if target == "wardgate" else None
    cpu0 = proc_cpu(pid) if pid else (0.0, 0.0)
    r = run_wrk(wrk, url, body_file, conc, args.duration, args.load_core, _key(target))
    cpu1 = proc_cpu(pid) if pid else (0.0, 0.0)
    user, system = cpu1[0] - cpu0[0], cpu1[1] - cpu0[1]
    if spy is not None:
        spy.wait(args.duration + 30)
        print(profile_summary(Path(args.profile if labels[0] == "whole" else f"{args.profile}.stream")),
              file=sys.stderr)
    lat, n = r["lat_us"], max(r["requests"], 1)
    errors = sum(r["errors"].values())
    return Cell(
        target=target, mode=labels[0], body=labels[1], conc=conc,
        rps=round(r["requests"] / (r["duration_us"] / 1e6), 1),
        p50_ms=lat["p50"] / 1000, p95_ms=lat["p95"] / 1000, p99_ms=lat["p99"] / 1000, errors=errors,
        cpu_ms_per_req=round((user + system) * 1000 / n, 3) if pid else None,
        sys_pct=round(100 * system / max(user + system, 1e-9)) if pid else None,
        rss_mb=round(proc_rss_mb(pid), 1) if pid else None,
    )


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
            "wardgate": stack.enter_context(gateway(up_port, args.gateway_core, args.guards, not args.minimal))}
        if not args.no_passthrough:
            servers["passthrough"] = stack.enter_context(peers.passthrough(up_port, args.gateway_core))
        if args.granian:
            servers["pt-granian"] = stack.enter_context(peers.passthrough(up_port, args.gateway_core, "granian"))
        if args.litellm:
            servers["litellm"] = stack.enter_context(peers.litellm(up_port, args.gateway_core, MODEL))
        info["gateway_rss_mb_idle"] = round(proc_rss_mb(servers["wardgate"][1].pid), 1)
        info["peers_rss_mb_idle"] = {name: round(proc_rss_mb(proc.pid), 1) for name, (_, proc) in servers.items()}
        urls = {"direct": (f"http://127.0.0.1:{up_port}/v1/chat/completions", None)} | {
            name: (f"http://127.0.0.1:{port}/v1/chat/completions", proc.pid) for name, (port, proc) in servers.items()}
        for mode in modes:
            for label, size in bodies.items():
                body_file = Path(tmp) / f"{mode}-{label}.json"
                body_file.write_bytes(agent_body(size, mode == "stream"))
                for name, (url, _pid) in urls.items():
                    _check_answer(url, body_file.read_bytes(), mode == "stream", _key(name))
                for conc in concs:
                    direct = measure(wrk, "direct", urls["direct"][0], body_file, conc, args, None, (mode, label))
                    row = [direct]
                    for name, (url, pid) in urls.items():
                        if name != "direct":
                            cell = measure(wrk, name, url, body_file, conc, args, pid, (mode, label))
                            cell.overhead_p50_ms = round(cell.p50_ms - direct.p50_ms, 3)
                            row.append(cell)
                    cells += row
                    if not args.json:
                        for cell in row:
                            print(_row(cell), file=sys.stderr)
    info["rules"] = "minimal" + (" + guards" if args.guards else "") if args.minimal else "shipped, rate limits raised"
    info["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    return {"machine": info, "settings": {"duration_s": args.duration, "warmup_s": args.warmup,
                                          "gateway_core": args.gateway_core, "load_core": args.load_core},
            "cells": [asdict(c) for c in cells], "targets": targets(cells), "ratios": ratios(cells)}


def targets(cells: list[Cell]) -> dict[str, Any]:
    def find(conc: int, target: str = "wardgate", mode: str = "whole") -> Cell | None:
        return next((c for c in cells if c.target == target and c.mode == mode and c.body == "1KB"
                     and c.conc == conc), None)

    c1, c16, s16 = find(1), find(16), find(16, mode="stream")
    out: dict[str, Any] = {}
    if c1 is not None and c1.overhead_p50_ms is not None:
        out["overhead_c1_p50_ms"] = {"value": c1.overhead_p50_ms, "target": TARGET_OVERHEAD_MS,
                                     "met": c1.overhead_p50_ms <= TARGET_OVERHEAD_MS}
    if c16 is not None:
        out["rps_c16"] = {"value": c16.rps, "target": TARGET_RPS_C16, "met": c16.rps >= TARGET_RPS_C16}
    if s16 is not None:
        out["stream_rps_c16"] = {"value": s16.rps, "target": TARGET_STREAM_RPS_C16,
                                 "met": s16.rps >= TARGET_STREAM_RPS_C16}
    if c16 is not None and (peer := find(16, "litellm")) is not None:
        ratio = round(c16.rps / max(peer.rps, 1e-9), 1)
        out["rps_c16_x_litellm"] = {"value": ratio, "target": TARGET_X_LITELLM, "met": ratio >= TARGET_X_LITELLM}
    return out


def ratios(cells: list[Cell]) -> list[dict[str, Any]]:
    """Wardgate against each peer, cell by cell of one run: requests/s and CPU per request."""
    out = []
    for c in cells:
        if c.target != "wardgate":
            continue
        for peer in cells:
            same = (peer.mode, peer.body, peer.conc) == (c.mode, c.body, c.conc)
            if peer.target in ("passthrough", "pt-granian", "litellm") and same:
                out.append({"peer": peer.target, "mode": c.mode, "body": c.body, "conc": c.conc,
                            "rps_ratio": round(c.rps / max(peer.rps, 1e-9), 2),
                            "cpu_ratio": (round(c.cpu_ms_per_req / peer.cpu_ms_per_req, 2)
                                          if c.cpu_ms_per_req and peer.cpu_ms_per_req else None)})
    return out


_HEADER = (f"{'target':<11} {'mode':<6} {'body':<5} {'conc':>4} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} "
           f"{'p99 ms':>8} {'ovh p50':>8} {'cpu/req':>8} {'sys%':>5} {'RSS MB':>7} {'err':>4}")


def _row(c: Cell) -> str:
    def opt(v: float | None, fmt: str) -> str:
        return format(v, fmt) if v is not None else "-"

    return (f"{c.target:<11} {c.mode:<6} {c.body:<5} {c.conc:>4} {c.rps:>9.0f} {c.p50_ms:>8.2f} {c.p95_ms:>8.2f} "
            f"{c.p99_ms:>8.2f} {opt(c.overhead_p50_ms, '>8.2f'):>8} {opt(c.cpu_ms_per_req, '>8.3f'):>8} "
            f"{opt(c.sys_pct, '>5.0f'):>5} {opt(c.rss_mb, '>7.1f'):>7} {c.errors:>4}")


def report(result: dict[str, Any]) -> str:
    m = result["machine"]
    lines = [
        f"# {m['date']}  {m['cpu']} x{m['cores']}  Python {m['python']}  load {m['loadavg_start']} -> "
        f"{m['loadavg_end']}",
        f"# gateway pinned to core {result['settings']['gateway_core']}, wrk + mock upstream to core "
        f"{result['settings']['load_core']}; {result['settings']['duration_s']:g}s per cell; "
        f"gateway RSS idle {m['gateway_rss_mb_idle']} MB; rules: {m.get('rules', '?')}",
        "# ovh p50 = wardgate p50 - direct p50 (ms); cpu/req = gateway process CPU ms per request (sys% of it in"
        " the kernel)",
        _HEADER,
    ]
    lines += [_row(Cell(**c)) for c in result["cells"]]
    lines += [f"ratio wardgate / {r['peer']:<11} {r['mode']:<6} {r['body']:<5} c={r['conc']:<3} req/s x{r['rps_ratio']}"
              f"  cpu/req x{r['cpu_ratio']}" for r in result.get("ratios", [])]
    for name, t in result["targets"].items():
        lines.append(f"target {name}: {t['value']} (target {t['target']}) {'met' if t['met'] else 'NOT met'}")
    return "\n".join(lines)


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
    p.add_argument("--minimal", action="store_true",
                   help="bare rules (one model, no limits or budget) instead of the shipped rules/")
    p.add_argument("--guards", action="store_true", help="with --minimal: add the shipped rules/guards.yaml")
    p.add_argument("--litellm", action="store_true",
                   help=f"also measure the LiteLLM proxy ({peers.LITELLM_SPEC}, installed once into .cache/)")
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
