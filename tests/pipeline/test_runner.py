"""The runner: order, monitor mode never blocks or rewrites, on_error both ways, every verdict traced."""

from __future__ import annotations

from pathlib import Path

import pytest

from gateway.config.checks_file import CheckPolicy
from gateway.config.ruleset import RuleSet, load_rules
from gateway.errors import Reason
from gateway.model import Action, Api, Call, Mode, OnError, Verdict
from gateway.pipeline.check import Step
from gateway.pipeline.runner import Runner
from gateway.trace.events import DecisionEvent


class Fixed:
    configurable = True

    def __init__(self, name: str, verdict: Verdict | Exception) -> None:
        self.name = name
        self._verdict = verdict
        self.seen: list[Call] = []

    def applies(self, call: Call, rules: RuleSet) -> bool:
        return True

    async def on_request(self, call: Call, rules: RuleSet) -> Verdict:
        self.seen.append(call)
        if isinstance(self._verdict, Exception):
            raise self._verdict
        return self._verdict


def rules_with(tmp_path: Path, checks: dict[str, CheckPolicy]) -> RuleSet:
    (tmp_path / "models.yaml").write_text("models: {echo: {provider: echo}}\n")
    (tmp_path / "agents.yaml").write_text("agents: {a: {keys: [{value: k}]}}\n")
    body = "checks:\n" + "".join(f"  {n}: {{mode: {p.mode.value}, on_error: {p.on_error.value}}}\n" for n, p in checks.items())
    (tmp_path / "checks.yaml").write_text(body if checks else "checks: {}\n")
    return load_rules(tmp_path, None, {})


CALL = Call(id="dec_1", run_id="run_1", api=Api.CHAT, target="echo", payload={"a": 1}, received_at=0.0)
REWRITE = Verdict.proceed(call=CALL.with_payload({"a": 2}))
DENY = Verdict.deny(Reason.CONTENT_BLOCKED, "no")


async def _run(tmp_path: Path, verdict: Verdict | Exception, policy: CheckPolicy) -> tuple[object, Fixed, list[DecisionEvent]]:
    events: list[DecisionEvent] = []
    first, probe = Fixed("first", verdict), Fixed("probe", Verdict.proceed())
    runner = Runner([Step(first, "t"), Step(probe, "t")], [], events.append, clock=lambda: 42.0)
    result = await runner.run_request(CALL, rules_with(tmp_path, {"first": policy}))
    return result, probe, events


@pytest.mark.parametrize(
    ("verdict", "policy", "stopped_with", "payload_after"),
    [
        (DENY, CheckPolicy(), Reason.CONTENT_BLOCKED, None),
        (DENY, CheckPolicy(mode=Mode.MONITOR), None, {"a": 1}),
        (REWRITE, CheckPolicy(), None, {"a": 2}),
        (REWRITE, CheckPolicy(mode=Mode.MONITOR), None, {"a": 1}),
        (Verdict.hold("wait"), CheckPolicy(mode=Mode.MONITOR), None, {"a": 1}),
        (RuntimeError("boom"), CheckPolicy(), Reason.CHECK_FAILED, None),
        (RuntimeError("boom"), CheckPolicy(on_error=OnError.ALLOW), None, {"a": 1}),
        (RuntimeError("boom"), CheckPolicy(mode=Mode.MONITOR), None, {"a": 1}),
    ],
)
def test_runner_table(tmp_path: Path, verdict: Verdict | Exception, policy: CheckPolicy,
                      stopped_with: Reason | None, payload_after: dict[str, int] | None) -> None:
    import asyncio

    result, probe, events = asyncio.run(_run(tmp_path, verdict, policy))
    assert result.stop is None if stopped_with is None else result.stop.verdict.reason is stopped_with  # type: ignore[attr-defined]
    if payload_after is None:
        assert probe.seen == []  # nothing runs after a stop
    else:
        assert probe.seen[0].payload == payload_after
    first = events[0]
    assert first.check == "first" and first.mode is policy.mode and first.at == 42.0
    # the trace records what the check decided, even when monitor mode did not enforce it
    if isinstance(verdict, Verdict):
        assert first.action is verdict.action
    elif policy.on_error is OnError.DENY:
        assert first.action is Action.DENY and first.reason is Reason.CHECK_FAILED
