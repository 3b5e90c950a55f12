"""Start a real gateway (both listeners) on loopback for end-to-end tests."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from gateway.app import admin_app, build_gateway, data_app, running
from gateway.runtime import Gateway
from gateway.settings import Settings
from tests.support.threaded import ThreadedServers

AGENT_KEY = "wg-test-agent-key"
OTHER_KEY = "wg-test-other-key"
ADMIN_TOKEN = "admin-test-token"


def models_rules(upstream_url: str, timeout_s: float = 2) -> dict[str, Any]:
    """`timeout_s`: each upstream's read timeout. A test whose upstream pauses until the client has read something
    needs more than the default: under load the client may take longer than 2 s, and the gateway would then end the
    stream as an upstream timeout."""
    return {"models": {
        "echo": {"provider": "echo"},
        "gpt-4o-mini": {"provider": "openai", "base_url": f"{upstream_url}/v1", "api_key": "${OPENAI_API_KEY:-sk-x}",
                        "price": {"input_per_mtok": 1.0, "output_per_mtok": 2.0}, "timeout_s": timeout_s},
        "gpt-4o": {"provider": "openai", "base_url": f"{upstream_url}/v1", "api_key": "sk-x", "timeout_s": timeout_s},
        "text-embedding-3-small": {"provider": "openai", "base_url": f"{upstream_url}/v1", "api_key": "sk-x"},
        "claude-*": {"provider": "anthropic", "base_url": upstream_url, "api_key": "sk-ant-x", "timeout_s": timeout_s,
                     "price": {"input_per_mtok": 3.0, "output_per_mtok": 15.0}},
    }}


def agents_rules() -> dict[str, Any]:
    return {"agents": {
        "tester": {"keys": [{"value": AGENT_KEY}], "models": {"allow": ["*"], "deny": ["gpt-4o"]}},
        "other": {"keys": [{"value": OTHER_KEY}], "models": {"allow": ["echo"]}},
    }}


def write_rules(rules_dir: Path, upstream_url: str, **extra_files: dict[str, Any]) -> Path:
    rules_dir.mkdir(parents=True, exist_ok=True)
    files = {"models": models_rules(upstream_url), "agents": agents_rules(), **extra_files}
    for kind, content in files.items():
        (rules_dir / f"{kind}.yaml").write_text(yaml.safe_dump(content, sort_keys=False))
    return rules_dir


@dataclass
class RunningGateway:
    gw: Gateway
    servers: ThreadedServers

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.servers.ports[0]}"

    @property
    def admin_url(self) -> str:
        return f"http://127.0.0.1:{self.servers.ports[1]}"

    def run_trace(self, run_id: str) -> Any:
        return self.servers.call(self.gw.recorder.run(run_id))

    def stop(self) -> None:
        self.servers.stop()


def start_gateway(
    rules_dir: Path, state_dir: Path, tools_dir: Path | None = None, env: dict[str, str] | None = None,
    admin_token: str | None = ADMIN_TOKEN, reload_interval_s: float = 0.1, **settings: Any,
) -> RunningGateway:
    """`settings`: further `Settings` fields (e.g. `redis_url`, `database_url`)."""
    base = Settings(
        rules_dir=rules_dir, tools_dir=tools_dir, state_dir=state_dir,
        admin_token=admin_token, reload_interval_s=reload_interval_s, environ=env or {},
    )
    gw = build_gateway(replace(base, **settings))
    servers = ThreadedServers([data_app(gw), admin_app(gw)], lambda: running(gw)).start()
    return RunningGateway(gw, servers)
