"""Benchmark plumbing shared by the scripts here: free ports, core pinning, wrk, the mock upstream, /proc."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pin(core: int | None) -> list[str]:
    return ["taskset", "-c", str(core)] if core is not None and shutil.which("taskset") else []


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() != 0:
        raise SystemExit("wrk is not installed; as root run: apt-get update && apt-get install -y wrk")
    print("installing wrk with apt-get ...", file=sys.stderr)
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    if subprocess.run(["apt-get", "install", "-y", "wrk"], **quiet).returncode != 0:  # type: ignore[call-overload]
        subprocess.run(["apt-get", "update"], check=True, **quiet)  # type: ignore[call-overload]
        subprocess.run(["apt-get", "install", "-y", "wrk"], check=True, **quiet)  # type: ignore[call-overload]
    found = shutil.which("wrk")
    if not found:
        raise SystemExit("apt-get did not install wrk")
    return found


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


def wait_http(url: str, deadline_s: float, proc: subprocess.Popen[bytes]) -> None:
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise SystemExit(f"process exited early (code {proc.returncode}) while waiting for {url}")
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=1) as r:
            if r.status == 200:
                return
        time.sleep(0.1)
    raise SystemExit(f"{url} not ready after {deadline_s:g}s")


@contextlib.contextmanager
def served(cmd: list[str], ready_url: str, deadline_s: float, **popen: Any) -> Iterator[subprocess.Popen[bytes]]:
    """A server process for the length of the block: started, answered `ready_url` with 200, then stopped."""
    proc: subprocess.Popen[bytes] = subprocess.Popen(cmd, **popen)
    try:
        wait_http(ready_url, deadline_s, proc)
        yield proc
    finally:
        stop(proc)


@contextlib.contextmanager
def mock_upstream(core: int | None) -> Iterator[tuple[int, subprocess.Popen[bytes]]]:
    cmd = [*pin(core), sys.executable, str(HERE / "mock_upstream.py"), "--port", "0"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().decode()
        if not line.startswith("listening "):
            raise SystemExit(f"mock upstream did not start: {line!r}")
        yield int(line.split()[1]), proc
    finally:
        stop(proc)


def _stat(pid: int) -> list[str]:
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def descendants(pid: int) -> list[int]:
    """The process's live child processes, at any depth (a server that runs its app in worker processes)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError):
                children.setdefault(int(_stat(int(entry.name))[1]), []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def proc_cpu(pid: int) -> tuple[float, float]:
    """(user, system) CPU seconds of a process, all its threads and its live child processes."""
    tick = os.sysconf("SC_CLK_TCK")
    user = system = 0.0
    for p in (pid, *descendants(pid)):
        with contextlib.suppress(OSError):
            fields = _stat(p)
            user += int(fields[11]) / tick
            system += int(fields[12]) / tick
    return user, system


def proc_cpu_s(pid: int) -> float:
    return sum(proc_cpu(pid))


def proc_rss_mb(pid: int) -> float:
    """Resident memory of a process and its live child processes."""
    total = 0.0
    for p in (pid, *descendants(pid)):
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
    return total
