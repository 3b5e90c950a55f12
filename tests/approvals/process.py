"""`wardgate serve` as a real subprocess on loopback: start, wait until ready, SIGKILL."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.approvals.harness import ADMIN

WARDGATE = str(Path(sys.executable).parent / "wardgate")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


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


def serve(rules_dir: Path, tools_dir: Path, state_dir: Path, log: Path, database_url: str | None = None) -> Served:
    port, admin_port = free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("WARDGATE_")}
    env.update(WARDGATE_ADMIN_TOKEN=ADMIN, WARDGATE_LOG_LEVEL="warning")
    if database_url:
        env["WARDGATE_DATABASE_URL"] = database_url
    cmd = [WARDGATE, "serve", "--host", "127.0.0.1", "--port", str(port), "--admin-host", "127.0.0.1",
           "--admin-port", str(admin_port), "--rules", str(rules_dir), "--tools", str(tools_dir),
           "--state", str(state_dir)]
    out = log.open("ab")
    proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env)
    served = Served(proc, port, admin_port, log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"wardgate serve exited: {log.read_text()[-3000:]}")
        try:
            if httpx.get(f"{served.url}/readyz", timeout=1).status_code == 200:
                return served
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    served.kill()
    raise AssertionError(f"wardgate serve did not become ready: {log.read_text()[-3000:]}")


def cli(admin_url: str, token: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WARDGATE_")}
    return subprocess.run([WARDGATE, "approvals", "--url", admin_url, "--token", token, *args],
                          capture_output=True, text=True, env=env, timeout=30)
