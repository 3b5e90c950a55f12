"""Which parts of a log line are redacted: free text and client-supplied fields, in both formats."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest

from gateway.observability.logs import JsonFormatter, TextFormatter

KEY = "sk-proj-FieldSweepSecret0123456789abcdef"
EMAIL = "jane.fields@example.org"


def _record(name: str, msg: str, args: tuple[Any, ...] = (), **extra: Any) -> logging.LogRecord:
    rec = logging.LogRecord(name, logging.INFO, __file__, 1, msg, args, None)
    rec.__dict__.update(extra)
    return rec


CASES = [
    # (logger, msg, args, extra, secret that must not appear, text that must appear)
    ("wardgate.access", "request", (), {"path": f"/v1/tools/{KEY}/invoke", "status": 200}, KEY, "request"),
    ("wardgate.llm", "upstream", (), {"model": KEY, "reason": "model_not_allowed"}, KEY, "model_not_allowed"),
    ("wardgate.call", "call", (), {"run_id": f"run {EMAIL}", "decision_id": "dec-1"}, EMAIL, "dec-1"),
    ("wardgate.trace", f"dropped {KEY}", (), {}, KEY, "dropped"),  # a message built by hand is still masked
    ("aiohttp.client", "sent %s", (EMAIL,), {}, EMAIL, "sent"),
    ("uvicorn.error", f"bad header {KEY}", (), {}, KEY, "bad header"),
    ("wardgate.tool", "t", (), {"tool": "x" * 300 + " " + KEY}, KEY, "xxxx"),  # long values bypass the cache
]


@pytest.mark.parametrize("formatter", [JsonFormatter(), TextFormatter()], ids=["json", "text"])
@pytest.mark.parametrize(("name", "msg", "args", "extra", "secret", "kept"), CASES)
def test_free_text_and_client_fields_are_masked(formatter: logging.Formatter, name: str, msg: str,
                                                args: tuple[Any, ...], extra: dict[str, Any], secret: str,
                                                kept: str) -> None:
    line = formatter.format(_record(name, msg, args, **extra))
    assert secret not in line
    assert kept in line


def test_own_codes_and_numbers_are_written_as_they_are() -> None:
    line = JsonFormatter().format(_record("wardgate.access", "request", status=200, duration_ms=1.5,
                                          decision_id="dec-9", route="llm", method="POST"))
    out = json.loads(line)
    assert (out["status"], out["duration_ms"], out["decision_id"], out["route"]) == (200, 1.5, "dec-9", "llm")
