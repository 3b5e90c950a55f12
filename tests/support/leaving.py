"""What the client-gone tests share: a gateway on either budget ledger (embedded, or the real Redis when
WARDGATE_TEST_REDIS_URL is set), a raw HTTP/1.1 request on a socket of its own (closing it is the client
leaving), the run's budget as the admin API shows it, and a bounded wait for something to happen."""

from __future__ import annotations

import contextlib
import json
import socket
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support.cluster import REDIS_URL, drop_keys
from tests.support.gateway import ADMIN_TOKEN, AGENT_KEY, RunningGateway, start_gateway

LEDGERS = ["embedded", pytest.param("redis", marks=pytest.mark.skipif(
    not REDIS_URL, reason="WARDGATE_TEST_REDIS_URL is not set"))]


@contextlib.contextmanager
def gateway_on(ledger: str, rules: Path, state: Path, **kwargs: Any) -> Iterator[RunningGateway]:
    """A gateway whose budgets live in the given ledger; its Redis keys are removed afterwards."""
    prefix = f"wgtest:{uuid.uuid4().hex}:"
    gw = start_gateway(rules, state, redis_url=REDIS_URL if ledger == "redis" else None, redis_prefix=prefix,
                       **kwargs)
    try:
        yield gw
    finally:
        gw.stop()
        drop_keys(prefix)


def wait_for(what: str, probe: Any, seconds: float = 15) -> Any:
    """`probe()`'s first truthy value, polled until `seconds` pass (then the test fails, saying what)."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = probe()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"{what} did not happen within {seconds:g}s")


def budget(gw: RunningGateway, run: str) -> Any:
    state = httpx.get(f"{gw.admin_url}/admin/budgets/{run}", headers={"authorization": f"Bearer {ADMIN_TOKEN}"})
    return state.json() if state.status_code == 200 else None


def send(gw: RunningGateway, path: str, body: dict[str, Any], run: str,
         headers: tuple[tuple[str, str], ...] = ()) -> socket.socket:
    """A raw HTTP/1.1 request on a socket of its own; the caller closes it to leave."""
    raw = json.dumps(body).encode()
    host, port = gw.url.removeprefix("http://").split(":")
    head = [f"POST {path} HTTP/1.1", "host: 127.0.0.1", "content-type: application/json",
            f"authorization: Bearer {AGENT_KEY}", f"x-wardgate-run-id: {run}", f"content-length: {len(raw)}",
            *(f"{k}: {v}" for k, v in headers)]
    c = socket.create_connection((host, int(port)))
    c.sendall("\r\n".join(head).encode() + b"\r\n\r\n" + raw)
    return c
