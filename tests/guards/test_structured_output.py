"""Structured output: a schema-violating answer is repaired once by asking again, or refused naming the path."""

from __future__ import annotations

import json
from typing import Any

import openai
import pytest

from tests.support.gateway import AGENT_KEY, RunningGateway
from tests.support.upstream import FakeUpstream, chat_body

SCHEMA = {"type": "object", "properties": {"city": {"type": "string"}, "temp_c": {"type": "number"}},
          "required": ["city", "temp_c"], "additionalProperties": False}
FORMAT: Any = {"type": "json_schema", "json_schema": {"name": "weather", "schema": SCHEMA, "strict": True}}


def answers(*texts: str):  # type: ignore[no-untyped-def]
    queue = list(texts)
    return lambda path, body: chat_body(queue.pop(0) if len(queue) > 1 else queue[0])


def ask(gw: RunningGateway, run: str) -> Any:
    c = openai.OpenAI(base_url=f"{gw.url}/v1", api_key=AGENT_KEY, max_retries=0,
                      default_headers={"x-wardgate-run-id": run})
    return c.chat.completions.create(model="gpt-4o-mini", response_format=FORMAT,
                                     messages=[{"role": "user", "content": "weather in Oslo as JSON"}])


def test_valid_answer_passes_untouched(gateway: RunningGateway, upstream: FakeUpstream) -> None:
    upstream.behaviour.handler = answers('{"city": "Oslo", "temp_c": 3.5}')
    assert json.loads(ask(gateway, "so-1").choices[0].message.content) == {"city": "Oslo", "temp_c": 3.5}
    assert len(upstream.received) == 1


def test_invalid_answer_is_repaired_once_and_charged(gateway: RunningGateway, upstream: FakeUpstream) -> None:
    upstream.behaviour.handler = answers('{"city": "Oslo", "temp_c": "cold"}', '{"city": "Oslo", "temp_c": -2}')
    assert json.loads(ask(gateway, "so-2").choices[0].message.content)["temp_c"] == -2
    repair = upstream.received[1].body["messages"]
    assert repair[-2] == {"role": "assistant", "content": '{"city": "Oslo", "temp_c": "cold"}'}
    assert "$.temp_c: 'cold' is not of type 'number'" in repair[-1]["content"]
    call = gateway.run_trace("so-2")["calls"][0]
    assert call["detail"]["structured_output"] == {"repairs": 1, "valid": True}
    assert call["prompt_tokens"] == 22 and call["completion_tokens"] == 14  # both attempts charged


@pytest.mark.parametrize(("bad", "path"), [('{"city": "Oslo"}', "$: 'temp_c' is a required property"),
                                           ("not json at all", "$: the answer is not valid JSON"),
                                           ('{"city": 5, "temp_c": 1}', "$.city: 5 is not of type 'string'")])
def test_still_invalid_after_repair_is_refused_naming_the_path(gateway: RunningGateway, upstream: FakeUpstream,
                                                               bad: str, path: str) -> None:
    upstream.behaviour.handler = answers(bad)
    with pytest.raises(openai.InternalServerError) as exc:
        ask(gateway, "so-3")
    body = exc.value.body
    assert isinstance(body, dict) and body["code"] == "output-invalid" and path in body["message"]
    assert len(upstream.received) == 2  # the answer, and one repair
