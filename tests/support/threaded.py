"""Run an ASGI app (or the gateway's two apps) under uvicorn on 127.0.0.1:0 in a background thread."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import AsyncIterator, Callable
from typing import Any

import uvicorn


class ThreadedServers:
    """Serves one or more ASGI apps on loopback ports chosen by the OS, inside one event-loop thread."""

    def __init__(
        self, apps: list[Any], context: Callable[[], contextlib.AbstractAsyncContextManager[Any]] | None = None
    ) -> None:
        self._apps = apps
        self._context = context
        self.ports: list[int] = []
        self.loop: asyncio.AbstractEventLoop | None = None
        self._servers: list[uvicorn.Server] = []
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> ThreadedServers:
        self._thread.start()
        if not self._ready.wait(30):
            raise RuntimeError("servers did not start")
        if self._error:
            raise self._error
        return self

    def _run(self) -> None:
        try:
            asyncio.run(self._main())
        except BaseException as exc:  # surface start-up failures to the test
            self._error = exc
            self._ready.set()

    async def _main(self) -> None:
        self.loop = asyncio.get_running_loop()
        ctx = self._context() if self._context else contextlib.nullcontext()
        async with ctx:
            for app in self._apps:
                config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off",
                                        loop="none", access_log=False)
                server = uvicorn.Server(config)
                server.install_signal_handlers = lambda: None  # type: ignore[method-assign]
                self._servers.append(server)
            tasks = [asyncio.create_task(s.serve()) for s in self._servers]
            while not all(s.started for s in self._servers):
                if any(t.done() for t in tasks):
                    for t in tasks:
                        if t.done() and t.exception():
                            raise t.exception()  # type: ignore[misc]
                await asyncio.sleep(0.01)
            self.ports = [s.servers[0].sockets[0].getsockname()[1] for s in self._servers]
            self._ready.set()
            await asyncio.gather(*tasks)

    def call(self, coro: Any, timeout: float = 30) -> Any:
        """Run a coroutine on the servers' loop (e.g. to inspect state) and return its result."""
        assert self.loop is not None
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def stop(self) -> None:
        for s in self._servers:
            s.should_exit = True
        self._thread.join(15)


@contextlib.asynccontextmanager
async def nothing() -> AsyncIterator[None]:
    yield None
