"""A client that leaves while a streamed call waits on an upstream that sent its headers and then stalls (keeping
the connection alive with SSE comments): the gateway aborts the upstream, settles the prompt estimate, and records
the call as cancelled, on the embedded (SQLite) and the Redis ledger. Before the fix the upstream connection, the
reservation and the in-flight call all stayed until the upstream ended, which this one never does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from gateway.limits.estimate import prompt_tokens
from gateway.model import Api
from tests.support.gateway import RunningGateway, write_rules
from tests.support.leaving import LEDGERS, budget, gateway_on, send, wait_for
from tests.support.stalling import StallingUpstream

MESSAGES = [{"role": "user", "content": "Tell me a story that never starts."}]


@pytest.fixture
def stalling() -> Iterator[StallingUpstream]:
    up = StallingUpstream(headers=True)
    yield up
    up.stop()


@pytest.fixture(params=LEDGERS)
def budgeted(request: pytest.FixtureRequest, tmp_path: Path, stalling: StallingUpstream) -> Iterator[RunningGateway]:
    rules = write_rules(tmp_path / "rules", f"http://127.0.0.1:{stalling.port}")
    agents = yaml.safe_load((rules / "agents.yaml").read_text())
    agents["agents"]["tester"]["budget"] = {"tokens": 1_000_000}
    (rules / "agents.yaml").write_text(yaml.safe_dump(agents))
    with gateway_on(request.param, rules, tmp_path / "state") as gw:
        yield gw


@pytest.mark.parametrize("concurrent", [1, 5])
def test_a_client_leaving_before_the_first_event_aborts_the_upstream_and_settles(
        budgeted: RunningGateway, stalling: StallingUpstream, concurrent: int) -> None:
    body = {"model": "gpt-4o-mini", "stream": True, "max_tokens": 500, "messages": MESSAGES}
    clients = [send(budgeted, "/v1/chat/completions", body, "run-gone") for _ in range(concurrent)]
    wait_for("the upstream receiving every call", lambda: stalling.requests == concurrent)
    state = wait_for("the reservations", lambda: (s := budget(budgeted, "run-gone")) and
                     s["reserved"]["tokens_in"] > 0 and s)
    assert state["used"]["llm_calls"] == 0  # nothing settled while the clients wait
    for c in clients:
        c.close()  # the clients leave; the gateway has sent nothing yet

    wait_for("the gateway closing its upstream connections", lambda: stalling.open == 0)
    state = wait_for("the settlement", lambda: (s := budget(budgeted, "run-gone")) and
                     s["reserved"]["tokens_in"] == 0 and s)
    prompt = prompt_tokens(Api.CHAT, {"messages": MESSAGES})
    assert state["used"]["llm_calls"] == concurrent
    assert (state["used"]["tokens_in"], state["used"]["tokens_out"]) == (prompt * concurrent, 0)
    calls = wait_for("every call recorded", lambda: (t := budgeted.run_trace("run-gone")) and
                     len([c for c in t["calls"] if c.get("outcome") != "in-flight"]) == concurrent and t)["calls"]
    for call in calls:
        assert (call["outcome"], call["status"]) == ("cancelled", 499)
        assert (call["prompt_tokens"], call["completion_tokens"]) == (prompt, 0)
        assert call["detail"]["usage_estimated"]["delivered_chars"] == 0
