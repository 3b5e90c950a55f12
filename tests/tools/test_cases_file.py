"""rules/agents.cases.yaml: every tool-permission case holds against the shipped rules and tool registry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from gateway.config.ruleset import RuleSet, load_rules
from gateway.model import Action
from gateway.tools.permission import schema_verdict, tool_permission

ROOT = Path(__file__).resolve().parents[2]
CASES = yaml.safe_load((ROOT / "rules" / "agents.cases.yaml").read_text())["cases"]


@pytest.fixture(scope="module")
def shipped() -> RuleSet:
    return load_rules(ROOT / "rules", ROOT / "tool_registry", {"WARDGATE_AGENT_KEY": "k"})


def decide(rules: RuleSet, case: dict[str, Any]) -> str:
    user = tuple(case["user_tools"]) if "user_tools" in case else None
    v = tool_permission(case["agent"], rules.agents.get(case["agent"]), user, case["tool"], case["args"], rules.tools)
    if v.action is Action.CONTINUE:
        tool = rules.tools.get(case["tool"])
        assert tool is not None
        v = schema_verdict(tool, case["args"])
    return "allow" if v.action is Action.CONTINUE else str(v.reason)


@pytest.mark.parametrize("case", CASES, ids=[f"{c['agent']}:{c['tool']}:{c['expect']}:{i}" for i, c in enumerate(CASES)])
def test_case(shipped: RuleSet, case: dict[str, Any]) -> None:
    assert decide(shipped, case) == case["expect"]
