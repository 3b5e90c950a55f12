"""The assembled gateway: every collaborator a route needs, built once by the app factory."""

from __future__ import annotations

import os
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field

from gateway.approvals.service import ApprovalService
from gateway.config.holder import RulesHolder
from gateway.config.ruleset import RuleSet
from gateway.flow.stream import StreamTransform
from gateway.flow.structured import SchemaCache
from gateway.flow.tool_services import ToolServices
from gateway.limits.service import Limits
from gateway.model import Call
from gateway.observability.metrics import Metrics
from gateway.observability.tracing import NO_TRACING, Tracing
from gateway.pipeline.runner import Runner
from gateway.settings import Settings
from gateway.trace.events import CallRecord
from gateway.trace.recorder import TraceRecorder
from gateway.upstream.forwarder import Forwarder


def new_id(prefix: str) -> str:
    # 128 random bits, like uuid4, at a sixth of its cost (ids are made twice per call).
    return f"{prefix}_{os.urandom(16).hex()}"


@dataclass(slots=True)
class Gateway:
    settings: Settings
    rules: RulesHolder
    runner: Runner
    recorder: TraceRecorder
    forwarder: Forwarder
    clock: Callable[[], float] = time.time
    ids: Callable[[str], str] = new_id
    ready_probes: list[Callable[[], bool]] = field(default_factory=list)
    # The finish phase: run after every call's record is written, on every path (budget settlement, limits).
    finishers: list[Callable[[CallRecord], Awaitable[None]]] = field(default_factory=list)
    # Rate limiter, budgets and breakers (admin plane: /admin/breakers, /admin/budgets); built by the app factory.
    limits: Limits | None = None
    # Prometheus metric families (own registry); every subsystem reports through it. Always on.
    metrics: Metrics = field(default_factory=Metrics)
    # OpenTelemetry; the default does nothing and costs nothing. Set by the app factory.
    tracing: Tracing = NO_TRACING
    schemas: SchemaCache = field(default_factory=SchemaCache)
    # The approval queue (admin API, agent polling, console); built by the app factory.
    approvals: ApprovalService | None = None
    # The tool gateway: tool forwarder, idempotency store, MCP endpoint lifespan; built by the app factory.
    tools: ToolServices | None = None
    # Output guards on streams: builds the transforms one streamed answer goes through.
    stream_transforms: Callable[[Call, RuleSet], Sequence[StreamTransform]] = lambda call, rules: ()
