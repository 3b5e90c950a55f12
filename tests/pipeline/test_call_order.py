"""The order of a call is written once (`gateway.checks.call_order`), in execution order, and the gateway the
app factory builds runs exactly that order."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from gateway.app import build_gateway
from gateway.checks import StreamStages
from gateway.config.ruleset import RuleSet, load_rules
from gateway.guards.stream import GuardStream
from gateway.model import Api, Call, Verdict
from gateway.pipeline.check import ResponseStep
from gateway.pipeline.runner import Runner
from gateway.settings import Settings

# Check names as the decision log records them (model and tool permission share one name, by design).
REQUEST = ["authenticate", "user_token", "permission", "permission", "schema", "loop", "rate-limit", "budget",
           "input_guards", "approval"]
RESPONSE = ["result_schema", "proposed_calls", "tool_result_guards", "output_guards"]


def _rules(tmp_path: Path) -> Path:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "models.yaml").write_text("models: {echo: {provider: echo}}\n")
    (rules / "agents.yaml").write_text("agents: {a: {keys: [{value: k}], models: {allow: ['*']}}}\n")
    (rules / "guards.yaml").write_text(
        "guards:\n  - {name: secrets, detector: secrets, where: [output], action: block}\n")
    return rules


def test_the_built_gateway_runs_the_call_order(tmp_path: Path) -> None:
    gw = build_gateway(Settings(rules_dir=_rules(tmp_path), tools_dir=None, state_dir=tmp_path / "s", environ={}))
    assert [s.check.name for s in gw.runner.steps] == REQUEST
    assert [s.check.name for s in gw.runner.response_steps] == RESPONSE
    assert isinstance(gw.stream_transforms, StreamStages)
    call = Call(id="dec_1", run_id="r", api=Api.CHAT, target="echo", payload={}, received_at=0.0)
    transforms = gw.stream_transforms(call, gw.rules.current, lambda event: None)
    # proposed tool calls are judged before the output guards see any text
    assert [type(t).__name__ for t in transforms] == ["ProposedCallStream", "GuardStream"]
    assert isinstance(transforms[-1], GuardStream)


class Named:
    configurable = False

    def __init__(self, name: str, ran: list[str]) -> None:
        self.name = name
        self._ran = ran

    def applies(self, call: Call, rules: RuleSet) -> bool:
        return True

    async def on_response(self, call: Call, rules: RuleSet, body: Mapping[str, Any]) -> Verdict:
        self._ran.append(self.name)
        return Verdict.proceed()


def test_response_steps_run_in_the_order_written(tmp_path: Path) -> None:
    ran: list[str] = []
    steps = [ResponseStep(Named(n, ran), "t") for n in ("first", "second", "third")]
    runner = Runner([], steps, lambda event: None)
    call = Call(id="dec_1", run_id="r", api=Api.CHAT, target="echo", payload={}, received_at=0.0)
    asyncio.run(runner.run_response(call, load_rules(_rules(tmp_path), None, {}), {}))
    assert ran == ["first", "second", "third"]
