"""A rule set with one tool, and tool calls to run loop protection on (in process or against Redis)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from gateway.config.ruleset import RuleSet, load_rules
from gateway.model import Api, Call

TOOL = "kb.lookup"


def tool_rules(tmp: Path, loop_limit: int, checks: dict[str, Any] | None = None) -> RuleSet:
    rules, tools = tmp / "rules", tmp / "tools"
    rules.mkdir(parents=True, exist_ok=True)
    tools.mkdir(parents=True, exist_ok=True)
    (rules / "models.yaml").write_text("models: {echo: {provider: echo}}\n")
    (rules / "agents.yaml").write_text("agents: {a: {keys: [{value: k}], tools: {allow: ['*']}}}\n")
    if checks is not None:
        (rules / "checks.yaml").write_text(yaml.safe_dump({"checks": checks}))
    registry = {"tools": {TOOL: {"description": "Look something up.", "loop_limit": loop_limit,
                                 "upstream": {"http": {"url": "http://127.0.0.1:9/lookup"}}}}}
    (tools / "tools.yaml").write_text(yaml.safe_dump(registry))
    return load_rules(rules, tools, {})


def tool_call(n: int, args: dict[str, Any], run: str = "run-1") -> Call:
    return Call(id=f"dec_{n}", run_id=run, api=Api.TOOL, target=TOOL, payload={"arguments": args}, received_at=0.0)


# (run, tool, argument hash, count after this hit): runs, tools and arguments are counted apart.
HITS = [
    ("r1", "t", "h1", 1),
    ("r1", "t", "h1", 2),
    ("r1", "t", "h2", 1),   # other arguments
    ("r2", "t", "h1", 1),   # other run
    ("r1", "u", "h1", 1),   # other tool
    ("r1", "t", "h1", 3),
    ("r1:t", "u", "h1", 1),  # a run id with ':' is not another run's tool
    ("r1", "t:u", "h1", 1),
]
