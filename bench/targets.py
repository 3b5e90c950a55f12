"""The servers `overhead.py` measures in one run, against the same mock upstream and body.

* `gateway`: `wardgate serve` on temporary state and tools dirs, with the shipped rules (rate limits raised)
  or the minimal ones (`workload.py`).
* `passthrough`: `bench/passthrough.py`, the same server stack and upstream client with no checks (the floor).
* `litellm`: the LiteLLM proxy (`LITELLM_SPEC`), one worker, no database, installed by this bench into a venv
  of its own under the git-ignored `.cache/` (never into the project's venv), configured with one model that
  points at the mock upstream.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from harness import HERE, free_port, pin, served
from workload import AGENT_KEY, minimal_rules, shipped_rules, wardgate_cmd

LITELLM_SPEC = "litellm[proxy]==1.106.2"  # the version issue 14's assessment measured
LITELLM_VENV = HERE.parent / ".cache" / "bench-litellm"
# The proxy refuses to start without a master key; clients authenticate with it, as agents do with Wardgate.
LITELLM_KEY = "sk-" + "5eb1e7c0a2d94f6b8c3e1a7d9f2b4c60" * 2

Target = tuple[int, subprocess.Popen[bytes]]


@contextlib.contextmanager
def gateway(upstream_port: int, core: int | None, guards: bool = False, shipped: bool = True) -> Iterator[Target]:
    with tempfile.TemporaryDirectory(prefix="wardgate-bench-") as tmp:
        root = Path(tmp)
        if shipped:
            shipped_rules(root / "rules")
        else:
            minimal_rules(root / "rules", upstream_port, guards)
        (root / "tools").mkdir()
        port, admin = free_port(), free_port()
        # Shipped: the default log level (info: an access line and a call line per request) into a file.
        env = {**os.environ, "WARDGATE_STATE_DIR": str(root / "state"),
               "WARDGATE_LOG_LEVEL": "info" if shipped else "warning",
               "WARDGATE_ADMIN_TOKEN": "bench-admin-token", "WARDGATE_AGENT_KEY": AGENT_KEY,
               "OPENAI_BASE_URL": f"http://127.0.0.1:{upstream_port}/v1", "OPENAI_API_KEY": "sk-bench"}
        cmd = [*pin(core), *wardgate_cmd(), "serve", "--host", "127.0.0.1", "--port", str(port),
               "--admin-host", "127.0.0.1", "--admin-port", str(admin),
               "--rules", str(root / "rules"), "--tools", str(root / "tools"), "--state", str(root / "state")]
        with (root / "gateway.log").open("wb") as log, \
                served(cmd, f"http://127.0.0.1:{port}/readyz", 30, env=env, cwd=tmp, stderr=log) as proc:
            yield port, proc


@contextlib.contextmanager
def passthrough(upstream_port: int, core: int | None, server: str = "uvicorn") -> Iterator[Target]:
    port = free_port()
    cmd = [*pin(core), sys.executable, str(HERE / "passthrough.py"), "--upstream",
           f"http://127.0.0.1:{upstream_port}", "--port", str(port), "--server", server]
    with served(cmd, f"http://127.0.0.1:{port}/readyz", 30) as proc:
        yield port, proc


def ensure_litellm() -> Path:
    """The LiteLLM proxy's executable, installed on first use (a few minutes; needs the package registry)."""
    exe = LITELLM_VENV / "bin" / "litellm"
    stamp = LITELLM_VENV / f".installed-{LITELLM_SPEC}"
    if not stamp.exists():
        print(f"installing {LITELLM_SPEC} into {LITELLM_VENV.relative_to(HERE.parent)} (once)", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(LITELLM_VENV)], check=True)
        subprocess.run([str(LITELLM_VENV / "bin" / "pip"), "install", "-q", LITELLM_SPEC], check=True)
        stamp.touch()
    return exe


LITELLM_CONFIG = """\
model_list:
  - model_name: {model}
    litellm_params:
      model: openai/{model}
      api_base: http://127.0.0.1:{upstream_port}/v1
      api_key: sk-bench
litellm_settings:
  telemetry: false
  drop_params: true
"""


@contextlib.contextmanager
def litellm(upstream_port: int, core: int | None, model: str) -> Iterator[Target]:
    exe = ensure_litellm()
    with tempfile.TemporaryDirectory(prefix="wardgate-bench-litellm-") as tmp:
        config = Path(tmp) / "config.yaml"
        config.write_text(LITELLM_CONFIG.format(model=model, upstream_port=upstream_port))
        port = free_port()
        # A master key (clients send it) and no DATABASE_URL: the proxy runs without its database.
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        env.update(LITELLM_MASTER_KEY=LITELLM_KEY, LITELLM_LOG="ERROR", LITELLM_TELEMETRY="False", NO_DOCS="True")
        cmd = [*pin(core), str(exe), "--config", str(config), "--host", "127.0.0.1", "--port", str(port),
               "--num_workers", "1"]
        with (Path(tmp) / "litellm.log").open("wb") as log, \
                served(cmd, f"http://127.0.0.1:{port}/health/liveliness", 180,
                       env=env, cwd=tmp, stdout=log, stderr=log) as proc:
            yield port, proc
