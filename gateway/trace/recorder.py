"""Collects decision events and call records and writes them in batches, off the hot path."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from typing import Any, Protocol

from gateway.stores.run_view import agents_run
from gateway.trace.events import CallRecord, DecisionEvent

log = logging.getLogger("wardgate.trace")


class TraceStore(Protocol):
    def write(self, decisions: list[DecisionEvent], calls: list[CallRecord]) -> None: ...

    def run(self, run_id: str) -> dict[str, Any] | None: ...

    def runs(self, since: float, agent: str | None, limit: int) -> list[dict[str, Any]]: ...

    def close(self) -> None: ...


class TraceRecorder:
    """Buffers records in memory; a background task hands them to the store in a worker thread."""

    def __init__(self, store: TraceStore, interval_s: float = 0.2, max_batch: int = 2000) -> None:
        self._store = store
        # Observers (metrics, logs) see every record as it is made, wherever it is made.
        self.on_decision: Callable[[DecisionEvent], None] | None = None
        self.on_call: Callable[[CallRecord], None] | None = None
        self._interval = interval_s
        self._max_batch = max_batch
        self._decisions: list[DecisionEvent] = []
        self._calls: list[CallRecord] = []
        self._task: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()
        self._wake = asyncio.Event()

    @property
    def store(self) -> TraceStore:
        return self._store

    def decision(self, event: DecisionEvent) -> None:
        self._decisions.append(event)
        if self.on_decision is not None:
            self.on_decision(event)
        if len(self._decisions) >= self._max_batch:
            self._wake.set()

    def call(self, record: CallRecord) -> None:
        self._calls.append(record)
        if self.on_call is not None:
            self.on_call(record)

    async def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._loop(), name="wardgate-trace-writer")

    async def _loop(self) -> None:
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self._interval)
            self._wake.clear()
            try:
                await self.flush()
            except Exception:  # the decision log must never take the gateway down
                log.exception("writing the decision log failed; batch dropped")

    async def flush(self) -> None:
        async with self._lock:
            decisions, self._decisions = self._decisions, []
            calls, self._calls = self._calls, []
            if decisions or calls:
                await asyncio.to_thread(self._store.write, decisions, calls)

    async def run(self, run_id: str, agent_id: str | None = None) -> dict[str, Any] | None:
        """A run's trace; with `agent_id`, only that agent's calls (the run as that agent owns it)."""
        await self.flush()
        view = await asyncio.to_thread(self._store.run, run_id)
        return agents_run(view, agent_id) if agent_id is not None else view

    async def runs(self, since: float, agent: str | None, limit: int) -> list[dict[str, Any]]:
        await self.flush()
        return await asyncio.to_thread(self._store.runs, since, agent, limit)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        await self.flush()
        self._store.close()
