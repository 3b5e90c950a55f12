"""Logging, configured in one place: JSON lines with ids, codes, counts and names — never content.

Redaction is applied to the free text that can carry content, not to every finished line: a message
(third-party loggers, %-formatted messages) and the string values of the fields a client supplies
(model, path, tool, run id...). The gateway's generated ids, closed-enum codes and numbers are written
as they are. Short repeated text (our literal messages, a model name, a path) goes through a bounded
cache, so the common access line costs dict lookups, not regex passes over the whole line. Exception
*messages* are never written (they can quote a prompt or an argument): only the exception type and the
stack's locations.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from functools import lru_cache
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
# Fields whose values the gateway produces itself (generated ids, closed-enum codes, numbers): not redacted.
_OWN = frozenset({"decision_id", "call_id", "approval_id", "api", "route", "phase", "action", "mode", "reason",
                  "outcome", "status", "method", "duration_ms", "upstream_ms", "prompt_tokens",
                  "completion_tokens", "cost_usd", "revision", "streamed", "tier", "decision", "attempt", "count"})
_CACHED_LEN = 256


@lru_cache(maxsize=4096)
def _redact_short(text: str) -> str:
    return redact(text)


def _clean(text: str) -> str:
    return _redact_short(text) if len(text) <= _CACHED_LEN else redact(text)


def _message(record: logging.LogRecord) -> str:
    """Our loggers' messages are a small set of literals (cache hits); anything else is redacted in full."""
    if not record.args and isinstance(record.msg, str) and record.name.startswith("wardgate"):
        return _clean(record.msg)
    return redact(record.getMessage())


def _fields(record: logging.LogRecord) -> dict[str, Any]:
    d = record.__dict__
    out: dict[str, Any] = {}
    for key in FIELDS:
        v = d.get(key)
        if v is None:
            continue
        if key not in _OWN:
            v = _clean(v if isinstance(v, str) else str(v))
        out[key] = v
    return out


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
            "msg": _message(record),
        }
        out.update(_fields(record))
        out.update(_stack(record))
        return json.dumps(out, default=str, separators=(",", ":"))


class TextFormatter(logging.Formatter):
    """Human-readable lines for a terminal (WARDGATE_LOG_FORMAT=text); same fields, same rules."""

    def format(self, record: logging.LogRecord) -> str:
        ctx = " ".join(f"{k}={v}" for k, v in _fields(record).items())
        when = time.strftime("%H:%M:%S", time.localtime(record.created))
        stack = _stack(record)
        exc = f" [{stack['exc_type']} at {stack['stack'][-1] if stack['stack'] else '?'}]" if stack else ""
        return f"{when} {record.levelname:<7} {record.name} {_message(record)}{exc} {ctx}".rstrip()


def handler(stream: IO[str] | None = None, fmt: str = "json") -> logging.Handler:
    h = logging.StreamHandler(stream if stream is not None else sys.stderr)
    h.setFormatter(TextFormatter() if fmt == "text" else JsonFormatter())
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
