"""The budget ledger in Redis (multi-replica): reserve and settle are each one atomic Lua script, one round trip."""

from __future__ import annotations

from typing import Any

import redis.asyncio as aioredis

from gateway.limits.budget import Amounts, Caps, Decision
from gateway.limits.ledger import Reserved, RunState, Settled

# Shared by both scripts: load the run (or start it over when absent or idle past its TTL).
_LOAD = """
local now, ttl = tonumber(ARGV[1]), tonumber(ARGV[2])
local h = redis.call('HMGET', KEYS[1], 'started', 'last', 'u1', 'u2', 'u3', 'u4', 'u5',
                     'r1', 'r2', 'r3', 'r4', 'r5', 'alerted')
local started, last = tonumber(h[1]), tonumber(h[2])
local u, r, alerted = {}, {}, tonumber(h[13]) or 0
local fresh = (not started) or (now - last > ttl)
if fresh then
  redis.call('DEL', KEYS[1], KEYS[2])
  started, alerted = now, 0
end
for i = 1, 5 do
  u[i] = fresh and 0 or (tonumber(h[2 + i]) or 0)
  r[i] = fresh and 0 or (tonumber(h[7 + i]) or 0)
end
local function caps_from(at)
  local c = {}
  for i = 1, 7 do c[i] = tonumber(ARGV[at + i - 1]) end
  return c
end
local function totals(x) return {x[1], x[2], x[1] + x[2], x[3], x[4], x[5]} end
local function reply(flag, note)
  local out = {flag, note, tostring(started)}
  for i = 1, 5 do out[#out + 1] = u[i] end
  for i = 1, 5 do out[#out + 1] = r[i] end
  out[#out + 1] = alerted
  return out
end
local function touch()
  redis.call('HSET', KEYS[1], 'started', tostring(started), 'last', tostring(now), 'alerted', alerted,
             'u1', u[1], 'u2', u[2], 'u3', u[3], 'u4', u[4], 'u5', u[5],
             'r1', r[1], 'r2', r[2], 'r3', r[3], 'r4', r[4], 'r5', r[5])
  local ms = math.ceil(ttl * 1000)
  redis.call('PEXPIRE', KEYS[1], ms)
  if redis.call('EXISTS', KEYS[2]) == 1 then redis.call('PEXPIRE', KEYS[2], ms) end
end
"""

# ARGV: now, ttl, call_id, want x5, caps x7 (-1 = none).
RESERVE = _LOAD + """
local call = ARGV[3]
if (not fresh) and redis.call('HEXISTS', KEYS[2], call) == 1 then return reply(1, '') end
local w = {}
for i = 1, 5 do w[i] = tonumber(ARGV[3 + i]) end
local caps = caps_from(9)
local names = {'tokens_in', 'tokens_out', 'tokens', 'cost_nusd', 'llm_calls', 'tool_calls'}
local after, wt = totals({u[1] + r[1] + w[1], u[2] + r[2] + w[2], u[3] + r[3] + w[3], u[4] + r[4] + w[4],
                          u[5] + r[5] + w[5]}), totals(w)
local exceeded = {}
for i = 1, 6 do
  if caps[i] >= 0 and after[i] > caps[i] and wt[i] > 0 then exceeded[#exceeded + 1] = names[i] end
end
if caps[7] >= 0 and now - started > caps[7] then exceeded[#exceeded + 1] = 'wall_time_s' end
local admit = 0
if #exceeded == 0 then
  admit = 1
  for i = 1, 5 do r[i] = r[i] + w[i] end
  redis.call('HSET', KEYS[2], call, table.concat(w, ','))
end
touch()
return reply(admit, table.concat(exceeded, ','))
"""

