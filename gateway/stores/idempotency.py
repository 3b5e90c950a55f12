"""Idempotency keys of tool calls: the claim protocol, its pure verdict, and the store interface.

Same key + same call → executed once, later ones get the stored answer; same key + another call → conflict;
while the first still runs → in progress. In process the keys live in SQLite; with several replicas in
PostgreSQL, where the claim is one atomic statement, so concurrent duplicates on different replicas run once."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

log = logging.getLogger("wardgate.idempotency")

TTL_S = 86_400.0          # an answered key replays for a day
PENDING_TTL_S = 300.0     # a claim whose call never finished (a crashed replica) frees the key after this
PURGE_EVERY_S = 3_600.0


class ClaimKind(StrEnum):
    NEW = "new"                  # execute, then `complete` (or `release` on a transient failure)
    REPLAY = "replay"            # answered before: send the stored answer
    CONFLICT = "conflict"        # the key was used for a different call
    IN_PROGRESS = "in-progress"  # the same call is executing right now


@dataclass(frozen=True, slots=True)
class Claim:
    kind: ClaimKind
    status: int | None = None
    body: dict[str, Any] | None = None


def live(state: str, created_at: float, now: float, ttl_s: float, pending_ttl_s: float) -> bool:
    """Pure: does a stored key still bind (answered: `ttl_s`; still pending: `pending_ttl_s`)?"""
    return now - created_at <= (ttl_s if state == "done" else pending_ttl_s)


def judge(fingerprint: str, stored_fp: str, state: str, status: int | None, body: str | None) -> Claim:
    """Pure: the verdict for a live key someone else holds."""
    if stored_fp != fingerprint:
        return Claim(ClaimKind.CONFLICT)
    if state == "done":
        return Claim(ClaimKind.REPLAY, status, json.loads(body or "{}"))
    return Claim(ClaimKind.IN_PROGRESS)


class IdempotencyStore(Protocol):
    async def claim(self, scope: str, key: str, fingerprint: str) -> Claim: ...

    async def complete(self, scope: str, key: str, status: int, body: dict[str, Any]) -> None: ...

    async def release(self, scope: str, key: str) -> None: ...

    async def purge(self) -> int: ...

    async def ping(self) -> None: ...

    async def close(self) -> None: ...


@contextlib.asynccontextmanager
async def purging(store: IdempotencyStore, every_s: float = PURGE_EVERY_S) -> AsyncIterator[None]:
    """Delete expired keys now and every `every_s` while the gateway runs (so the table stays bounded)."""

    async def loop() -> None:
        while True:
            try:
                purged = await store.purge()
                if purged:
                    log.info("idempotency: %d expired keys purged", purged)
            except Exception as exc:
                log.warning("idempotency: purging expired keys failed (%s)", exc)
            await asyncio.sleep(every_s)

    task = asyncio.create_task(loop(), name="wardgate-idempotency-purge")
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
