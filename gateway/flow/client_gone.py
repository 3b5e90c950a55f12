"""Noticing that the client has left while a streamed call waits on its upstream, and making sure a relayed
stream is closed (upstream aborted, call settled and recorded) on every way its response can end.

Two gaps this closes (tests/e2e/test_stream_client_gone.py):
- before the first event, the gateway waits on the upstream without reading from the client, so a client that
  left was not noticed until the upstream answered or timed out (never, for one that sends keep-alives);
- a response whose sending fails or is cancelled before the body generator starts never runs the generator's
  `finally`, so nothing closed the upstream or settled the call.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import anyio
from starlette.responses import StreamingResponse
from starlette.types import Receive, Scope, Send

ClientGone = Callable[[], Awaitable[None]]
"""Returns once the client has disconnected (never returns while it is connected)."""


async def never_gone() -> None:
    await anyio.sleep_forever()


def gone_from(receive: Receive) -> ClientGone:
    """The client's disconnect, from the ASGI `receive` of a request whose body has been read."""

    async def gone() -> None:
        while (await receive())["type"] != "http.disconnect":
            pass

    return gone


async def left_during(gone: ClientGone, work: Callable[[], Awaitable[None]]) -> bool:
    """Run `work`; if the client leaves first, cancel it and return True."""
    scope = anyio.CancelScope()
    left = False

    async def watch() -> None:
        nonlocal left
        await gone()
        left = True
        scope.cancel()

    watcher = asyncio.ensure_future(watch())
    try:
        with scope:
            await work()
    finally:
        watcher.cancel()
    return left


class ClosingStream(StreamingResponse):
    """A streaming response that runs `on_exit` however sending ends: completed, the client gone, cancelled, or
    failed before the body generator ever started (`on_exit` must be idempotent)."""

    def __init__(self, *args: object, on_exit: Callable[[], Awaitable[None]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._on_exit = on_exit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            with anyio.CancelScope(shield=True):
                aclose = getattr(self.body_iterator, "aclose", None)
                if aclose is not None:
                    await aclose()  # a generator suspended at a `yield` runs its `finally` now, not at GC
                await self._on_exit()
