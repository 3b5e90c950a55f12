"""One line per request at INFO: the access line goes to DEBUG exactly when the request's call line (same
decision id) was written, also when the call finishes in a child task (a stream's body)."""

from __future__ import annotations

import asyncio
import logging

import pytest
from starlette.types import Message, Receive, Scope, Send

from gateway.observability.http import call_line_written
from gateway.routes.edge import Edge
from gateway.routes.host_guard import AllowedHosts


async def _mark_later(decision_id: str) -> None:
    await asyncio.sleep(0)
    call_line_written(decision_id)


def _app(header_id: str | None, marked_id: str | None, in_child: bool, raises: bool = False):  # type: ignore[no-untyped-def]
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        headers = [(b"x-wardgate-decision-id", header_id.encode())] if header_id else []
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        if marked_id is not None:
            if in_child:
                await asyncio.create_task(_mark_later(marked_id))
            else:
                call_line_written(marked_id)
        if raises:
            raise RuntimeError("boom")
        await send({"type": "http.response.body", "body": b"{}"})

    return app


def edge(app: object, plane: str) -> Edge:
    return Edge(app, plane, AllowedHosts.of((), "127.0.0.1"))  # type: ignore[arg-type]


async def _run(app: Edge, path: str = "/v1/chat/completions", host: bytes = b"127.0.0.1:8080") -> list[Message]:
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b""}

    async def send(m: Message) -> None:
        sent.append(m)

    await app({"type": "http", "method": "POST", "path": path, "headers": [(b"host", host)]}, receive, send)
    return sent


# (decision id in the response, id the call side marked, marked from a child task) -> access line level
@pytest.mark.parametrize(("header_id", "marked", "child", "level"), [
    ("dec_1", "dec_1", False, logging.DEBUG),   # the call line covers it
    ("dec_1", "dec_1", True, logging.DEBUG),    # marked from the stream's task
    ("dec_1", None, False, logging.INFO),       # no call line: the access line is the request's line
    ("dec_1", "dec_2", False, logging.INFO),    # another call's line does not count
    (None, "dec_1", False, logging.INFO),       # no decision id in the response
])
def test_access_line_level(caplog: pytest.LogCaptureFixture, header_id: str | None, marked: str | None,
                           child: bool, level: int) -> None:
    caplog.set_level(logging.DEBUG, logger="wardgate.access")
    asyncio.run(_run(edge(_app(header_id, marked, child), "data")))
    (rec,) = [r for r in caplog.records if r.name == "wardgate.access"]
    assert rec.levelno == level and rec.__dict__["decision_id"] == header_id


def test_at_info_a_covered_request_writes_no_access_line(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="wardgate.access")
    asyncio.run(_run(edge(_app("dec_1", "dec_1", False), "data")))
    asyncio.run(_run(edge(_app("dec_2", None, False), "data")))
    assert [r.__dict__["decision_id"] for r in caplog.records if r.name == "wardgate.access"] == ["dec_2"]


def test_an_exception_after_the_start_ends_the_response_and_keeps_the_level(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="wardgate.access")
    asyncio.run(_run(edge(_app("dec_1", "dec_1", False, raises=True), "data")))
    asyncio.run(_run(edge(_app("dec_2", None, False, raises=True), "data")))
    assert [(r.__dict__["decision_id"], r.__dict__["status"]) for r in caplog.records
            if r.name == "wardgate.access"] == [("dec_2", 200)]
    assert [r.name for r in caplog.records if r.levelno == logging.ERROR] == ["wardgate.http", "wardgate.http"]


def test_a_refused_host_is_answered_421_without_the_app_and_access_logged(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="wardgate.access")
    sent = asyncio.run(_run(edge(_app("dec_1", "dec_1", False, raises=True), "data"), host=b"rebound.example"))
    assert sent[0]["status"] == 421 and b"host-not-allowed" in sent[1]["body"]
    assert [(r.__dict__["status"], r.levelno) for r in caplog.records if r.name == "wardgate.access"] == [
        (421, logging.INFO)]
