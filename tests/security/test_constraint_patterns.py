"""The shipped argument constraint is anchored, and `wardgate check-rules` warns about ones that are not."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import yaml

from gateway.config.pattern_lint import pattern_problem
from tests.support.gateway import RunningGateway, start_gateway
from tests.support.process import WARDGATE, clean_env
from tests.tools.fixtures import run_tools_upstream
from tests.tools.support import RunningUpstream

ROOT = Path(__file__).resolve().parents[2]
KEY = "wg-quickstart-test-key"


@pytest.fixture
def tools_upstream() -> Iterator[RunningUpstream]:
    yield from run_tools_upstream()


@pytest.fixture
def shipped(tmp_path: Path, tools_upstream: RunningUpstream) -> Iterator[RunningGateway]:
    """The shipped rules and tool registry, unchanged, with the example tool upstream on loopback."""
    env = {"WARDGATE_AGENT_KEY": KEY, "WARDGATE_EXAMPLE_TOOLS_URL": tools_upstream.url}
    gw = start_gateway(ROOT / "rules", tmp_path / "state", tools_dir=ROOT / "tool_registry", env=env)
    yield gw
    gw.stop()


@pytest.mark.parametrize(("email", "status"), [
    ("a@example.com", 200),
    ("attacker@evil.org, a@example.com", 403),
    ("attacker@evil.org a@example.com", 403),
    ("a@example.com\n", 403),
    ("a@example.com.evil.test", 403),
])
def test_shipped_email_constraint_is_anchored(shipped: RunningGateway, tools_upstream: RunningUpstream,
                                              email: str, status: int) -> None:
    r = httpx.post(f"{shipped.url}/v1/tools/tickets.create/invoke", timeout=30, headers={"authorization": f"Bearer {KEY}"},
                   json={"arguments": {"title": "Printer jam", "priority": "low", "customer": {"email": email}}})
    assert r.status_code == status, r.text
    if status == 403:
        assert r.json()["error"]["code"] == "tool-not-allowed"
        assert r.json()["error"]["details"]["path"] == "$.customer.email"
        assert not [c for c in tools_upstream.state.calls if c[0] == "POST /tickets"]


@pytest.mark.parametrize(("pattern", "warned"), [
    ("@example\\.com$", True), ("^[^@]+@example\\.com", True), ("^a$", True),
    ("^[^@\\s,]+@example\\.com(?!\\n)$", False), ("^[a-z]+\\Z", False),
])
def test_pattern_anchoring(pattern: str, warned: bool) -> None:
    assert (pattern_problem(pattern) is not None) is warned


def test_check_rules_warns_about_an_unanchored_constraint(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    agents = yaml.safe_load((rules / "agents.yaml").read_text())
    agents["agents"]["quickstart"]["tool_args"]["tickets.create"]["customer.email"] = {
        "type": "string", "allOf": [{"pattern": "@example\\.com$"}]}
    (rules / "agents.yaml").write_text(yaml.safe_dump(agents))
    done = subprocess.run([WARDGATE, "check-rules", str(rules), "--tools", str(ROOT / "tool_registry")],
                          capture_output=True, text=True, env=clean_env(WARDGATE_AGENT_KEY=KEY), timeout=120)
    assert done.returncode == 0, done.stderr  # a warning, not an error
    assert "agents.quickstart.tool_args.tickets.create.customer.email.allOf[0]: pattern" in done.stderr
    assert "not anchored at the start" in done.stderr
    clean = subprocess.run([WARDGATE, "check-rules", str(ROOT / "rules"), "--tools", str(ROOT / "tool_registry")],
                           capture_output=True, text=True, env=clean_env(WARDGATE_AGENT_KEY=KEY), timeout=120)
    assert clean.returncode == 0 and "pattern" not in clean.stderr
