"""Pure decision over guard outcomes: block, deny on a crashed guard, redact, or only record."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from gateway.detectors.base import Finding
from gateway.detectors.config import GuardConfig
from gateway.detectors.kinds import Action, Mode, OnError
from gateway.guards.engine import Scanned
from gateway.guards.texts import Path_


@dataclass(frozen=True, slots=True)
class Hit:
    guard: str
    entity: str
    place: str
    path: Path_
    start: int
    end: int
    score: float
    action: Action
    enforced: bool

    def trace(self) -> dict[str, Any]:
        """What goes to the decision log: which detector and where — never the matched text."""
        return {"guard": self.guard, "entity": self.entity, "place": self.place, "path": list(self.path),
                "span": [self.start, self.end], "score": round(self.score, 3), "action": self.action.value,
                "enforced": self.enforced}


@dataclass(slots=True)
class GuardDecision:
    block: Hit | None = None
    failed: list[tuple[str, str]] = field(default_factory=list)  # (guard, error) that fail closed
    redact: dict[Path_, list[Finding]] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)
    errors_allowed: list[tuple[str, str]] = field(default_factory=list)

    def detail(self) -> dict[str, Any]:
        d: dict[str, Any] = {"hits": [h.trace() for h in self.hits]}
        if self.failed:
            d["failed"] = [{"guard": g, "error": e} for g, e in self.failed]
        if self.errors_allowed:
            d["errors_allowed"] = [{"guard": g, "error": e} for g, e in self.errors_allowed]
        if self.redact:
            d["redacted"] = sum(len(v) for v in self.redact.values())
        return d


def _enforced(guard: GuardConfig) -> bool:
    return guard.mode is Mode.ENFORCE and guard.action is not Action.MONITOR


def decide(scanned: Sequence[Scanned]) -> GuardDecision:
    out = GuardDecision()
    for item in scanned:
        for outcome in item.outcomes:
            guard = outcome.guard
            if outcome.error is not None:
                enforce = guard.mode is Mode.ENFORCE
                if guard.on_error is OnError.DENY and enforce:
                    out.failed.append((guard.name, outcome.error))
                else:
                    out.errors_allowed.append((guard.name, outcome.error))
                continue
            enforced = _enforced(guard)
            for f in outcome.findings:
                hit = Hit(guard.name, f.entity, item.text.place.value, item.text.path, f.start, f.end, f.score,
                          guard.action, enforced)
                out.hits.append(hit)
                if not enforced:
                    continue
                if guard.action is Action.BLOCK and out.block is None:
                    out.block = hit
                elif guard.action is Action.REDACT:
                    out.redact.setdefault(item.text.path, []).append(f)
    return out
