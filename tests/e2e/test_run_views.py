"""Operator views of runs: ISO times in a run's JSON, the list of recent runs, `wardgate runs show | list`."""

from __future__ import annotations

import contextlib
from datetime import datetime

import httpx
import openai
import pytest

from gateway.cli import main
from gateway.trace.since import parse_since
from tests.support.gateway import ADMIN_TOKEN, AGENT_KEY, OTHER_KEY, RunningGateway

ADMIN = {"authorization": f"Bearer {ADMIN_TOKEN}"}


def _chat(gw: RunningGateway, key: str, run: str, model: str = "echo") -> None:
    client = openai.OpenAI(base_url=f"{gw.url}/v1", api_key=key, max_retries=0,
                           default_headers={"x-wardgate-run-id": run})
    with contextlib.suppress(openai.PermissionDeniedError):
        client.chat.completions.create(model=model, messages=[{"role": "user", "content": "hi there"}])


def test_a_runs_json_carries_iso_times_beside_epoch_seconds(gateway: RunningGateway) -> None:
    _chat(gateway, AGENT_KEY, "iso-run")
    view = httpx.get(f"{gateway.admin_url}/admin/runs/iso-run", headers=ADMIN).json()
    call = view["calls"][0]
    assert datetime.fromisoformat(call["started_at_iso"]).timestamp() == pytest.approx(call["started_at"], abs=0.001)
    assert call["started_at_iso"].endswith("Z")
    for d in call["decisions"]:
        assert datetime.fromisoformat(d["at_iso"]).timestamp() == pytest.approx(d["at"], abs=0.001)


def test_recent_runs_by_agent_newest_first(gateway: RunningGateway, capsys: pytest.CaptureFixture[str]) -> None:
    _chat(gateway, AGENT_KEY, "t-1")
    _chat(gateway, OTHER_KEY, "o-1")
    _chat(gateway, AGENT_KEY, "t-2")
    _chat(gateway, AGENT_KEY, "t-2", model="gpt-4o")  # refused: denied to this agent
    got = httpx.get(f"{gateway.admin_url}/admin/runs", params={"agent": "tester", "since": "1h"}, headers=ADMIN).json()
    assert [(r["run_id"], r["calls"], r["refused"]) for r in got["runs"]] == [("t-2", 2, 1), ("t-1", 1, 0)]
    everyone = httpx.get(f"{gateway.admin_url}/admin/runs", headers=ADMIN).json()["runs"]
    assert {r["run_id"]: r["agent_id"] for r in everyone} == {"t-1": "tester", "o-1": "other", "t-2": "tester"}
    future = httpx.get(f"{gateway.admin_url}/admin/runs", params={"since": "2999-01-01T00:00:00Z"}, headers=ADMIN)
    assert future.json()["runs"] == []
    bad = httpx.get(f"{gateway.admin_url}/admin/runs", params={"since": "yesterday"}, headers=ADMIN)
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "request-invalid"

    assert main(["runs", "--url", gateway.admin_url, "--token", ADMIN_TOKEN, "list", "--agent", "tester",
                 "--since", "1h"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["LAST", "ACTIVITY", "RUN", "AGENT", "CALLS", "REFUSED", "TOKENS", "COST"]
    assert [line.split()[1:5] for line in lines[1:]] == [["t-2", "tester", "2", "1"], ["t-1", "tester", "1", "0"]]

    assert main(["runs", "--url", gateway.admin_url, "--token", ADMIN_TOKEN, "show", "t-2"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("run t-2  started ") and "2 call(s), 1 refused" in out[0]
    assert out[1].split() == list(("TIME", "CALL", "CHECK", "VERDICT", "REASON", "MODEL", "TOKENS", "COST"))
    cells = [line.split() for line in out[2:]]
    assert ["permission", "deny", "model-not-allowed"] in [c[1:4] for c in cells]
    outcomes = [c[2:] for c in cells if c[1] == "→"]
    assert outcomes[0][:4] == ["outcome", "ok", "200", "echo"] and outcomes[1][:4] == ["outcome", "refused", "403",
                                                                                          "model-not-allowed"]


def test_showing_an_unknown_run_says_so(gateway: RunningGateway) -> None:
    with pytest.raises(SystemExit, match="HTTP 404: no run 'nope'"):
        main(["runs", "--url", gateway.admin_url, "--token", ADMIN_TOKEN, "show", "nope"])


@pytest.mark.parametrize(("text", "expected"), [
    ("90s", 1000.0 - 90), ("30m", 1000.0 - 1800), ("1h", 1000.0 - 3600), ("2d", 1000.0 - 172800),
    ("1.5h", 1000.0 - 5400), ("1700000000", 1700000000.0), ("2023-11-14T22:13:20Z", 1700000000.0),
    ("2023-11-14T22:13:20", 1700000000.0), ("2023-11-14T23:13:20+01:00", 1700000000.0),
])
def test_since_reads_durations_times_and_epochs(text: str, expected: float) -> None:
    assert parse_since(text, now=1000.0) == expected


@pytest.mark.parametrize("text", ["1y", "h", "yesterday", "", "-1h"])
def test_since_refuses_what_it_cannot_read(text: str) -> None:
    with pytest.raises(ValueError, match="duration"):
        parse_since(text, now=1000.0)
