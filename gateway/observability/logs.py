"""Logging, configured in one place: JSON lines with ids, codes, counts and names — never content.

Every line goes through `redact` as a safety net, and exception *messages* are never written
(they can quote a prompt or an argument): only the exception type and the stack's locations.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from typing import IO, Any

from gateway.observability.redact import redact

# The only `extra=` keys a log line carries; anything else passed as extra is dropped.
FIELDS = (
    "run_id", "agent_id", "decision_id", "call_id", "trace_id", "api", "route", "model", "tool", "check",
    "phase", "action", "mode", "reason", "outcome", "status", "method", "path", "duration_ms", "upstream_ms",
    "prompt_tokens", "completion_tokens", "cost_usd", "answered_by", "revision", "streamed", "approval_id",
    "tier", "decision", "upstream", "attempt", "count",
)
# Third-party loggers that echo request details at DEBUG: held at INFO or above whatever the level.
_FLOORS = {"hpack": logging.WARNING, "httpcore": logging.INFO, "presidio-analyzer": logging.WARNING,
           "multipart": logging.INFO, "python_multipart": logging.INFO, "openai": logging.INFO,
           "anthropic": logging.INFO}
_UVICORN = ("uvicorn", "uvicorn.error", "uvicorn.access", "uvicorn.asgi")


def _stack(record: logging.LogRecord) -> dict[str, Any]:
    exc_type, _, tb = record.exc_info or (None, None, None)
    if exc_type is None:
        return {}
    frames = []
    while tb is not None:
        code = tb.tb_frame.f_code
        frames.append(f"{code.co_filename.rsplit('/', 1)[-1]}:{tb.tb_lineno} {code.co_name}")
        tb = tb.tb_next
    return {"exc_type": exc_type.__name__, "stack": frames[-8:]}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, msg, the whitelisted context fields."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        d = record.__dict__
        for key in FIELDS:
            v = d.get(key)
            if v is not None:
                out[key] = v
        out.update(_stack(record))
        return json.dumps(out, default=str, separators=(",", ":"))


class TextFormatter(logging.Formatter):
    """Human-readable lines for a terminal (WARDGATE_LOG_FORMAT=text); same fields, same rules."""

    def format(self, record: logging.LogRecord) -> str:
        d = record.__dict__
        ctx = " ".join(f"{k}={d[k]}" for k in FIELDS if d.get(k) is not None)
        when = time.strftime("%H:%M:%S", time.localtime(record.created))
        stack = _stack(record)
        exc = f" [{stack['exc_type']} at {stack['stack'][-1] if stack['stack'] else '?'}]" if stack else ""
        return f"{when} {record.levelname:<7} {record.name} {record.getMessage()}{exc} {ctx}".rstrip()


class RedactingFormatter(logging.Formatter):
    """Wraps a formatter; masks known secret and PII shapes in the finished line."""

    def __init__(self, inner: logging.Formatter) -> None:
        super().__init__()
        self.inner = inner

    def format(self, record: logging.LogRecord) -> str:
        return redact(self.inner.format(record))


def handler(stream: IO[str] | None = None, fmt: str = "json") -> logging.Handler:
    h = logging.StreamHandler(stream if stream is not None else sys.stderr)
    h.setFormatter(RedactingFormatter(TextFormatter() if fmt == "text" else JsonFormatter()))
    return h


def configure_logging(level: str, fmt: str = "json", stream: IO[str] | None = None) -> logging.Handler:
    """Route every logger (ours, uvicorn's, libraries') to one redacting handler at `level`."""
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    h = handler(stream, fmt)
    root.addHandler(h)
    root.setLevel(level.upper())
    for name in _UVICORN:  # uvicorn installs its own handlers unless log_config=None; make sure
        lg = logging.getLogger(name)
        for old in list(lg.handlers):
            lg.removeHandler(old)
        lg.propagate = True
        lg.setLevel(logging.NOTSET)
    for name, floor in _FLOORS.items():
        logging.getLogger(name).setLevel(max(floor, root.level))
    logging.captureWarnings(True)
    return h
