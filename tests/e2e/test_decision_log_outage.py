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


def _dropped_metric(admin_url: str) -> float:
    text = httpx.get(f"{admin_url}/metrics", timeout=5, headers={"authorization": "Bearer admin-test-token"}).text
    [line] = [x for x in text.splitlines() if x.startswith("wardgate_decision_log_dropped_total ")]
    return float(line.split()[1])


def test_records_lost_when_the_spill_cannot_be_written_are_counted_and_calls_still_answered(
        tmp_path: Path, upstream: FakeUpstream) -> None:
    """The one way records are lost (store down, buffer full, spill failed) is counted by the metric, record for
    record, and never reaches the request path. The spill directory's place is taken by a file."""
    with private_schema() as url:
        proxy = TcpProxy("127.0.0.1", 5432)
        state = tmp_path / "state"
        state.mkdir()
        (state / "decision-log-spill").write_text("not a directory")
        running = start_gateway(write_rules(tmp_path / "rules", upstream.url), state,
                                database_url=proxy.url_for(url), trace_buffer_records=0)
        hdrs = {"authorization": f"Bearer {AGENT_KEY}", "x-wardgate-run-id": "drop-run"}
        body = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}
        try:
            assert _dropped_metric(running.admin_url) == 0
            proxy.cut()
            with httpx.Client(base_url=running.url, timeout=10) as client:
                for _ in range(5):
                    r = client.post("/v1/chat/completions", json=body, headers=hdrs)
                    assert r.status_code == 200, r.text
            rec = running.gw.recorder

            def settled() -> tuple[int, float, int]:  # dropped, the metric, records still waiting in memory
                return rec.dropped, _dropped_metric(running.admin_url), rec.buffered()

            deadline = time.monotonic() + 30
            while not ((s := settled())[0] >= 5 and s[1] == s[0] and s[2] == 0) and time.monotonic() < deadline:
                time.sleep(0.05)  # each call's record, at least, is lost with the spill
            dropped, metric, waiting = settled()
            assert dropped >= 5 and metric == dropped and waiting == 0, (dropped, metric, waiting)
        finally:
            running.stop()
            proxy.close()
