"""The decision log loses nothing while PostgreSQL is down (issue 13, item 7): calls are answered as usual,
their records wait in memory and spill to the state dir past the buffer, and every answered call is in the
log once the database is back. The outage is a TCP proxy this test owns, in front of the real PostgreSQL."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import psycopg
import pytest

from tests.approvals.pg import needs_postgres, private_schema
from tests.support.gateway import AGENT_KEY, start_gateway, write_rules
from tests.support.tcp_proxy import TcpProxy
from tests.support.upstream import FakeUpstream

pytestmark = [pytest.mark.postgres, needs_postgres]
CALLS_DURING_OUTAGE = 30


def _traced(url: str) -> set[str]:
    with psycopg.connect(url, autocommit=True) as conn:
        return {r[0] for r in conn.execute("SELECT call_id FROM wardgate_calls")}


def test_every_call_answered_during_a_postgresql_outage_is_traced_after_it(tmp_path: Path,
                                                                           upstream: FakeUpstream) -> None:
    with private_schema() as url:
        proxy = TcpProxy("127.0.0.1", 5432)
        state = tmp_path / "state"
        # A buffer of 10 records: the outage's records mostly go to the spill directory.
        running = start_gateway(write_rules(tmp_path / "rules", upstream.url), state,
                                database_url=proxy.url_for(url), trace_buffer_records=10)
        hdrs = {"authorization": f"Bearer {AGENT_KEY}", "x-wardgate-run-id": "outage-run"}
        body = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}
        answered: list[str] = []
        try:
            with httpx.Client(base_url=running.url, timeout=10) as client:
                proxy.cut()
                for _ in range(CALLS_DURING_OUTAGE):
                    r = client.post("/v1/chat/completions", json=body, headers=hdrs)
                    assert r.status_code == 200, r.text  # the request path never waits on the log
                    answered.append(r.headers["x-wardgate-decision-id"])
                spill = state / "decision-log-spill"
                deadline = time.monotonic() + 30
                while not list(spill.glob("*.json")) and time.monotonic() < deadline:
                    time.sleep(0.05)  # the writer has failed and spilled what the buffer could not hold
                assert list(spill.glob("*.json"))
                proxy.restore()
                deadline = time.monotonic() + 30
                while not set(answered) <= _traced(url) and time.monotonic() < deadline:
                    time.sleep(0.1)
                assert set(answered) <= _traced(url)
                assert not list(spill.glob("*.json"))  # replayed and removed
                metrics = httpx.get(f"{running.admin_url}/metrics", timeout=5,
                                    headers={"authorization": "Bearer admin-test-token"}).text
                assert "wardgate_decision_log_dropped_total 0.0" in metrics
        finally:
            running.stop()
            proxy.close()
