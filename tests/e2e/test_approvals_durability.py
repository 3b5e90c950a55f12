"""Pending approvals survive SIGKILL + restart (SQLite and the real PostgreSQL); the CLI decides them;
with two replicas on one PostgreSQL, a decision on one releases a sync call held on the other."""

from __future__ import annotations

import concurrent.futures
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.approvals.harness import TOKENS, Agent, Approver, approvals_rules, write_all
from tests.approvals.pg import URL, private_schema
from tests.approvals.process import cli, serve
from tests.support.upstream import FakeUpstream


@pytest.fixture
def tool_upstream() -> Iterator[FakeUpstream]:
    up = FakeUpstream().start()
    up.behaviour.handler = lambda path, body: {"done": body}
    yield up
    up.stop()


# Restarting a subprocess takes seconds: the held (critical) approvals must outlive it.
SLOW_TIERS = approvals_rules(tiers={"high": {"handling": "async", "timeout_s": 600},
                                    "critical": {"handling": "sync", "timeout_s": 300}})


def tool_calls(up: FakeUpstream) -> list[object]:
    return [r.body for r in up.received if r.path == "/tool"]


def _held_call(agent: Agent) -> httpx.Response | Exception:
    try:
        return agent.invoke("db.drop", {"table": "sessions"})
    except httpx.HTTPError as exc:  # the gateway is killed while the call waits
        return exc


def kill_restart_and_decide(tmp_path: Path, up: FakeUpstream, database_url: str | None) -> None:
    rules_dir, tools_dir = write_all(tmp_path, up.url, SLOW_TIERS)
    state, log = tmp_path / "state", tmp_path / "serve.log"
    first = serve(rules_dir, tools_dir, state, log, database_url)
    agent = Agent(first.url, run_id="durable-run")
    try:
        parked = agent.invoke("payments.refund", {"amount": 70}).json()["approval"]
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            held = pool.submit(_held_call, agent)
            sync = Approver(first.admin_url, TOKENS["alice"]).wait_for_pending(tool="db.drop")
            first.kill()
            assert isinstance(held.result(timeout=10), Exception)
    finally:
        first.kill()
    second = serve(rules_dir, tools_dir, state, log, database_url)
    try:
        agent.url = second.url
        listed = cli(second.admin_url, TOKENS["alice"], "list")
        assert listed.returncode == 0, listed.stderr
        assert parked["id"] in listed.stdout and sync["id"] in listed.stdout
        shown = cli(second.admin_url, TOKENS["alice"], "show", parked["id"])
        assert "Money leaves the company account" in shown.stdout and '"amount": 70' in shown.stdout
        assert agent.poll(sync["id"]).json()["status"] == "pending"  # the held call's approval is pollable

        ok = cli(second.admin_url, TOKENS["alice"], "approve", parked["id"], "--reason", "fine")
        assert ok.returncode == 0 and "approved" in ok.stdout, ok.stderr
        no = cli(second.admin_url, TOKENS["bob"], "deny", sync["id"], "--reason", "not today")
        assert no.returncode == 0 and "denied" in no.stdout, no.stderr
        again = cli(second.admin_url, TOKENS["bob"], "deny", sync["id"], "--reason", "twice")
        assert again.returncode != 0 and "409" in again.stderr

        assert agent.invoke("payments.refund", {"amount": 70}, approval=parked["id"]).status_code == 200
        denied = agent.invoke("db.drop", {"table": "sessions"}, approval=sync["id"])
        assert denied.status_code == 403 and "not today" in denied.json()["error"]["message"]
        assert tool_calls(up) == [{"amount": 70}]
    finally:
        second.kill()


@pytest.mark.slow
def test_sqlite_pending_approvals_survive_sigkill(tmp_path: Path, tool_upstream: FakeUpstream) -> None:
    kill_restart_and_decide(tmp_path, tool_upstream, None)


@pytest.mark.postgres
@pytest.mark.slow
@pytest.mark.skipif(not URL, reason="WARDGATE_TEST_DATABASE_URL is not set (.ci/run sets it)")
def test_postgres_pending_approvals_survive_sigkill(tmp_path: Path, tool_upstream: FakeUpstream) -> None:
    with private_schema() as url:
        kill_restart_and_decide(tmp_path, tool_upstream, url)


@pytest.mark.postgres
@pytest.mark.slow
@pytest.mark.skipif(not URL, reason="WARDGATE_TEST_DATABASE_URL is not set (.ci/run sets it)")
def test_decision_on_one_replica_releases_a_sync_call_held_on_another(
    tmp_path: Path, tool_upstream: FakeUpstream,
) -> None:
    rules_dir, tools_dir = write_all(tmp_path, tool_upstream.url, SLOW_TIERS)
    with private_schema() as url:
        a = serve(rules_dir, tools_dir, tmp_path / "state-a", tmp_path / "a.log", url)
        b = serve(rules_dir, tools_dir, tmp_path / "state-b", tmp_path / "b.log", url)
        try:
            with concurrent.futures.ThreadPoolExecutor(1) as pool:
                held = pool.submit(Agent(a.url).invoke, "db.drop", {"table": "cache"})
                on_b = Approver(b.admin_url, TOKENS["alice"])
                pending = on_b.wait_for_pending(tool="db.drop")  # replica B sees what replica A parked
                assert not held.done()
                assert on_b.decide(pending["id"], "approve", "cache rebuild").status_code == 200
                r = held.result(timeout=10)
            assert r.status_code == 200, r.text
            assert tool_calls(tool_upstream) == [{"table": "cache"}]
        finally:
            a.kill()
            b.kill()
