"""Retry decisions, pure: which failures are transient, how long to back off, whether time is left."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from email.utils import parsedate_to_datetime

import aiohttp

from gateway.upstream.client import UpstreamFault

RETRY_STATUS = frozenset({429, 502, 503, 504})
MAX_HONOURED_RETRY_AFTER_S = 60.0


def is_fault_status(status: int) -> bool:
    """An upstream fault for the breaker: 5xx. (4xx, including 429, means the upstream is up.)"""
    return status >= 500


def is_connect_error(fault: UpstreamFault) -> bool:
    """The request never reached the upstream (or the pooled connection was closed under it): safe to resend."""
    return isinstance(fault.__cause__, aiohttp.ClientConnectionError) and not isinstance(
        fault.__cause__, aiohttp.ServerTimeoutError)


def never_sent(fault: UpstreamFault) -> bool:
    """The connection was never established, so the request cannot have run anywhere."""
    return isinstance(fault.__cause__, aiohttp.ClientConnectorError)


def retryable(status: int | None, fault: UpstreamFault | None, idempotent: bool = True) -> bool:
    """Transient errors only: connection errors, 429, 502/503/504. Never a non-idempotent call that may have run
    (a connection that was never established is the exception: nothing ran)."""
    if fault is not None:
        return is_connect_error(fault) if idempotent else never_sent(fault)
    return idempotent and status in RETRY_STATUS


def parse_retry_after(headers: Mapping[str, str], now: float) -> float | None:
    """The upstream's Retry-After (seconds or HTTP date), capped; None when absent or unreadable."""
    value = next((v for k, v in headers.items() if k.lower() == "retry-after"), None)
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = parsedate_to_datetime(value).timestamp() - now
        except (TypeError, ValueError):
            return None
    return min(max(0.0, seconds), MAX_HONOURED_RETRY_AFTER_S)


def backoff(attempt: int, base_s: float, cap_s: float, rand: Callable[[], float] = random.random,
            retry_after: float | None = None) -> float:
    """Full-jitter exponential backoff before try number `attempt + 1` (attempt counts from 1);
    the upstream's Retry-After is a floor."""
    ceiling = min(cap_s, base_s * (2 ** (attempt - 1)))
    delay = ceiling * rand()
    return float(max(delay, retry_after)) if retry_after is not None else float(delay)


def time_left(started: float, deadline_s: float, now: float) -> float:
    return started + deadline_s - now
