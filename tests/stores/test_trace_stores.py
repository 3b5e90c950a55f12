"""The decision log on SQLite and on the real PostgreSQL: the same run view; replicas share one log."""

from __future__ import annotations

from pathlib import Path

import openai

from gateway.app import admin_app, build_gateway, data_app, running
from gateway.errors import Reason
from gateway.model import Action, Mode
from gateway.settings import Settings
from gateway.trace.events import CallRecord, DecisionEvent, Outcome, Phase
from gateway.trace.recorder import TraceStore
from tests.approvals.pg import needs_postgres, private_schema
from tests.support.gateway import AGENT_KEY, RunningGateway
from tests.support.threaded import ThreadedServers
from tests.support.upstream import FakeUpstream


def event(call: str, check: str, action: Action = Action.CONTINUE, run: str = "r1") -> DecisionEvent:
    reason = Reason.CONTENT_BLOCKED if action is Action.DENY else None
    return DecisionEvent(call, run, "a", Phase.REQUEST, check, action, Mode.ENFORCE, "rev", 1.0, reason)


def record(call: str, started: float, outcome: Outcome = Outcome.OK, run: str = "r1") -> CallRecord:
    return CallRecord(call, run, "a", "chat.completions", "echo", started, 1.0, 200, outcome, "rev",
                      prompt_tokens=3, completion_tokens=2, cost_usd=0.5)


def test_run_view_orders_calls_and_keeps_verdicts_in_order(store: TraceStore) -> None:
    store.write([event("c2", "authenticate"), event("c2", "permission"), event("c1", "authenticate"),
                 event("x", "authenticate", run="other")], [record("c2", 20.0)])
    # the rest of c2's verdicts and c1's record arrive in a later batch
    store.write([event("c2", "output_guards"), event("c1", "input_guards", Action.DENY)],
                [record("c1", 10.0, Outcome.REFUSED)])
    view = store.run("r1")
    assert view is not None
    assert [c["call_id"] for c in view["calls"]] == ["c1", "c2"]
    assert [d["check"] for d in view["calls"][1]["decisions"]] == ["authenticate", "permission", "output_guards"]
    assert [(d["check"], d["action"]) for d in view["calls"][0]["decisions"]] == [
        ("authenticate", "continue"), ("input_guards", "deny")]
    assert view["totals"] == {"calls": 2, "refused": 1, "prompt_tokens": 6, "completion_tokens": 4, "cost_usd": 1.0}
    assert store.run("nope") is None


def test_runs_summarise_recent_runs_per_agent(store: TraceStore) -> None:
    def rec(call: str, run: str, agent: str, started: float, outcome: Outcome = Outcome.OK) -> CallRecord:
        return CallRecord(call, run, agent, "chat.completions", "echo", started, 1.0, 200, outcome, "rev",
                          prompt_tokens=3, completion_tokens=2, cost_usd=0.25)
    store.write([], [rec("a1", "old", "a", 5.0), rec("a2", "r1", "a", 10.0), rec("a3", "r1", "a", 30.0, Outcome.REFUSED),
                     rec("b1", "r2", "b", 20.0), rec("a4", "r3", "a", 25.0)])
    got = store.runs(since=10.0, agent=None, limit=10)
    assert [(r["run_id"], r["agent_id"], r["calls"], r["refused"]) for r in got] == [
        ("r1", "a", 2, 1), ("r3", "a", 1, 0), ("r2", "b", 1, 0)]
    assert got[0]["first_at"] == 10.0 and got[0]["last_at"] == 30.0 and got[0]["cost_usd"] == 0.5
    assert got[0]["last_at_iso"] == "1970-01-01T00:00:30.000Z"
    assert [r["run_id"] for r in store.runs(since=10.0, agent="a", limit=1)] == ["r1"]
    assert [r["run_id"] for r in store.runs(since=0.0, agent="a", limit=10)] == ["r1", "r3", "old"]
    assert store.runs(since=31.0, agent=None, limit=10) == []


def _replica(tmp_path: Path, name: str, url: str, upstream_url: str) -> RunningGateway:
    from tests.support.gateway import write_rules

    rules = write_rules(tmp_path / f"rules-{name}", upstream_url)
    settings = Settings(rules_dir=rules, tools_dir=None, state_dir=tmp_path / f"state-{name}",
                        admin_token="t", database_url=url, environ={})
    gw = build_gateway(settings)
    return RunningGateway(gw, ThreadedServers([data_app(gw), admin_app(gw)], lambda: running(gw)).start())


@needs_postgres
def test_two_replicas_write_one_run_trace(tmp_path: Path, upstream: FakeUpstream) -> None:
    with private_schema() as url:
        a, b = _replica(tmp_path, "a", url, upstream.url), _replica(tmp_path, "b", url, upstream.url)
        try:
            for gw in (a, b, a):
                openai.OpenAI(base_url=f"{gw.url}/v1", api_key=AGENT_KEY, max_retries=0,
                              default_headers={"x-wardgate-run-id": "shared-run"}).chat.completions.create(
                    model="echo", messages=[{"role": "user", "content": "hi"}])
            b.servers.call(b.gw.recorder.flush())
            view = a.run_trace("shared-run")
            assert view["totals"]["calls"] == 3
        finally:
            a.stop()
            b.stop()
