"""The stream relay under load and faults: guards off the event loop, a client that leaves stops the upstream,
malformed upstream streams become upstream-error, a 429 keeps its back-off headers, short answers flow."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import openai
import pytest
import yaml

import gateway.guards.stream as guard_stream
from gateway.flow.relay import INLINE_BYTES
from tests.support.gateway import AGENT_KEY, RunningGateway, models_rules, start_gateway, write_rules
from tests.support.upstream import FakeUpstream, chat_stream_events

ROOT = Path(__file__).resolve().parents[2]
MESSAGES = [{"role": "user", "content": "talk to me"}]


@pytest.fixture
def guarded(tmp_path: Path, upstream: FakeUpstream) -> Iterator[RunningGateway]:
    shipped = yaml.safe_load((ROOT / "rules" / "guards.yaml").read_text())
    # 60 s upstream timeouts: test_a_short_answer_arrives_word_by_word's upstream waits until the client has read
    models = models_rules(upstream.url, timeout_s=60)
    gw = start_gateway(write_rules(tmp_path / "rules", upstream.url, guards=shipped, models=models), tmp_path / "state")
    yield gw
    gw.stop()


def oai(gw: RunningGateway, run: str = "run-relay") -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{gw.url}/v1", api_key=AGENT_KEY, max_retries=0,
                         default_headers={"x-wardgate-run-id": run})


def text_of(chunks: list[Any]) -> str:
    return "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)


def test_healthz_answers_while_a_20000_chunk_stream_is_being_guarded(
        guarded: RunningGateway, upstream: FakeUpstream, monkeypatch: pytest.MonkeyPatch) -> None:
    """The output guard is held mid-scan (in the middle of a 20,000-chunk answer) until /healthz has answered:
    that can only happen if the guard runs off the event loop. The held event is larger than the relay's inline
    batch (`relay.INLINE_BYTES`): small batches are guarded on the loop, large ones never."""
    words = [f"w{i} " for i in range(20_000)]
    words[5_000] = "mail jane.roe@example.org "
    words[10_000] = "MARKER" + "x" * (2 * INLINE_BYTES) + " "
    upstream.stream_events = lambda p, b: chat_stream_events(words)
    entered, released = threading.Event(), threading.Event()
    seen: dict[str, Any] = {}
    real = guard_stream.scan_guard

    def held_scan(built: Any, place: Any, text: str, refs: Any) -> Any:
        if "MARKER" in text and not entered.is_set():
            entered.set()
            seen["released_by_healthz"] = released.wait(20)
        return real(built, place, text, refs)

    def probe() -> None:
        if entered.wait(60):
            seen["healthz"] = httpx.get(f"{guarded.url}/healthz", timeout=60).status_code
        released.set()

    monkeypatch.setattr(guard_stream, "scan_guard", held_scan)
    prober = threading.Thread(target=probe)
    prober.start()
    chunks = list(oai(guarded).chat.completions.create(model="gpt-4o-mini", stream=True, messages=MESSAGES))
    prober.join()
    assert seen == {"released_by_healthz": True, "healthz": 200}
    text = text_of(chunks)
    assert "jane.roe" not in text and "mail <EMAIL_ADDRESS_1> " in text
    assert text.count(" ") == 20_001 and chunks[-1].choices[0].finish_reason == "stop"


def test_a_client_that_leaves_stops_the_upstream(guarded: RunningGateway, upstream: FakeUpstream) -> None:
    upstream.behaviour.stream_delay_s = 0.002
    upstream.stream_events = lambda p, b: chat_stream_events([f"word{i} " for i in range(20_000)])
    got = b""
    with httpx.stream("POST", f"{guarded.url}/v1/chat/completions", timeout=30,
                      headers={"x-api-key": AGENT_KEY, "x-wardgate-run-id": "run-left"},
                      json={"model": "gpt-4o-mini", "stream": True, "messages": MESSAGES}) as r:
        for piece in r.iter_bytes():
            got += piece
            if len(got) > 2048:
                break
    log = upstream.streams[0]
    assert log.over.wait(30)  # the upstream saw its stream end …
    assert not log.completed and log.sent < 20_000  # … cut off by the gateway, not run to the end


@pytest.mark.parametrize("events", [
    [b'{"id": "x", "choices": ['],                 # not an event stream at all
    [b"data: {\"id\": \"x\", \"choices\": [\n\n"],  # an event whose data is not JSON
    [],                                             # no event: never an empty success
], ids=["not-sse", "unparseable", "empty"])
def test_malformed_stream_before_the_first_byte_is_502(gateway: RunningGateway, upstream: FakeUpstream,
                                                       events: list[bytes]) -> None:
    upstream.stream_events = lambda p, b: events
    with pytest.raises(openai.InternalServerError) as exc:
        list(oai(gateway, "run-bad").chat.completions.create(model="gpt-4o-mini", stream=True, messages=MESSAGES))
    assert exc.value.status_code == 502
    assert isinstance(exc.value.body, dict) and exc.value.body["code"] == "upstream-error"
    call = gateway.run_trace("run-bad")["calls"][0]
    assert call["outcome"] == "upstream-error" and call["status"] == 502


def test_non_sse_json_answer_to_a_streamed_call_is_502(gateway: RunningGateway, upstream: FakeUpstream) -> None:
    upstream.behaviour.raw = b'{"id": "x", "choices": ['
    r = httpx.post(f"{gateway.url}/v1/chat/completions", headers={"x-api-key": AGENT_KEY}, timeout=10,
                   json={"model": "gpt-4o-mini", "stream": True, "messages": MESSAGES})
    assert r.status_code == 502 and r.json()["error"]["code"] == "upstream-error"


def test_malformed_stream_after_the_first_byte_ends_with_an_error_event(
        gateway: RunningGateway, upstream: FakeUpstream) -> None:
    good = chat_stream_events(["Hello ", "there "])[:3]
    upstream.stream_events = lambda p, b: [*good, b"data: {\"id\": \"x\", \"choices\": [\n\n"]
    # Each event a moment after the one before, so the broken one comes after the first words went out. (Holding
    # the upstream until the client had a chunk deadlocked once in CI: the client got nothing in 30 s.)
    upstream.behaviour.stream_delay_s = 0.3
    got: list[Any] = []
    with pytest.raises(openai.APIError) as exc:
        for chunk in oai(gateway, "run-broken").chat.completions.create(model="gpt-4o-mini", stream=True,
                                                                         messages=MESSAGES):
            got.append(chunk)
    assert not isinstance(exc.value, openai.InternalServerError)  # the 200 had started: an error event
    assert "not JSON" in exc.value.message and text_of(got) == "Hello there "
    call = gateway.run_trace("run-broken")["calls"][0]
    assert call["outcome"] == "upstream-error" and call["reason"] == "upstream-error"


@pytest.mark.parametrize("stream", [False, True], ids=["plain", "streamed"])
def test_upstream_429_keeps_its_back_off_headers(gateway: RunningGateway, upstream: FakeUpstream,
                                                 stream: bool) -> None:
    upstream.behaviour.status = 429
    upstream.behaviour.headers = {"retry-after": "7", "x-ratelimit-remaining-requests": "0",
                                  "x-ratelimit-reset-requests": "7s", "x-unrelated": "dropped"}
    r = httpx.post(f"{gateway.url}/v1/chat/completions", headers={"x-api-key": AGENT_KEY}, timeout=30,
                   json={"model": "gpt-4o-mini", "stream": stream, "messages": MESSAGES})
    assert r.status_code == 429
    assert r.headers["retry-after"] == "7"
    assert r.headers["x-ratelimit-remaining-requests"] == "0" and r.headers["x-ratelimit-reset-requests"] == "7s"
    assert "x-unrelated" not in r.headers and "x-wardgate-run-id" in r.headers


def test_a_short_answer_arrives_word_by_word(guarded: RunningGateway, upstream: FakeUpstream) -> None:
    """The upstream stops mid-answer until the client has seen content: the words before the pause arrive
    without waiting for the end (the old 256-character window held all of them)."""
    upstream.stream_events = lambda p, b: chat_stream_events(["Hello", " there,", " my", " friend", " today."])
    upstream.behaviour.pause_at = 4  # role chunk, 'Hello', ' there,', ' my' — then wait
    first: dict[str, Any] = {}
    text = ""
    for chunk in oai(guarded).chat.completions.create(model="gpt-4o-mini", stream=True, messages=MESSAGES):
        piece = text_of([chunk])
        if piece and not first:
            first.update(text=piece, before_resume=not upstream.behaviour.resume.is_set())
            upstream.behaviour.resume.set()
        text += piece
    assert first["before_resume"] is True and first["text"] in ("Hello ", "Hello there, ")
    assert text == "Hello there, my friend today."
