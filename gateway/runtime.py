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



# The transforms one streamed answer goes through (`gateway.checks.StreamStages`); they record their decisions
# through the callable given (the relay writes them from the event loop).
StreamPlan = Callable[[Call, RuleSet, Callable[[DecisionEvent], None]], Sequence[StreamTransform]]


@dataclass(frozen=True, slots=True)
class Gateway:
    """Every collaborator a route needs, each built complete by the app factory (`gateway.app.build_gateway`)
    and passed in: nothing is attached after construction."""

    settings: Settings
    rules: RulesHolder
    runner: Runner
    recorder: TraceRecorder
    forwarder: Forwarder
    # Rate limiter, budgets and breakers (admin plane: /admin/breakers, /admin/budgets).
    limits: Limits
    # The approval queue (admin API, agent polling, console).
    approvals: ApprovalService
    # The tool gateway: tool forwarder, idempotency store, MCP endpoint lifespan.
    tools: ToolServices
    # Prometheus metric families (own registry); every subsystem reports through it. Always on.
    metrics: Metrics
    # Output guards on streams, in execution order.
    stream_transforms: StreamPlan
    # OpenTelemetry; the default does nothing and costs nothing.
    tracing: Tracing = NO_TRACING
    clock: Callable[[], float] = time.time
    ids: Callable[[str], str] = field(default_factory=IdSource)
    # What /readyz checks.
    ready_probes: tuple[ReadyProbe, ...] = ()
    # The finish phase: run after every call's record is written, on every path (budget settlement, limits).
    finishers: tuple[Callable[[CallRecord], Awaitable[None]], ...] = ()
    schemas: SchemaCache = field(default_factory=SchemaCache)
