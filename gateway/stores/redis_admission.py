"""One call's shared checks in Redis in one round trip at admission and one at settlement (issue 14, item 3).

The admission script takes, atomically and in the order of the checks: every rate-limit window of the call (the
`limits` windows of redis_windows.py), the run's budget reservation (the script of redis_budget.py) and the
breaker admission of the call's upstream (the script of shared_breaker.py). A check whose refusal ends the call
(its mode is enforce) stops the script there, as the pipeline would stop: a call refused by a rate limit reserves
no budget and takes no breaker admission; a call refused by its budget still holds the rate-limit slots it took
(as before: windows already hit keep the charge). The settlement script settles the budget, charges real token
and spend usage to the token/spend windows, and records a success with the breaker (or releases a probe lease that
was never used).

Keys: the scripts touch keys of the agent (rate limits), the run (budget) and the upstream (breaker), which cannot
share one Redis Cluster hash slot; this mode needs a single Redis (or a primary with replicas), not a Cluster.

Both are registered once and sent with EVALSHA (redis-py reloads a script the server answers NOSCRIPT to)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import redis.asyncio as aioredis

from gateway.limits.shared_breaker import ENTER, OK_LATE
from gateway.stores.redis_budget import RESERVE, SETTLE
from gateway.stores.redis_windows import WINDOWS_LUA, Window


def _function(name: str, body: str) -> str:
    """A stand-alone script as a local function of a larger one: its KEYS and ARGV become the function's."""
    return f"local function {name}(KEYS, ARGV)\n{body}\nend\n"


def _slice(t: str, start: str, n: int) -> str:
    return f"{{{', '.join(f'{t}[{start} + {i}]' for i in range(n))}}}"


# ARGV: now, windows n, rate stops (1/0), budget (1/0), budget stops (1/0), breaker (1/0),
#       then per window: kind, limit, expiry_s, amount; then the budget's 15 arguments; then the breaker's 3.
# KEYS: per window its keys (1 moving, 2 counter), then the budget's 2, then the breaker's 2.
# → {refused window (1-based, 0 = none), its state, the budget's reply ({} = not run), the breaker's ({} = not run)}
ADMIT = WINDOWS_LUA + _function("budget_reserve", RESERVE) + _function("breaker_enter", ENTER) + f"""
local now, n = tonumber(ARGV[1]), tonumber(ARGV[2])
local k, a = 1, 7
local refused, state = 0, {{}}
for i = 1, n do
  local kind, limit, expiry, amount = ARGV[a], tonumber(ARGV[a + 1]), tonumber(ARGV[a + 2]), tonumber(ARGV[a + 3])
  a = a + 4
  if kind == 'm' then
    if refused == 0 and not moving_acquire(KEYS[k], now, limit, expiry, amount) then
      refused, state = i, moving_stats(KEYS[k], now - expiry, limit)
    end
    k = k + 1
  else
    if refused == 0 and not counter_acquire(KEYS[k], KEYS[k + 1], limit, expiry, amount) then
      refused, state = i, counter_stats(KEYS[k], KEYS[k + 1], expiry)
    end
    k = k + 2
  end
end
local go = refused == 0 or ARGV[3] ~= '1'
local budget, breaker = {{}}, {{}}
if ARGV[4] == '1' then
  if go then
    budget = budget_reserve({_slice('KEYS', 'k', 2)}, {_slice('ARGV', 'a', 15)})
    go = tonumber(budget[1]) == 1 or ARGV[5] ~= '1'
  end
  k, a = k + 2, a + 15
end
if ARGV[6] == '1' and go then
  breaker = breaker_enter({_slice('KEYS', 'k', 2)}, {_slice('ARGV', 'a', 3)})
end
return {{refused, state, budget, breaker}}
"""

# ARGV: windows n, budget (1/0), breakers m, then per window: limit, expiry_s, extra; then the budget's 16
#       arguments; then per breaker: success at ('' = none), release its probe lease (1/0).
# KEYS: per window its 2 counter keys, then the budget's 2, then per breaker its 2.  → the budget's reply or {}
SETTLE_ALL = WINDOWS_LUA + _function("budget_settle", SETTLE) + _function("breaker_ok", OK_LATE) + f"""
local n = tonumber(ARGV[1])
local k, a = 1, 4
for i = 1, n do
  local limit, expiry, extra = tonumber(ARGV[a]), tonumber(ARGV[a + 1]), tonumber(ARGV[a + 2])
  if not counter_acquire(KEYS[k], KEYS[k + 1], limit, expiry, math.min(extra, limit)) then
    local left = counter_remaining(KEYS[k], KEYS[k + 1], limit, expiry)
    if left > 0 then counter_acquire(KEYS[k], KEYS[k + 1], limit, expiry, left) end
  end
  k, a = k + 2, a + 3
end
local budget = {{}}
if ARGV[2] == '1' then
  budget = budget_settle({_slice('KEYS', 'k', 2)}, {_slice('ARGV', 'a', 16)})
  k, a = k + 2, a + 16
end
for i = 1, tonumber(ARGV[3]) do
  breaker_ok({_slice('KEYS', 'k', 2)}, {_slice('ARGV', 'a', 2)})
  k, a = k + 2, a + 2
end
return budget
"""


@dataclass(frozen=True, slots=True)
class Part:
    """A check's share of a combined script: its keys and arguments (as its own script takes them)."""

    keys: tuple[str, ...]
    args: tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class AdmitReply:
    refused: int  # 1-based index of the window that refused the call, 0 when none did
    state: list[Any]  # that window's state (redis_windows.stats_of reads it)
    budget: list[Any] | None  # the reserve script's reply, None when it did not run
    breaker: list[Any] | None  # the breaker admission script's reply, None when it did not run


class RedisAdmission:
    """The two combined scripts, registered once on the shared client."""

    def __init__(self, client: aioredis.Redis) -> None:
        self._admit = client.register_script(ADMIT)
        self._settle = client.register_script(SETTLE_ALL)

    async def admit(self, now: float, windows: list[Window], rate_stops: bool, budget: Part | None,
                    budget_stops: bool, breaker: Part | None) -> AdmitReply:
        keys: list[str] = [k for w in windows for k in w.keys]
        args: list[Any] = [repr(now), len(windows), int(rate_stops), int(budget is not None), int(budget_stops),
                           int(breaker is not None)]
        for w in windows:
            args += w.args()
        for part in (budget, breaker):
            if part is not None:
                keys += part.keys
                args += part.args
        refused, state, b, br = await self._admit(keys=keys, args=args)
        return AdmitReply(int(refused), list(state or []), list(b) if b else None, list(br) if br else None)

    async def settle(self, corrections: list[tuple[Window, int]], budget: Part | None,
                     breakers: list[Part]) -> list[Any] | None:
        keys: list[str] = [k for w, _ in corrections for k in w.keys]
        args: list[Any] = [len(corrections), int(budget is not None), len(breakers)]
        for w, extra in corrections:
            args += [w.limit, w.expiry_s, extra]
        for part in (budget, *breakers):
            if part is not None:
                keys += part.keys
                args += part.args
        raw = await self._settle(keys=keys, args=args)
        return list(raw) if raw else None
