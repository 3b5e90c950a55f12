"""Process settings: the one module that reads the environment."""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8080
    admin_host: str = "127.0.0.1"
    admin_port: int = 8081
    rules_dir: Path = Path("rules")
    # None: no tool registry at all (an empty WARDGATE_TOOLS_DIR); a directory that is named must exist.
    tools_dir: Path | None = Path("tool_registry")
    state_dir: Path = Path("state")
    admin_token: str | None = None
    redis_url: str | None = None
    redis_prefix: str = "wardgate:"  # keys of limits, budgets and breakers (replicas of one gateway share it)
    # One blocking pool for every Redis-backed check: a burst past its size waits (bounded) for a connection
    # instead of failing; a wait past `redis_pool_wait_s` refuses the call (never admits it unchecked).
    redis_pool_size: int = 64
    redis_pool_wait_s: float = 5.0
    # Each Redis command (connect, or send and read) gives up after this long: the check applies its policy.
    redis_timeout_s: float = 0.5
    database_url: str | None = None
    # Decision-log records kept in memory while its store is down; past this they spill under the state dir.
    trace_buffer_records: int = 100_000
    log_level: str = "info"
    reload_interval_s: float = 1.0
    otel_enabled: bool = False
    # OTEL_SERVICE_NAME; the OTLP exporter, sampler and resource read their other OTEL_* variables themselves.
    otel_service_name: str = "wardgate"
    log_format: str = "json"
    # /metrics needs the admin token (when one is set) unless WARDGATE_METRICS_AUTH=false.
    metrics_auth: bool = True
    # Several worker processes: PROMETHEUS_MULTIPROC_DIR (prometheus-client's own variable) merges their metrics.
    prometheus_multiproc_dir: Path | None = None
    # A run with no call for this long counts as finished (run outcome and cost metrics).
    run_idle_s: float = 300.0
    # Request caps, per plane: a body past its cap is refused 413 `request-too-large` without reading the rest;
    # the request line and headers together are capped while they are parsed (`wardgate serve`).
    max_body_bytes: int = 10 * 1024 * 1024
    admin_max_body_bytes: int = 10 * 1024 * 1024
    max_header_bytes: int = 64 * 1024
    # Host names (besides localhost, IP literals and the listen hosts) this gateway is reached under; a name
    # starting with '.' allows its subdomains, '*' turns the DNS-rebinding check off (WARDGATE_ALLOWED_HOSTS).
    allowed_hosts: tuple[str, ...] = ()
    # A snapshot of the environment, used for `${VAR}` interpolation in rule files.
    environ: Mapping[str, str] = field(default_factory=dict, repr=False)

    @property
    def admin_is_loopback(self) -> bool:
        return _is_loopback(self.admin_host)

    def admin_problem(self) -> str | None:
        """Why the admin plane must not start with these settings, or None."""
        if self.admin_token or self.admin_is_loopback:
            return None
        return (
            f"WARDGATE_ADMIN_TOKEN is not set and the admin plane would listen on {self.admin_host}; "
            "set a token, or bind the admin plane to 127.0.0.1 (WARDGATE_ADMIN_HOST) for local development"
        )

    def with_overrides(self, **changes: object) -> Settings:
        clean = {k: v for k, v in changes.items() if v is not None}
        return replace(self, **clean)  # type: ignore[arg-type]


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def _path(value: str | None) -> Path | None:
    return Path(value) if value else None


def from_environ(env: Mapping[str, str] | None = None) -> Settings:
    """Build settings from environment variables (defaults suit a laptop)."""
    e = dict(os.environ if env is None else env)
    return Settings(
        host=e.get("WARDGATE_HOST", "127.0.0.1"),
        port=int(e.get("WARDGATE_PORT", "8080")),
        admin_host=e.get("WARDGATE_ADMIN_HOST", "127.0.0.1"),
        admin_port=int(e.get("WARDGATE_ADMIN_PORT", "8081")),
        rules_dir=Path(e.get("WARDGATE_RULES_DIR", "rules")),
        tools_dir=_path(e.get("WARDGATE_TOOLS_DIR", "tool_registry")),
        state_dir=Path(e.get("WARDGATE_STATE_DIR", "state")),
        admin_token=e.get("WARDGATE_ADMIN_TOKEN") or None,
        redis_url=e.get("WARDGATE_REDIS_URL") or None,
        redis_prefix=e.get("WARDGATE_REDIS_PREFIX") or "wardgate:",
        redis_pool_size=int(e.get("WARDGATE_REDIS_POOL_SIZE") or "64"),
        redis_pool_wait_s=float(e.get("WARDGATE_REDIS_POOL_WAIT_S") or "5"),
        redis_timeout_s=float(e.get("WARDGATE_REDIS_TIMEOUT_S") or "0.5"),
        database_url=e.get("WARDGATE_DATABASE_URL") or None,
        trace_buffer_records=int(e.get("WARDGATE_TRACE_BUFFER_RECORDS") or "100000"),
        log_level=e.get("WARDGATE_LOG_LEVEL", "info").lower(),
        reload_interval_s=float(e.get("WARDGATE_RELOAD_INTERVAL", "1.0")),
        otel_enabled=_flag(e.get("WARDGATE_OTEL_ENABLED")) or bool(e.get("OTEL_EXPORTER_OTLP_ENDPOINT")),
        otel_service_name=e.get("OTEL_SERVICE_NAME") or "wardgate",
        log_format="text" if e.get("WARDGATE_LOG_FORMAT", "json").lower() == "text" else "json",
        metrics_auth=e.get("WARDGATE_METRICS_AUTH", "true").strip().lower() not in {"0", "false", "no", "off"},
        prometheus_multiproc_dir=_path(e.get("PROMETHEUS_MULTIPROC_DIR") or e.get("prometheus_multiproc_dir")),
        run_idle_s=float(e.get("WARDGATE_RUN_IDLE_S", "300")),
        max_body_bytes=int(e.get("WARDGATE_MAX_BODY_BYTES", str(10 * 1024 * 1024))),
        admin_max_body_bytes=int(e.get("WARDGATE_ADMIN_MAX_BODY_BYTES", str(10 * 1024 * 1024))),
        max_header_bytes=int(e.get("WARDGATE_MAX_HEADER_BYTES", str(64 * 1024))),
        allowed_hosts=tuple(h.strip() for h in e.get("WARDGATE_ALLOWED_HOSTS", "").split(",") if h.strip()),
        environ=e,
    )
