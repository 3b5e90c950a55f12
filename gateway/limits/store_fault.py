"""What a failed call to a shared store (Redis) means for a check: unreachable, or reachable but saturated.

Only an unreachable store lets a check apply `on_error: allow`: a store that is up but did not answer in time
(every pooled connection busy past the bounded wait, a reply later than the timeout) says nothing about
whether the call fits, so the admission is refused. A timed-out command may also have run, which is why the
stores' scripts are idempotent per call id and the client never retries them by itself."""

from __future__ import annotations

from enum import StrEnum

import redis.exceptions as rexc


class StoreFault(StrEnum):
    UNREACHABLE = "store-unreachable"   # connection refused or reset, name not resolved: the store is down
    BUSY = "store-busy"                 # no pooled connection within the wait, or no reply within the timeout


def classify(exc: BaseException) -> StoreFault:
    """Pure: an exception raised by a store call → which of the two it means."""
    if isinstance(exc, rexc.MaxConnectionsError):
        return StoreFault.BUSY
    if isinstance(exc, (rexc.TimeoutError, TimeoutError)):
        return StoreFault.BUSY
    if isinstance(exc, rexc.ConnectionError):
        # BlockingConnectionPool: its bounded wait for a free connection ran out (the pool is saturated).
        return StoreFault.BUSY if "No connection available" in str(exc) else StoreFault.UNREACHABLE
    if isinstance(exc, OSError):
        return StoreFault.UNREACHABLE
    return StoreFault.BUSY
