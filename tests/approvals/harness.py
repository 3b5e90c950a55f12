"""A gateway with a tool registry, approvers and an injectable clock, on loopback, for approval tests."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import yaml

from gateway.app import admin_app, build_gateway, data_app, running
from gateway.settings import Settings
from tests.support.gateway import AGENT_KEY, OTHER_KEY, RunningGateway, models_rules
from tests.support.threaded import ThreadedServers

TOKENS = {"alice": "alice-approver-token", "bob": "bob-approver-token", "carol": "carol-approver-token"}
ADMIN = "admin-test-token"


def tools_registry(tool_url: str) -> dict[str, Any]:
    def tool(risk: str, impact: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
        return {"description": f"a {risk} tool", "risk": risk, "impact": impact,
                "input_schema": schema or {"type": "object"}, "upstream": {"http": {"url": tool_url}}}
    return {"tools": {
        "payments.refund": tool("high", "Money leaves the company account and cannot be pulled back.",
                                {"type": "object", "properties": {"amount": {"type": "number"},
                                                                  "order": {"type": "string"}},
                                 "required": ["amount"]}),
        "db.drop": tool("critical", "The table and its data are gone."),
        "tickets.create": tool("low", "A ticket is opened."),
        "notes.add": tool("medium", "A note is added to the customer."),
    }}


def approvals_rules(**overrides: Any) -> dict[str, Any]:
    rules: dict[str, Any] = {
        "tiers": {"high": {"handling": "async", "timeout_s": 600, "use_within_s": 300},
                  "critical": {"handling": "sync", "timeout_s": 20}},
        "escalations": [{"name": "large-refund", "tools": ["payments.refund"], "tier": "critical",
                         "reason": "Refunds over $500 need a human first.",
                         "when": {"properties": {"amount": {"type": "number", "exclusiveMinimum": 500}}}}],
        "approvers": {"alice": {"token": TOKENS["alice"]}, "bob": {"token": TOKENS["bob"]},
                      "carol": {"token": TOKENS["carol"], "tiers": ["high"]}},
    }
    rules.update(overrides)
    return rules


def write_all(root: Path, upstream_url: str, approvals: dict[str, Any] | None = None) -> tuple[Path, Path]:
    rules_dir, tools_dir = root / "rules", root / "tool_registry"
    rules_dir.mkdir(parents=True, exist_ok=True)
    tools_dir.mkdir(parents=True, exist_ok=True)
    agents = {"agents": {
        "tester": {"keys": [{"value": AGENT_KEY}], "models": {"allow": ["*"]}, "tools": {"allow": ["*"]}},
        "other": {"keys": [{"value": OTHER_KEY}], "models": {"allow": ["echo"]}, "tools": {"allow": ["*"]}},
    }}
    files = {"models": models_rules(upstream_url), "agents": agents, "approvals": approvals or approvals_rules()}
    for kind, content in files.items():
        (rules_dir / f"{kind}.yaml").write_text(yaml.safe_dump(content, sort_keys=False))
    (tools_dir / "tools.yaml").write_text(yaml.safe_dump(tools_registry(f"{upstream_url}/tool"), sort_keys=False))
    return rules_dir, tools_dir


@dataclass
class Clock:
    """Real time plus an offset a test can push forward."""

    offset: float = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset


def start(rules_dir: Path, tools_dir: Path, state_dir: Path, clock: Callable[[], float] = time.time,
          database_url: str | None = None) -> RunningGateway:
    settings = Settings(rules_dir=rules_dir, tools_dir=tools_dir, state_dir=state_dir, admin_token=ADMIN,
                        reload_interval_s=0.1, database_url=database_url, environ={})
    gw = build_gateway(settings, clock=clock)
    servers = ThreadedServers([data_app(gw), admin_app(gw)], lambda: running(gw)).start()
    return RunningGateway(gw, servers)


@dataclass
class Agent:
    """The agent side: invoke tools and poll approvals over real HTTP."""

    url: str
    key: str = AGENT_KEY
    run_id: str = "run-approvals"
    client: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=30))

    def invoke(self, tool: str, arguments: dict[str, Any], approval: str | None = None) -> httpx.Response:
        headers = {"authorization": f"Bearer {self.key}", "x-wardgate-run-id": self.run_id}
        if approval:
            headers["x-wardgate-approval"] = approval
        return self.client.post(f"{self.url}/v1/tools/{tool}/invoke", json={"arguments": arguments}, headers=headers)

    def poll(self, approval_id: str) -> httpx.Response:
        return self.client.get(f"{self.url}/v1/approvals/{approval_id}", headers={"authorization": f"Bearer {self.key}"})


@dataclass
class Approver:
    admin_url: str
    token: str
    client: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=30))

    def _h(self) -> dict[str, str]:
        return {"authorization": f"Bearer {self.token}"}

    def list(self, **filters: str) -> list[dict[str, Any]]:
        r = self.client.get(f"{self.admin_url}/admin/approvals", params=filters, headers=self._h())
        r.raise_for_status()
        return list(r.json()["approvals"])

    def show(self, approval_id: str) -> httpx.Response:
        return self.client.get(f"{self.admin_url}/admin/approvals/{approval_id}", headers=self._h())

    def decide(self, approval_id: str, choice: str, reason: str) -> httpx.Response:
        return self.client.post(f"{self.admin_url}/admin/approvals/{approval_id}/{choice}", json={"reason": reason},
                                headers=self._h())

    def wait_for_pending(self, timeout_s: float = 10.0, **filters: str) -> dict[str, Any]:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            found = self.list(status="pending", **filters)
            if found:
                return found[0]
            time.sleep(0.05)
        raise AssertionError("no pending approval appeared")
