"""One pooled keep-alive HTTP client per process (aiohttp), with faults mapped to reasons."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass

import aiohttp

from gateway.errors import Reason

# Hop-by-hop and framing headers that must not be copied between connections.
_DROP = frozenset({"content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive"})


def is_redirect(status: int) -> bool:
    """Redirects are never followed (credentials would go along); a 3xx is an upstream error."""
    return 300 <= status < 400


class UpstreamFault(Exception):
    """The upstream could not be reached or did not answer in time (never a 4xx/5xx it sent)."""

    def __init__(self, reason: Reason, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class UpstreamResponse:
    status: int
    headers: Mapping[str, str]
    body: bytes
    elapsed_ms: float


@dataclass(slots=True)
class UpstreamStream:
    status: int
    headers: Mapping[str, str]
    chunks: AsyncIterator[bytes]
    started: float
    error_body: bytes = b""
    # Set by the resilient forwarder: the model that answered, and every try it made (retries, fallbacks).
    answered_by: str | None = None
    attempts: tuple[dict[str, object], ...] = ()


def clean_headers(headers: Mapping[str, str]) -> dict[str, str]:
    return {k: v for k, v in headers.items() if k.lower() not in _DROP}


_RATE_LIMIT_PREFIXES = ("x-ratelimit-", "anthropic-ratelimit-")

# An idle pooled connection is reused only this long. It must stay below the shortest idle timeout an upstream
# server is likely to have (uvicorn and Node.js close an idle keep-alive connection after 5 s): past it, the
# server may close the connection just as a request is written on it, and a POST is never retried (RFC 9112
# 9.3.1.1), so the call would fail with "server disconnected". aiohttp checks the age when it hands a connection
# out, so a busy event loop cannot stretch it.
KEEPALIVE_S = 4.0


def rate_limit_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """The provider's own back-off advice, kept on an answer passed through (a 429): `Retry-After`
    (and `retry-after-ms`) and its `x-ratelimit-*` / `anthropic-ratelimit-*` counters."""
    return {k.lower(): v for k, v in headers.items()
            if k.lower() in ("retry-after", "retry-after-ms") or k.lower().startswith(_RATE_LIMIT_PREFIXES)}


class UpstreamClient:
    def __init__(self, max_connections: int = 512,
                 propagate: Callable[[dict[str, str]], None] | None = None, keepalive_s: float = KEEPALIVE_S) -> None:
        self._max = max_connections
        self._keepalive_s = keepalive_s
        # Adds W3C trace context to outgoing headers; given only when tracing is on.
        self.propagate = propagate
        self._session: aiohttp.ClientSession | None = None

    def _get(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._max, ttl_dns_cache=300,
                                            keepalive_timeout=self._keepalive_s)
            self._session = aiohttp.ClientSession(connector=connector, skip_auto_headers=("User-Agent",))
        return self._session

    def _outgoing(self, headers: Mapping[str, str]) -> dict[str, str]:
        out = dict(headers)
        if self.propagate is not None:
            self.propagate(out)
        return out

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()

    async def request(
        self, method: str, url: str, headers: Mapping[str, str], body: bytes | None, timeout_s: float
    ) -> UpstreamResponse:
        start = time.perf_counter()
        try:
            async with self._get().request(
                method, url, headers=self._outgoing(headers), data=body, timeout=aiohttp.ClientTimeout(total=timeout_s),
                allow_redirects=False,  # a redirect would carry the upstream's credentials to another origin
            ) as resp:
                data = await resp.read()
                return UpstreamResponse(
                    resp.status, clean_headers(resp.headers), data, (time.perf_counter() - start) * 1000
                )
        except (TimeoutError, aiohttp.ServerTimeoutError) as exc:
            raise UpstreamFault(Reason.UPSTREAM_TIMEOUT, f"upstream did not answer within {timeout_s:g}s") from exc
        except aiohttp.ClientError as exc:
            raise UpstreamFault(Reason.UPSTREAM_ERROR, f"upstream unreachable: {type(exc).__name__}") from exc

    @asynccontextmanager
    async def stream(
        self, method: str, url: str, headers: Mapping[str, str], body: bytes | None, timeout_s: float
    ) -> AsyncIterator[UpstreamStream]:
        """Open a streamed response; chunks arrive as the upstream sends them. A 4xx/5xx body is read whole."""
        start = time.perf_counter()
        timeout = aiohttp.ClientTimeout(total=None, connect=timeout_s, sock_read=timeout_s)
        try:
            ctx = self._get().request(method, url, headers=self._outgoing(headers), data=body, timeout=timeout,
                                      allow_redirects=False)
            resp = await ctx.__aenter__()
        except (TimeoutError, aiohttp.ServerTimeoutError) as exc:
            raise UpstreamFault(Reason.UPSTREAM_TIMEOUT, f"upstream did not answer within {timeout_s:g}s") from exc
        except aiohttp.ClientError as exc:
            raise UpstreamFault(Reason.UPSTREAM_ERROR, f"upstream unreachable: {type(exc).__name__}") from exc
        try:
            error_body = b""
            if resp.status >= 400:
                error_body = await resp.read()
            yield UpstreamStream(resp.status, clean_headers(resp.headers), _chunks(resp, timeout_s), start, error_body)
        finally:
            if resp.content.at_eof():
                resp.release()
            else:  # the stream was cut short (client gone, blocked): drop the connection so the upstream stops
                resp.close()
            await ctx.__aexit__(None, None, None)


async def _chunks(resp: aiohttp.ClientResponse, timeout_s: float) -> AsyncIterator[bytes]:
    try:
        async for chunk in resp.content.iter_any():
            yield chunk
    except (TimeoutError, aiohttp.ServerTimeoutError) as exc:
        raise UpstreamFault(Reason.UPSTREAM_TIMEOUT, f"upstream stalled for {timeout_s:g}s") from exc
    except aiohttp.ClientError as exc:
        raise UpstreamFault(Reason.UPSTREAM_ERROR, f"upstream stream broke: {type(exc).__name__}") from exc
