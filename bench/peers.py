"""The peer targets `overhead.py` measures in the same run as Wardgate, against the same mock upstream and body.

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

from harness import HERE, free_port, pin, stop, wait_http

LITELLM_SPEC = "litellm[proxy]==1.106.2"  # the version issue 14's assessment measured
LITELLM_VENV = HERE.parent / ".cache" / "bench-litellm"
# The proxy refuses to start without a master key; clients authenticate with it, as agents do with Wardgate.
LITELLM_KEY = "sk-" + "5eb1e7c0a2d94f6b8c3e1a7d9f2b4c60" * 2


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


@contextlib.contextmanager
def passthrough(upstream_port: int, core: int | None,
                server: str = "uvicorn") -> Iterator[tuple[int, subprocess.Popen[bytes]]]:
    port = free_port()
    cmd = [*pin(core), sys.executable, str(HERE / "passthrough.py"), "--upstream",
           f"http://127.0.0.1:{upstream_port}", "--port", str(port), "--server", server]
    proc = subprocess.Popen(cmd)
    try:
        wait_http(f"http://127.0.0.1:{port}/readyz", 30, proc)
        yield port, proc
    finally:
        stop(proc)


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
def litellm(upstream_port: int, core: int | None, model: str) -> Iterator[tuple[int, subprocess.Popen[bytes]]]:
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
        log = (Path(tmp) / "litellm.log").open("wb")
        proc = subprocess.Popen(cmd, env=env, cwd=tmp, stdout=log, stderr=log)
        try:
            wait_http(f"http://127.0.0.1:{port}/health/liveliness", 180, proc)
            yield port, proc
        finally:
            stop(proc)
            log.close()
