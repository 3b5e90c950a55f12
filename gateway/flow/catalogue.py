"""Reads of the catalogue (GET /v1/models[/{id}], GET /v1/tools, MCP tools/list): authenticate, then one
complete call record in the run's trace, so a listing never shows as a call left in flight."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from gateway.config.ruleset import RuleSet
from gateway.errors import Refusal
from gateway.flow.respond import refusal_from_stop
from gateway.model import Call
from gateway.runtime import Gateway
from gateway.trace.events import CallRecord, Outcome


@dataclass
class CatalogueRead:
    call: Call  # after the request checks: the agent (and user) are known
    rules: RuleSet
    refusal: Refusal | None
    via: str
    t0: float = field(default_factory=time.perf_counter)

    def record(self, gw: Gateway, status: int, refusal: Refusal | None = None) -> None:
        """Write the read as one finished call; `refusal` when the route refused after the checks (e.g. 404)."""
        refused = refusal or self.refusal
        c = self.call
        gw.recorder.call(CallRecord(
            call_id=c.id, run_id=c.run_id, agent_id=c.agent_id, api=c.api.value, target=c.target,
            started_at=c.received_at, duration_ms=round((time.perf_counter() - self.t0) * 1000, 3), status=status,
            outcome=Outcome.REFUSED if refused else Outcome.OK, revision=self.rules.revision,
            reason=refused.reason if refused else None, detail={"via": self.via},
        ))


async def authorize_read(gw: Gateway, call: Call, via: str) -> CatalogueRead:
    """Run the request checks of a listing; a refusal is recorded here, a success when the route answers."""
    rules = gw.rules.current
    result = await gw.runner.run_request(call, rules)
    if result.stop is None:
        return CatalogueRead(result.call, rules, None, via)
    refusal = refusal_from_stop(call, result.stop)
    read = CatalogueRead(result.call, rules, refusal, via)
    read.record(gw, refusal.status)
    return read
