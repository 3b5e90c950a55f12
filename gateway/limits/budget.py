"""Budget arithmetic, pure: what a call reserves, whether it fits, what settles, when the alert fires."""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

from gateway.limits.rules import BudgetRule

NANO = 1_000_000_000  # cost is kept in integer nano-USD so every store adds exactly


@dataclass(frozen=True, slots=True)
class Amounts:
    """One run's counters (used, reserved) or one call's share of them."""

    tokens_in: int = 0
    tokens_out: int = 0
    cost_nusd: int = 0
    llm_calls: int = 0
    tool_calls: int = 0

    def __add__(self, other: Amounts) -> Amounts:  # spelled out: on every reserve and settle
        return Amounts(self.tokens_in + other.tokens_in, self.tokens_out + other.tokens_out,
                       self.cost_nusd + other.cost_nusd, self.llm_calls + other.llm_calls,
                       self.tool_calls + other.tool_calls)

    def __sub__(self, other: Amounts) -> Amounts:
        return Amounts(self.tokens_in - other.tokens_in, self.tokens_out - other.tokens_out,
                       self.cost_nusd - other.cost_nusd, self.llm_calls - other.llm_calls,
                       self.tool_calls - other.tool_calls)

    def as_tuple(self) -> tuple[int, int, int, int, int]:
        return (self.tokens_in, self.tokens_out, self.cost_nusd, self.llm_calls, self.tool_calls)

    @property
    def tokens(self) -> int:
        return self.tokens_in + self.tokens_out


@dataclass(frozen=True, slots=True)
class Caps:
    """The budget's limits in ledger units; None = unlimited. -1 encodes None for the stores' scripts."""

    tokens_in: int | None = None
    tokens_out: int | None = None
    tokens: int | None = None
    cost_nusd: int | None = None
    llm_calls: int | None = None
    tool_calls: int | None = None
    wall_time_s: float | None = None

    @staticmethod
    def of(rule: BudgetRule) -> Caps:
        return Caps(rule.tokens_in, rule.tokens_out, rule.tokens,
                    None if rule.cost_usd is None else usd_to_nusd(rule.cost_usd),
                    rule.llm_calls, rule.tool_calls, rule.wall_time_s)

    def encoded(self) -> list[float]:
        return [-1 if getattr(self, f.name) is None else getattr(self, f.name) for f in fields(self)]


def usd_to_nusd(usd: float) -> int:
    return round(usd * NANO)


def cost_nusd(tokens_in: int, tokens_out: int, in_per_mtok: float, out_per_mtok: float, up: bool = False) -> int:
    """Cost of tokens at a price per million, in nano-USD; rounded up for reservations."""
    exact = (tokens_in * in_per_mtok + tokens_out * out_per_mtok) * 1000
    return math.ceil(exact - 1e-9) if up else round(exact)


def _totals(a: Amounts) -> dict[str, float]:
    return {"tokens_in": a.tokens_in, "tokens_out": a.tokens_out, "tokens": a.tokens, "cost_nusd": a.cost_nusd,
            "llm_calls": a.llm_calls, "tool_calls": a.tool_calls}


@dataclass(frozen=True, slots=True)
class Decision:
    admit: bool
    exceeded: tuple[str, ...] = ()


def decide_reserve(caps: Caps, used: Amounts, reserved: Amounts, want: Amounts,
                   started_at: float, now: float) -> Decision:
    """Admit iff every capped counter stays within its cap with this call's worst case added."""
    after = _totals(used + reserved + want)
    asked = _totals(want)
    exceeded = []
    for name, total in after.items():
        cap = getattr(caps, name)
        if cap is not None and total > cap and asked[name] > 0:
            exceeded.append(name)
    if caps.wall_time_s is not None and now - started_at > caps.wall_time_s:
        exceeded.append("wall_time_s")
    return Decision(not exceeded, tuple(exceeded))


def remaining(caps: Caps, used: Amounts, reserved: Amounts, started_at: float, now: float) -> dict[str, float]:
    """What is left of each capped counter (never negative); cost in USD, wall time in seconds."""
    spent = _totals(used + reserved)
    out: dict[str, float] = {}
    for name, total in spent.items():
        cap = getattr(caps, name)
        if cap is not None:
            left = max(0, cap - total)
            out["cost_usd" if name == "cost_nusd" else name] = left / NANO if name == "cost_nusd" else left
    if caps.wall_time_s is not None:
        out["wall_time_s"] = max(0.0, caps.wall_time_s - (now - started_at))
    return out


def fraction_used(caps: Caps, used: Amounts, started_at: float, now: float) -> float:
    """The largest share of any cap already consumed by settled usage (and wall time)."""
    spent = _totals(used)
    shares = [spent[name] / cap for name in spent if (cap := getattr(caps, name))]
    if caps.wall_time_s:
        shares.append((now - started_at) / caps.wall_time_s)
    return max(shares, default=0.0)


def utilisation(caps: Caps, used: Amounts, started_at: float, now: float) -> dict[str, float]:
    """Pure: settled usage / cap for every capped counter (cost as `cost_usd`), wall time included."""
    spent = _totals(used)
    out = {("cost_usd" if name == "cost_nusd" else name): spent[name] / cap
           for name in spent if (cap := getattr(caps, name))}
    if caps.wall_time_s:
        out["wall_time_s"] = (now - started_at) / caps.wall_time_s
    return out


def should_alert(caps: Caps, used: Amounts, started_at: float, now: float, alert_at: float, alerted: bool) -> bool:
    """True exactly once per run: the first time settled usage reaches the alert threshold."""
    return not alerted and fraction_used(caps, used, started_at, now) >= alert_at


def settle_amounts(reserved: Amounts, actual: Amounts) -> tuple[Amounts, Amounts]:
    """(change to `reserved`, change to `used`) when a reservation settles to actual usage."""
    return Amounts() - reserved, actual
