"""A stream the client cancels is charged what was delivered: the prompt estimate plus the output text sent so
far, on the embedded (SQLite) and the Redis ledger; the trace says the usage is an estimate."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openai
import pytest
import yaml

from gateway.limits.estimate import CHARS_PER_TOKEN, prompt_tokens
from gateway.model import Api
from tests.support.gateway import AGENT_KEY, RunningGateway, write_rules
from tests.support.leaving import LEDGERS, budget, gateway_on, wait_for
from tests.support.upstream import FakeUpstream, chat_stream_events

MESSAGES = [{"role": "user", "content": "Tell me a long story about budgets, please."}]
WORDS = [f"word{i} " for i in range(3_000)]


@pytest.fixture(params=LEDGERS)
def budgeted(request: pytest.FixtureRequest, tmp_path: Path, upstream: FakeUpstream) -> Iterator[RunningGateway]:
    rules = write_rules(tmp_path / "rules", upstream.url)
    agents = yaml.safe_load((rules / "agents.yaml").read_text())
    agents["agents"]["tester"]["budget"] = {"tokens": 1_000_000}
    (rules / "agents.yaml").write_text(yaml.safe_dump(agents))
    with gateway_on(request.param, rules, tmp_path / "state") as gw:
        yield gw


def settled(gw: RunningGateway, run: str) -> Any:
    return wait_for("the settlement", lambda: (s := budget(gw, run)) and s["reserved"]["tokens_in"] == 0 and s, 20)


def test_a_cancelled_stream_is_charged_what_was_delivered(budgeted: RunningGateway, upstream: FakeUpstream) -> None:
    upstream.behaviour.stream_delay_s = 0.005  # the answer takes ~15 s unless the client leaves
    upstream.stream_events = lambda p, b: chat_stream_events(WORDS)
    client = openai.OpenAI(base_url=f"{budgeted.url}/v1", api_key=AGENT_KEY, max_retries=0,
                           default_headers={"x-wardgate-run-id": "run-cut"})
    stream = client.chat.completions.create(model="gpt-4o-mini", stream=True, max_tokens=4_000,
                                            messages=MESSAGES)  # type: ignore[arg-type]
    received = ""
    for chunk in stream:
        received += (chunk.choices[0].delta.content or "") if chunk.choices else ""
        if len(received) > 600:
            break
    stream.close()  # the SDK closes the connection: the client has left

    state = settled(budgeted, "run-cut")
    prompt = prompt_tokens(Api.CHAT, {"messages": MESSAGES})
    assert state["used"]["tokens_in"] == prompt and state["used"]["llm_calls"] == 1
    out = state["used"]["tokens_out"]
    # at least what the client read; at most what was sent before the gateway saw it leave (far from the whole)
    assert math.ceil(len(received) / CHARS_PER_TOKEN) <= out < math.ceil(len("".join(WORDS)) / CHARS_PER_TOKEN) / 2
    call = budgeted.run_trace("run-cut")["calls"][0]
    assert call["outcome"] == "cancelled"
    assert (call["prompt_tokens"], call["completion_tokens"]) == (prompt, out)
    estimate = call["detail"]["usage_estimated"]
    assert estimate["prompt_tokens"] == prompt and estimate["completion_tokens"] == out
    assert estimate["delivered_chars"] >= len(received) and estimate["prompt_reported"] is False
    assert call["cost_usd"] == pytest.approx((prompt * 1.0 + out * 2.0) / 1e6)


def test_a_completed_stream_without_usage_is_charged_the_same_way(budgeted: RunningGateway,
                                                                   upstream: FakeUpstream) -> None:
    words = ["a ", "short ", "answer."]
    upstream.stream_events = lambda p, b: [e for e in chat_stream_events(words) if b'"usage"' not in e]
    client = openai.OpenAI(base_url=f"{budgeted.url}/v1", api_key=AGENT_KEY, max_retries=0,
                           default_headers={"x-wardgate-run-id": "run-nousage"})
    chunks = list(client.chat.completions.create(model="gpt-4o-mini", stream=True, messages=MESSAGES))  # type: ignore[arg-type]
    assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices) == "a short answer."
    state = settled(budgeted, "run-nousage")
    assert state["used"]["tokens_in"] == prompt_tokens(Api.CHAT, {"messages": MESSAGES})
    assert state["used"]["tokens_out"] == math.ceil(len("a short answer.") / CHARS_PER_TOKEN)
