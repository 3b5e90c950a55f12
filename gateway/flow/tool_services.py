"""What the tool flow needs beyond the pipeline: the forwarder, the idempotency store, background services."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from typing import Any

from gateway.stores.sqlite_idempotency import SqliteIdempotencyStore
from gateway.upstream.tools import ToolForwarder


@dataclass(slots=True)
class ToolServices:
    forwarder: ToolForwarder
    idempotency: SqliteIdempotencyStore
    # Entered by `running()` for the gateway's lifetime (e.g. the MCP session manager).
    lifespans: list[Callable[[], AbstractAsyncContextManager[Any]]] = field(default_factory=list)

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        async with contextlib.AsyncExitStack() as stack:
            for lifespan in self.lifespans:
                await stack.enter_async_context(lifespan())
            try:
                yield
            finally:
                self.idempotency.close()
