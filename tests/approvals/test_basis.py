"""An approval is bound to the parts of the rules that decided it: unrelated edits and a re-read environment
leave it valid, an edit of the tool's entry, the tiers, a matching escalation or the agent's grants voids it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from gateway.approvals.basis import decision_basis
from gateway.config.ruleset import load_rules
from tests.approvals.harness import TOKENS, Agent, start, write_all
from tests.support.gateway import RunningGateway
from tests.support.upstream import FakeUpstream

Edit = Callable[[dict[str, Any]], None]


def _edit(path: Path, change: Edit) -> None:
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False))


def _set(*keys: Any, value: Any) -> Edit:
    def change(data: dict[str, Any]) -> None:
        for k in keys[:-1]:
            data = data.setdefault(k, {})
        data[keys[-1]] = value
    return change


# (file, edit, voids an approval of tester's payments.refund)
CASES: list[tuple[str, Edit, bool]] = [
    ("models.yaml", _set("models", "gpt-4o", "timeout_s", value=9), False),
    ("models.yaml", _set("models", "gpt-4o", "api_key", value="${ROTATED_KEY:-sk-rotated}"), False),
    ("tools.yaml", _set("tools", "db.drop", "impact", value="Gone for good."), False),
    ("agents.yaml", _set("agents", "other", "tools", value={"allow": ["db.*"]}), False),
    ("agents.yaml", _set("agents", "tester", "models", value={"allow": ["echo"]}), False),
    ("agents.yaml", _set("agents", "tester", "tool_args", "db.*", value={"x": {"type": "string"}}), False),
    ("approvals.yaml", _set("approvers", "dave", value={"token": "dave-token"}), False),
    ("approvals.yaml", lambda d: d["escalations"].append(
        {"name": "drops", "tools": ["db.*"], "tier": "critical"}), False),
    ("tools.yaml", _set("tools", "payments.refund", "impact", value="Money leaves."), True),
    ("tools.yaml", _set("tools", "payments.refund", "risk", value="critical"), True),
    ("tools.yaml", _set("tools", "payments.refund", "upstream", "http", "url", value="http://127.0.0.1:9/x"), True),
    ("agents.yaml", _set("agents", "tester", "tools", value={"allow": ["*"], "deny": ["db.*"]}), True),
    ("agents.yaml", _set("agents", "tester", "tool_args", "payments.*", value={"amount": {"maximum": 50}}), True),
    ("approvals.yaml", _set("tiers", "high", "use_within_s", value=60), True),
    ("approvals.yaml", lambda d: d["escalations"][0].update(reason="Changed."), True),
    ("approvals.yaml", lambda d: d["escalations"].append(
        {"name": "everything", "tier": "high", "agents": ["test*"]}), True),
]


def _where(root: Path, file: str) -> Path:
    return root / ("tool_registry" if file == "tools.yaml" else "rules") / file


@pytest.mark.parametrize(("file", "change", "voids"), CASES)
def test_the_basis_changes_only_with_what_decided_the_call(tmp_path: Path, file: str, change: Edit,
                                                           voids: bool) -> None:
    rules_dir, tools_dir = write_all(tmp_path, "http://127.0.0.1:9")
    before = load_rules(rules_dir, tools_dir, {})
    _edit(_where(tmp_path, file), change)
    after = load_rules(rules_dir, tools_dir, {"ROTATED_KEY": "sk-new"})
    assert before.revision != after.revision
    changed = decision_basis(before, "tester", "payments.refund") != decision_basis(after, "tester", "payments.refund")
    assert changed is voids


def test_a_provider_key_read_again_from_the_environment_keeps_the_basis(tmp_path: Path) -> None:
    rules_dir, tools_dir = write_all(tmp_path, "http://127.0.0.1:9")
    _edit(rules_dir / "models.yaml", _set("models", "gpt-4o", "api_key", value="${OPENAI_API_KEY}"))
    old = load_rules(rules_dir, tools_dir, {"OPENAI_API_KEY": "sk-old"})
    new = load_rules(rules_dir, tools_dir, {"OPENAI_API_KEY": "sk-rotated"})
    assert old.revision != new.revision
    assert decision_basis(old, "tester", "payments.refund") == decision_basis(new, "tester", "payments.refund")
    assert decision_basis(old, "tester", "gpt-4o", is_tool=False) == decision_basis(new, "tester", "gpt-4o",
                                                                                    is_tool=False)


@pytest.fixture
def gw(tmp_path: Path, upstream: FakeUpstream) -> Iterator[RunningGateway]:
    upstream.behaviour.handler = lambda path, body: {"done": body}
    rules_dir, tools_dir = write_all(tmp_path, upstream.url)
    running = start(rules_dir, tools_dir, tmp_path / "state")
    yield running
    running.stop()


def _approved(gw: RunningGateway, agent: Agent) -> str:
    held = agent.invoke("payments.refund", {"amount": 20})
    assert held.status_code == 202, held.text
    approval = str(held.json()["approval"]["id"])
    assert httpx.post(f"{gw.admin_url}/admin/approvals/{approval}/approve", json={"reason": "ok"},
                      headers={"authorization": f"Bearer {TOKENS['alice']}"}).status_code == 200
    return approval


def _reload(gw: RunningGateway) -> None:
    gw.gw.rules.reload()


def test_pending_approvals_survive_unrelated_edits_and_not_relevant_ones(gw: RunningGateway, tmp_path: Path) -> None:
    agent = Agent(gw.url, run_id="run-basis")
    approval = _approved(gw, agent)
    _edit(tmp_path / "rules" / "models.yaml", _set("models", "gpt-4o", "timeout_s", value=7))
    _edit(tmp_path / "tool_registry" / "tools.yaml", _set("tools", "db.drop", "impact", value="Gone."))
    _reload(gw)
    used = agent.invoke("payments.refund", {"amount": 20}, approval)
    assert used.status_code == 200 and used.json()["status"] == "success", used.text

    second = _approved(gw, agent)
    _edit(tmp_path / "tool_registry" / "tools.yaml", _set("tools", "payments.refund", "impact", value="Money."))
    _reload(gw)
    refused = agent.invoke("payments.refund", {"amount": 20}, second)
    assert refused.status_code == 409, refused.text
    err = refused.json()["error"]
    assert err["code"] == "approval-invalid" and "the rules that decided it" in err["message"]
