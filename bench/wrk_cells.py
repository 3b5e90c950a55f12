"""One measured cell of a benchmark: wrk against one target, with the target's CPU, RSS and an optional profile.

`measure` runs wrk (after a warm-up) with the Lua POST script and reads the target process's CPU time around
it; with `--profile`, py-spy samples the gateway during the c=16 cells and `profile_summary` prints the
inclusive share per function.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from harness import HERE, pin, proc_cpu, proc_rss_mb
from targets import LITELLM_KEY
from workload import AGENT_KEY

LUA = HERE / "wrk" / "post.lua"


def key_of(target: str) -> str:
    return LITELLM_KEY if target == "litellm" else AGENT_KEY


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
           "--rate", "200", "--format", "raw", "--nonblocking", "--output", out,
           *(["--gil"] if args.profile_gil else [])]
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
        run_wrk(wrk, url, body_file, conc, args.warmup, args.load_core, key_of(target))
    spy = _start_profile(args, pid, conc, labels) if target == "wardgate" else None
    cpu0 = proc_cpu(pid) if pid else (0.0, 0.0)
    r = run_wrk(wrk, url, body_file, conc, args.duration, args.load_core, key_of(target))
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
