"""A gateway with tools: the example upstream (HTTP + MCP) on loopback, a registry and agents pointing at it."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import jwt
import yaml

from gateway.examples.tools_upstream import ExampleUpstream
from gateway.tools.canonical import definition_hash
from tests.support.gateway import AGENT_KEY, OTHER_KEY, models_rules
from tests.support.threaded import ThreadedServers

USER_SECRET = "user-token-test-secret-0123456789abcdef"
LIMITED_KEY = "wg-test-limited-key"


class RunningUpstream:
    def __init__(self) -> None:
        self.state = ExampleUpstream()
        app, manager = self.state.app()
        self.servers = ThreadedServers([app], manager.run).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.servers.ports[0]}"

    def stop(self) -> None:
        self.servers.stop()


def pins(state: ExampleUpstream) -> dict[str, Any]:
    return {name: {"description": t.description, "input_schema": t.input_schema,
                   "sha256": definition_hash(t.description, t.input_schema, t.output_schema)}
            for name, t in state.mcp_tools.items()}


def registry(upstream_url: str, state: ExampleUpstream) -> dict[str, Any]:
    return {
        "tools": {
            "tickets.create": {
                "description": "Open a support ticket.", "risk": "medium", "impact": "Creates a ticket.",
                "input_schema": {"type": "object", "required": ["title", "customer"], "additionalProperties": False,
                                 "properties": {"title": {"type": "string", "minLength": 3},
                                                "priority": {"enum": ["low", "normal", "high"]},
                                                "customer": {"type": "object", "required": ["email"],
                                                             "properties": {"email": {"type": "string"}}}}},
                "output_schema": {"type": "object", "required": ["id", "status"]},
                "upstream": {"http": {"url": f"{upstream_url}/tickets", "headers": {"authorization": "Bearer ${TOOL_TOKEN:-t0k}"}}},
            },
            "tickets.get": {
                "description": "Read a ticket.", "idempotent": True, "loop_limit": 3,
                "input_schema": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}},
                "upstream": {"http": {"url": f"{upstream_url}/tickets/get"}},
            },
            "weather.current": {
                "description": "Weather.",
                "input_schema": {"type": "object", "required": ["city"], "properties": {"city": {"type": "string"}}},
                "output_schema": {"type": "object", "required": ["city", "temperature_c"],
                                  "properties": {"temperature_c": {"type": "number"}}},
                "upstream": {"http": {"url": f"{upstream_url}/weather", "method": "GET"}},
            },
            "payments.refund": {
                "description": "Refund.", "risk": "high",
                "input_schema": {"type": "object", "required": ["amount"], "properties": {"amount": {"type": "number"}}},
                "upstream": {"http": {"url": f"{upstream_url}/refund"}},
            },
        },
        "mcp_servers": {"docs": {"url": f"{upstream_url}/mcp", "timeout_s": 5, "pinned": pins(state),
                                 "imports": [{"match": "*_docs", "prefix": "docs."}]}},
    }


def agents(**extra: Any) -> dict[str, Any]:
    return {
        "agents": {
            "tester": {"keys": [{"value": AGENT_KEY}], "models": {"allow": ["*"]},
                       "tools": {"allow": ["tickets.*", "weather.*", "docs.*", "payments.*", "get_weather"],
                                 "deny": ["docs.delete_*"]},
                       "tool_args": {"tickets.create": {"customer.email": {"pattern": "^[^@\\s,]+@example\\.com(?!\\n)$"}},
                                     "payments.*": {"amount": {"maximum": 100}}},
                       "proposed_tool_calls": extra.pop("proposed", "monitor")},
            "other": {"keys": [{"value": OTHER_KEY}], "models": {"allow": ["echo"]}},
            "limited": {"keys": [{"value": LIMITED_KEY}], "models": {"allow": ["*"]},
                        "tools": {"allow": ["weather.*"]}, "proposed_tool_calls": "block"},
        },
        "user_tokens": {"algorithms": ["HS256"], "keys": [USER_SECRET], "leeway_s": 5},
    }


def write(tmp: Path, llm_url: str, tools_url: str, state: ExampleUpstream, **agent_extra: Any) -> tuple[Path, Path]:
    rules, tools = tmp / "rules", tmp / "tool_registry"
    rules.mkdir(parents=True, exist_ok=True)
    tools.mkdir(parents=True, exist_ok=True)
    (rules / "models.yaml").write_text(yaml.safe_dump(models_rules(llm_url)))
    (rules / "agents.yaml").write_text(yaml.safe_dump(agents(**agent_extra)))
    (tools / "tools.yaml").write_text(yaml.safe_dump(registry(tools_url, state)))
    return rules, tools


def user_token(tools: list[str], sub: str = "alice", exp_in: float = 300, secret: str = USER_SECRET) -> str:
    now = time.time()
    return jwt.encode({"sub": sub, "tools": tools, "iat": int(now), "exp": int(now + exp_in)}, secret,
                      algorithm="HS256")
