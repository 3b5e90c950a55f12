"""Webhook notifications: a JSON body Slack can show as text, HMAC-signed, retried off the call path."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import json
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import httpx

from gateway.approvals.record import Approval
from gateway.config.approvals_file import Webhook

log = logging.getLogger("wardgate.approvals.webhooks")

SIGNATURE_HEADER = "x-wardgate-signature"
TIMESTAMP_HEADER = "x-wardgate-timestamp"


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """`v1=` + hex HMAC-SHA256 over `<timestamp>.<body>`, so a captured body cannot be replayed later."""
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "v1=" + mac.hexdigest()


def verify(secret: str, timestamp: str, body: bytes, signature: str, now: float, tolerance_s: float = 300) -> bool:
    """What a receiver does: check the signature and that the timestamp is recent."""
    try:
        fresh = abs(now - float(timestamp)) <= tolerance_s
    except ValueError:
        return False
    return fresh and hmac.compare_digest(sign(secret, timestamp, body), signature)


def payload(event: str, approval: Approval, console_url: str | None) -> dict[str, Any]:
    a = approval
    verb = {"approval.pending": "needs approval", "approval.decided": f"was {a.status.value}"}.get(event, event)
    lines = [f"[{a.tier.value}] {a.agent_id} → {a.tool} {verb} ({a.id})"]
    if a.impact:
        lines.append(f"Impact: {a.impact}")
    if a.reasons:
        lines.append("Why: " + "; ".join(a.reasons))
    if event == "approval.decided" and a.votes:
        last = a.votes[-1]
        lines.append(f"By {last.approver}: {last.reason}")
    if console_url:
        lines.append(f"Decide: {console_url}#{a.id}")
    return {
        "text": "\n".join(lines),
        "event": event,
        "approval": {"id": a.id, "status": a.status.value, "tier": a.tier.value, "agent_id": a.agent_id,
                     "run_id": a.run_id, "tool": a.tool, "arguments": dict(a.arguments), "impact": a.impact,
                     "raised_by": list(a.raised_by), "expires_at": a.expires_at},
    }


class Notifier:
    """Fire-and-forget delivery: each webhook gets its own task; the caller never waits."""

    def __init__(
        self,
        clock: Callable[[], float] = time.time,
        attempts: int = 4,
        first_delay_s: float = 0.5,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._clock = clock
        self._attempts = attempts
        self._first_delay = first_delay_s
        self._sleep = sleep
        self._tasks: set[asyncio.Task[None]] = set()
        self._client: httpx.AsyncClient | None = None

    def notify(self, event: str, approval: Approval, webhooks: tuple[Webhook, ...]) -> None:
        for hook in webhooks:
            if approval.tier in hook.tiers:
                body = json.dumps(payload(event, approval, hook.console_url), separators=(",", ":")).encode()
                task = asyncio.get_running_loop().create_task(self._deliver(hook, body))
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)

    async def _deliver(self, hook: Webhook, body: bytes) -> None:
        if self._client is None:
            self._client = httpx.AsyncClient()
        delay = self._first_delay
        for attempt in range(1, self._attempts + 1):
            ts = str(int(self._clock()))
            headers: Mapping[str, str] = {"content-type": "application/json", TIMESTAMP_HEADER: ts,
                                          SIGNATURE_HEADER: sign(hook.secret, ts, body)}
            try:
                resp = await self._client.post(hook.url, content=body, headers=headers, timeout=hook.timeout_s)
                if resp.status_code < 500 and resp.status_code != 429:
                    if resp.status_code >= 400:
                        log.warning("webhook %s refused the notification: HTTP %s", hook.url, resp.status_code)
                    return
                problem = f"HTTP {resp.status_code}"
            except httpx.HTTPError as exc:
                problem = type(exc).__name__
            if attempt < self._attempts:
                log.info("webhook %s failed (%s); retry %d in %.1fs", hook.url, problem, attempt, delay)
                await self._sleep(delay)
                delay *= 2
            else:
                log.warning("webhook %s failed (%s); giving up after %d attempts", hook.url, problem, attempt)

    async def drain(self, timeout_s: float = 5.0) -> None:
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=timeout_s)

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if self._client is not None:
            await self._client.aclose()
            self._client = None
