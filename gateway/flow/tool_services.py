"""What the tool flow needs beyond the pipeline: the forwarder, the idempotency store, background services."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from typing import Any

from gateway.stores.idempotency import PURGE_EVERY_S, IdempotencyStore, purging
from gateway.upstream.tools import ToolForwarder


@dataclass(slots=True)
class ToolServices:
    forwarder: ToolForwarder
    idempotency: IdempotencyStore
    # Entered by `running()` for the gateway's lifetime (e.g. the MCP session manager).
    lifespans: list[Callable[[], AbstractAsyncContextManager[Any]]] = field(default_factory=list)
    purge_every_s: float = PURGE_EVERY_S  # expired idempotency keys are deleted this often (and at start)

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        async with contextlib.AsyncExitStack() as stack:
            for lifespan in self.lifespans:
                await stack.enter_async_context(lifespan())
            await stack.enter_async_context(purging(self.idempotency, self.purge_every_s))
            try:
                yield
            finally:
                await self.idempotency.close()
