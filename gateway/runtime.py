"""The assembled gateway: every collaborator a route needs, built once by the app factory."""

from __future__ import annotations

import os
import random
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
from gateway.trace.events import CallRecord, DecisionEvent
from gateway.trace.recorder import TraceRecorder
from gateway.upstream.forwarder import Forwarder


@dataclass(frozen=True, slots=True)
class ReadyProbe:
    """A dependency `/readyz` checks: its name (reported when it fails) and an async check that raises or
    returns False when the dependency is not usable."""

    name: str
    check: Callable[[], Awaitable[object]]


class IdSource:
    """128-bit random ids (`dec_…`, `run_…`) from a generator seeded once from the OS.

    Ids identify calls and runs; they are not credentials (every request is authenticated, approvals are
    bound to the agent), so they need uniqueness, not secrecy: a getrandom() system call per id cost ~4% of
    the gateway's CPU under load."""

    def __init__(self) -> None:
        self._random = random.Random(os.urandom(32))

    def __call__(self, prefix: str) -> str:
        return f"{prefix}_{self._random.getrandbits(128):032x}"



@dataclass(slots=True)
class Gateway:
    settings: Settings
    rules: RulesHolder
    runner: Runner
    recorder: TraceRecorder
    forwarder: Forwarder
    clock: Callable[[], float] = time.time
    ids: Callable[[str], str] = field(default_factory=IdSource)
    ready_probes: list[ReadyProbe] = field(default_factory=list)
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
    # Output guards on streams: builds the transforms one streamed answer goes through; they record their
    # decisions through the callable given (the relay writes them from the event loop).
    stream_transforms: Callable[[Call, RuleSet, Callable[[DecisionEvent], None]], Sequence[StreamTransform]] = (
        lambda call, rules, record: ())
