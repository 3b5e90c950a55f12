"""Collects decision events and call records and writes them in batches, off the hot path; a store that is down
loses nothing: batches wait in a bounded buffer, then spill to the state dir, and are written when it is back."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from gateway.stores.run_view import agents_run
from gateway.stores.trace_rows import CallRow, DecisionRow, call_rows, decision_row, decision_rows
from gateway.trace.events import CallRecord, DecisionEvent

log = logging.getLogger("wardgate.trace")

MAX_BACKOFF_S = 5.0


class TraceStore(Protocol):
    def write(self, decisions: list[DecisionEvent], calls: list[CallRecord]) -> None: ...

    def write_rows(self, decisions: list[DecisionRow], calls: list[CallRow]) -> None: ...

    def run(self, run_id: str) -> dict[str, Any] | None: ...

    def runs(self, since: float, agent: str | None, limit: int) -> list[dict[str, Any]]: ...

    def close(self) -> None: ...


@dataclass(slots=True)
class Batch:
    """Records not yet in the store, as the rows the stores write (so a batch can go to disk and come back)."""

    decisions: list[DecisionRow]
    calls: list[CallRow]

    @property
    def size(self) -> int:
        return len(self.decisions) + len(self.calls)


def backoff(failures: int, interval_s: float) -> float:
    """Pure: the pause before the next write attempt after `failures` failed ones in a row."""
    return min(MAX_BACKOFF_S, interval_s * float(2 ** min(failures, 10)))


class Spill:
    """Batches on disk under the state dir, one file each, replayed oldest first. Writes are atomic (rename)."""

    def __init__(self, directory: Path) -> None:
        self.dir = directory
        self._seq = 0

    def files(self) -> list[Path]:
        if not self.dir.is_dir():
            return []
        return sorted(self.dir.glob("*.json"))

    def put(self, batch: Batch) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        self._seq += 1
        name = self.dir / f"{time.time_ns():020d}-{os.getpid()}-{self._seq:06d}.json"
        tmp = name.with_suffix(".tmp")
        tmp.write_text(json.dumps({"decisions": batch.decisions, "calls": batch.calls}))
        os.replace(tmp, name)

    @staticmethod
    def load(path: Path) -> Batch:
        data = json.loads(path.read_text())
        return Batch([decision_row(r) for r in data["decisions"]],
                     [tuple(r) for r in data["calls"]])  # type: ignore[misc]


class TraceRecorder:
    """Buffers records in memory; a background task hands them to the store in a worker thread.

    The request path only appends to a list. A failed write keeps its batch (in order) and is retried with
    backoff; past `max_buffered` records in memory the oldest batches spill to `spill_dir` (when given), and
    are written back first once the store answers. Only a spill that cannot be written drops records, counted
    by `on_drop` (the `wardgate_decision_log_dropped_total` metric)."""

    def __init__(self, store: TraceStore, interval_s: float = 0.2, max_batch: int = 2000,
                 spill_dir: Path | None = None, max_buffered: int = 100_000, *,
                 on_decision: Callable[[DecisionEvent], None] | None = None,
                 on_call: Callable[[CallRecord], None] | None = None,
                 on_drop: Callable[[int], None] | None = None) -> None:
        self._store = store
        # Observers (metrics, logs) see every record as it is made, wherever it is made.
        self.on_decision = on_decision
        self.on_call = on_call
        self.on_drop: Callable[[int], None] = on_drop or (lambda records: None)
        self._interval = interval_s
        self._max_batch = max_batch
        self._max_buffered = max_buffered
        self._spill = Spill(spill_dir) if spill_dir is not None else None
        self._decisions: list[DecisionEvent] = []
        self._calls: list[CallRecord] = []
        self._backlog: deque[Batch] = deque()
        self._task: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()
        self._wake = asyncio.Event()
        self.failures = 0  # write attempts failed in a row
        self.dropped = 0

    @property
    def store(self) -> TraceStore:
        return self._store

    def buffered(self) -> int:
        """Records waiting in memory (not yet written, not spilled)."""
        return len(self._decisions) + len(self._calls) + sum(b.size for b in self._backlog)

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
            pause = self._interval if self.failures == 0 else backoff(self.failures, self._interval)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), pause)
            self._wake.clear()
            try:
                await self.flush()
            except Exception as exc:  # the decision log must never take the gateway down
                log.warning("writing the decision log failed (%s: %s); %d records kept in memory, %d batches "
                            "spilled; retrying", type(exc).__name__, exc, self.buffered(),
                            len(self._spill.files()) if self._spill else 0)

    def _take(self) -> None:
        """Move what the request path appended into the backlog (as rows: serialised once)."""
        decisions, self._decisions = self._decisions, []
        calls, self._calls = self._calls, []
        if decisions or calls:
            self._backlog.append(Batch(decision_rows(decisions), call_rows(calls)))

    async def flush(self) -> None:
        """Write everything pending: spilled batches first (they are older), then the in-memory backlog."""
        async with self._lock:
            self._take()
            try:
                await asyncio.to_thread(self._write_all)
            except Exception:
                self.failures += 1
                await asyncio.to_thread(self._bound)
                raise
            self.failures = 0

    def _write_all(self) -> None:
        if self._spill is not None:
            for path in self._spill.files():
                batch = Spill.load(path)
                self._store.write_rows(batch.decisions, batch.calls)
                path.unlink()
        while self._backlog:
            batch = self._backlog[0]
            self._store.write_rows(batch.decisions, batch.calls)
            self._backlog.popleft()

    def _bound(self, everything: bool = False) -> None:
        """Keep memory bounded: spill the oldest batches (all of them when stopping) to disk."""
        limit = 0 if everything else self._max_buffered
        while self._backlog and sum(b.size for b in self._backlog) > limit:
            batch = self._backlog.popleft()
            try:
                if self._spill is None:
                    raise OSError("no spill directory")
                self._spill.put(batch)
            except OSError as exc:
                self.dropped += batch.size
                self.on_drop(batch.size)
                log.error("decision log: %d records dropped (store down, buffer full, spill failed: %s)",
                          batch.size, exc)

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
        try:
            await self.flush()
        except Exception as exc:
            log.warning("the decision log store is down at shutdown (%s); pending records spill to disk", exc)
            async with self._lock:
                self._take()
                await asyncio.to_thread(self._bound, True)
        self._store.close()
