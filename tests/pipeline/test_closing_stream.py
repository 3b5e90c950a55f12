"""A relayed stream's response runs its exit (abort the upstream, settle, record) exactly once on every way sending
can end, including the one a plain StreamingResponse misses: sending fails before the body generator starts."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

import pytest
from starlette.responses import StreamingResponse

from gateway.flow.client_gone import ClosingStream


async def _never_receive() -> dict[str, Any]:
    await asyncio.sleep(3600)
    return {"type": "http.disconnect"}


async def _gone_at_once() -> dict[str, Any]:
    return {"type": "http.disconnect"}


def _send_failing_at(n: int):  # type: ignore[no-untyped-def]
    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        if len(sent) == n:
            raise OSError("connection reset")
        sent.append(message)

    return send


CASES = [  # (how sending goes, receive, send fails at message n (None: never), generator's finally ran)
    ("completed", _never_receive, None, True),
    ("headers fail to send", _never_receive, 0, False),
    ("first body chunk fails to send", _never_receive, 1, True),
    ("client gone before anything", _gone_at_once, None, None),
]


@pytest.mark.parametrize(("name", "receive", "fail_at", "generator_finally"), CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("kind", [ClosingStream, StreamingResponse])
def test_the_exit_runs_once_however_sending_ends(kind: type, name: str, receive: Any, fail_at: int | None,
                                                 generator_finally: bool | None) -> None:
    exits: list[str] = []
    cleaned: list[str] = []

    async def body() -> AsyncIterator[bytes]:
        try:
            for i in range(3):
                yield b"data: %d\n\n" % i
        finally:
            cleaned.append("generator")

    async def on_exit() -> None:
        exits.append("exit")

    async def main() -> None:
        extra = {"on_exit": on_exit} if kind is ClosingStream else {}
        response = kind(body(), media_type="text/event-stream", **extra)
        send = _send_failing_at(fail_at if fail_at is not None else 99)
        scope = {"type": "http", "asgi": {"spec_version": "2.3"}}
        with contextlib.suppress(OSError):
            await response(scope, receive, send)

    asyncio.run(main())
    if kind is ClosingStream:
        assert exits == ["exit"]
        if generator_finally:
            assert cleaned == ["generator"]
    else:  # what the relay had before: when the headers fail to send, nothing ever cleans up
        if name == "headers fail to send":
            assert cleaned == []