# ARGV: now, ttl, call_id, actual x5, caps x7, alert_at.
SETTLE = _LOAD + """
local call = ARGV[3]
local held = redis.call('HGET', KEYS[2], call)
if fresh or not held then
  if fresh then return reply(0, 'unknown') end
  return reply(0, 'unknown')
end
redis.call('HDEL', KEYS[2], call)
local i = 1
for v in string.gmatch(held, '[^,]+') do r[i] = r[i] - tonumber(v); i = i + 1 end
for j = 1, 5 do u[j] = u[j] + tonumber(ARGV[3 + j]) end
local caps = caps_from(9)
local alert_at = tonumber(ARGV[16])
local share = 0
local ut = totals(u)
for j = 1, 6 do
  if caps[j] > 0 and ut[j] / caps[j] > share then share = ut[j] / caps[j] end
end
if caps[7] > 0 and (now - started) / caps[7] > share then share = (now - started) / caps[7] end
local alert = 0
if alerted == 0 and share >= alert_at then alert, alerted = 1, 1 end
touch()
return reply(alert, '')
"""

_NAMES = ("tokens_in", "tokens_out", "tokens", "cost_nusd", "llm_calls", "tool_calls", "wall_time_s")


def _state(raw: list[Any], now: float) -> RunState:
    started = float(raw[2])
    nums = [int(x) for x in raw[3:13]]
    return RunState(started, now, Amounts(*nums[:5]), Amounts(*nums[5:]), bool(int(raw[13])))


def reserved_of(raw: list[Any], now: float) -> Reserved:
    """The reserve script's reply as the ledger's answer."""
    note = _text(raw[1])
    return Reserved(Decision(bool(int(raw[0])), tuple(n for n in note.split(",") if n)), _state(raw, now))


def settled_of(raw: list[Any], now: float) -> Settled:
    """The settle script's reply as the ledger's answer."""
    return Settled(_state(raw, now), bool(int(raw[0])) and _text(raw[1]) != "unknown")


def _text(v: Any) -> str:
    return v.decode() if isinstance(v, bytes) else str(v or "")


class RedisBudgetLedger:
    def __init__(self, client: aioredis.Redis, prefix: str = "wardgate:") -> None:
        self._r = client
        self._prefix = prefix
        self._reserve = client.register_script(RESERVE)
        self._settle = client.register_script(SETTLE)

    def _keys(self, run_id: str) -> list[str]:
        # The run in braces: a Redis Cluster hash tag (the run's two keys share a slot).
        base = f"{self._prefix}budget:{{{run_id}}}"
        return [base, base + ":open"]

    def reserve_part(self, run_id: str, call_id: str, want: Amounts, caps: Caps, now: float,
                     ttl_s: float) -> tuple[list[str], list[Any]]:
        """The reserve script's keys and arguments (also sent inside the combined admission script)."""
        return self._keys(run_id), [repr(now), ttl_s, call_id, *want.as_tuple(), *caps.encoded()]

    def settle_part(self, run_id: str, call_id: str, actual: Amounts, caps: Caps, alert_at: float,
                    now: float, ttl_s: float) -> tuple[list[str], list[Any]]:
        """The settle script's keys and arguments (also sent inside the combined settlement script)."""
        return self._keys(run_id), [repr(now), ttl_s, call_id, *actual.as_tuple(), *caps.encoded(), alert_at]

    async def reserve(self, run_id: str, call_id: str, want: Amounts, caps: Caps, now: float,
                      ttl_s: float) -> Reserved:
        keys, args = self.reserve_part(run_id, call_id, want, caps, now, ttl_s)
        return reserved_of(await self._reserve(keys=keys, args=args), now)

    async def settle(self, run_id: str, call_id: str, actual: Amounts, caps: Caps, alert_at: float,
                     now: float, ttl_s: float) -> Settled:
        keys, args = self.settle_part(run_id, call_id, actual, caps, alert_at, now, ttl_s)
        return settled_of(await self._settle(keys=keys, args=args), now)

    async def state(self, run_id: str, now: float) -> RunState | None:
        h = await self._r.hgetall(self._keys(run_id)[0])
        if not h:
            return None
        g = {_text(k): _text(v) for k, v in h.items()}
        used = Amounts(*(int(g.get(f"u{i}", 0)) for i in range(1, 6)))
        reserved = Amounts(*(int(g.get(f"r{i}", 0)) for i in range(1, 6)))
        return RunState(float(g["started"]), float(g["last"]), used, reserved, g.get("alerted") == "1")

    async def close(self) -> None:
        return None
