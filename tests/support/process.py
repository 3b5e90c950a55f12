"""`wardgate serve` as a real subprocess on loopback: spawn, wait until ready, SIGKILL."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import httpx

WARDGATE = str(Path(sys.executable).parent / "wardgate")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without any WARDGATE_ setting, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("WARDGATE_")}
    env.update(extra)
    return env


@dataclass
class Served:
    proc: subprocess.Popen[bytes]
    port: int
    admin_port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def admin_url(self) -> str:
        return f"http://127.0.0.1:{self.admin_port}"

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)


def spawn(rules: Path, tools: Path, state: Path, log: Path, env: Mapping[str, str]) -> Served:
    """Start `wardgate serve` on free loopback ports; does not wait (start several, then `wait_ready`)."""
    port, admin_port = free_port(), free_port()
    cmd = [WARDGATE, "serve", "--host", "127.0.0.1", "--port", str(port), "--admin-host", "127.0.0.1",
           "--admin-port", str(admin_port), "--rules", str(rules), "--tools", str(tools), "--state", str(state)]
    proc = subprocess.Popen(cmd, stdout=log.open("ab"), stderr=subprocess.STDOUT, env=dict(env))
    return Served(proc, port, admin_port, log)


def wait_ready(served: Served, timeout_s: float = 60) -> Served:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if served.proc.poll() is not None:
            raise AssertionError(f"wardgate serve exited: {served.log.read_text()[-3000:]}")
        try:
            if httpx.get(f"{served.url}/readyz", timeout=1).status_code == 200:
                return served
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    served.kill()
    raise AssertionError(f"wardgate serve did not become ready: {served.log.read_text()[-3000:]}")
