"""`wardgate serve` subprocesses for the approval durability tests, and the approvals CLI against them."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.approvals.harness import ADMIN
from tests.support.process import WARDGATE, Served, clean_env, spawn, wait_ready

__all__ = ["Served", "cli", "serve"]


def serve(rules_dir: Path, tools_dir: Path, state_dir: Path, log: Path, database_url: str | None = None) -> Served:
    env = clean_env(WARDGATE_ADMIN_TOKEN=ADMIN, WARDGATE_LOG_LEVEL="warning")
    if database_url:
        env["WARDGATE_DATABASE_URL"] = database_url
    return wait_ready(spawn(rules_dir, tools_dir, state_dir, log, env))


def cli(admin_url: str, token: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([WARDGATE, "approvals", "--url", admin_url, "--token", token, *args],
                          capture_output=True, text=True, env=clean_env(), timeout=30)
