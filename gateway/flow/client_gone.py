"""Noticing that the client has left while the gateway waits on an upstream, and making sure a relayed stream
is closed (upstream aborted, call settled and recorded) on every way its response can end.

The gaps this closes:
- while the gateway waits on the upstream (for its response headers, a whole answer, a tool's result, or a
  stream's first event) it reads nothing from the client, so a client that left was not noticed until the
  upstream answered or timed out (tests/e2e/test_client_gone_waits.py, tests/e2e/test_stream_client_gone.py);
- a response whose sending fails or is cancelled before the body generator starts never runs the generator's
  `finally`, so nothing closed the upstream or settled the call (tests/pipeline/test_closing_stream.py).

`until_gone` is the one mechanism for the waits. It costs a timer on the normal path: the task that reads the
client's disconnect is started only once the wait has lasted `WATCH_AFTER_S`, so an upstream that answers sooner
costs no task (`python bench/client_gone_cost.py` at load 0.9: 3.3 us of CPU per call with the timer, 6.7 us when
the watcher task starts, over a 2.1 us bare wait). A stopped watcher drops its exception's traceback: without that,
the p99 of `bench/overhead.py --quick --mode whole --conc 16` went from about 40 ms to 131-152 ms, and back to
about 40 ms with the garbage collector off (docs/limits.md). The client's departure cancels the waiting task once (like
`asyncio.timeout`, not a level-triggered anyio scope), so the work's own cleanup (closing the connection,
releasing a breaker probe) still runs its awaits.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

import anyio
from starlette.responses import StreamingResponse
from starlette.types import Receive, Scope, Send

T = TypeVar("T")
ClientGone = Callable[[], Awaitable[None]]
"""Returns once the client has disconnected (never returns while it is connected)."""

WATCH_AFTER_S = 0.05
"""How long a wait runs before the client's connection is watched: a client that leaves is noticed at most this
much later, and a wait shorter than this costs a timer, not a task."""

CLIENT_CLOSED = 499  # the client left before the gateway answered (no response reached it)
CHECKS_LEFT = ("client disconnected during the request checks (a call held for approval): nothing was sent; its "
               "approval was withdrawn")


class ClientLeft(Exception):
    """The client disconnected while the gateway waited; the wait was stopped."""


async def never_gone() -> None:
    await anyio.sleep_forever()


def gone_from(receive: Receive) -> ClientGone:
    """The client's disconnect, from the ASGI `receive` of a request whose body has been read."""

    async def gone() -> None:
        while (await receive())["type"] != "http.disconnect":
            pass

    return gone


async def until_gone(gone: ClientGone, work: Awaitable[T], after: float = WATCH_AFTER_S) -> T:
    """Await `work`; if the client leaves first, stop it (one cancellation of this task) and raise ClientLeft.
    A cancellation from elsewhere propagates unchanged; work that finishes despite the stop returns its result."""
    task = asyncio.current_task()
    assert task is not None
    loop = asyncio.get_running_loop()
    cancelling = task.cancelling()
    left = False
    watcher: asyncio.Task[None] | None = None

    async def watch() -> None:
        nonlocal left
        try:
            await gone()
        except asyncio.CancelledError as stopped:  # the wait ended first (the normal path)
            stopped.__traceback__ = None  # drop the frames now rather than leave them to the cycle collector
            return
        except Exception:  # a broken receive says nothing about the client: keep waiting
            return
        left = True
        task.cancel()

    def start() -> None:
        nonlocal watcher
        watcher = loop.create_task(watch())

    timer = loop.call_later(after, start) if after > 0 else None
    if timer is None:
        start()
    try:
        result = await work
    except BaseException:
        if left and task.uncancel() <= cancelling:  # stopped by the client's departure (however the work ended)
            raise ClientLeft from None
        raise
    else:
        if left:  # the work finished despite the stop: take the stop back and keep the result
            task.uncancel()
        return result
    finally:
        if timer is not None:
            timer.cancel()
        if watcher is not None:
            watcher.cancel()


async def left_during(gone: ClientGone, work: Callable[[], Awaitable[None]]) -> bool:
    """Run `work`; if the client leaves first, stop it and return True."""
    try:
        await until_gone(gone, work())
    except ClientLeft:
        return True
    return False


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
