"""The `limits` library's two Redis rate-limit windows, as Lua functions a larger script can call, with its key layout.

Reproduced from limits 5.x (`limits/resources/redis/lua_scripts/`: acquire_moving_window, moving_window,
acquire_sliding_window, sliding_window) statement for statement, so that a window hit by these functions and one hit
by `limits` are the same window: same keys, same values, same decisions (tests/redis/test_redis_windows.py drives
one request sequence through both and compares every decision and every stored value). What `limits` computes in
Python from a window's state (remaining, reset time) is `stats_of` here."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from limits import RateLimitItem

# moving window: a list of hit timestamps, newest first, trimmed to the limit, expiring with the window.
# sliding-window counter: two counters (previous, current window) whose weighted sum is compared with the limit.
WINDOWS_LUA = """
local function moving_acquire(key, timestamp, limit, expiry, amount)
  if amount > limit then return false end
  local entry = redis.call('lindex', key, limit - amount)
  if entry and tonumber(entry) >= timestamp - expiry then return false end
  local entries = {}
  for i = 1, amount do entries[i] = timestamp end
  for i = 1, #entries, 5000 do
    redis.call('lpush', key, unpack(entries, i, math.min(i + 4999, #entries)))
  end
  redis.call('ltrim', key, 0, limit - 1)
  redis.call('expire', key, expiry)
  return true
end

local function moving_stats(key, target, len)
  local low, high, result = 0, len - 1, nil
  while low <= high do
    local mid = math.floor((low + high) / 2)
    local val = tonumber(redis.call('lindex', key, mid))
    if val and val >= target then
      result = mid
      low = mid + 1
    else
      high = mid - 1
    end
  end
  if result then
    return {tostring(tonumber(redis.call('lindex', key, result))), result + 1}
  end
  return {}
end

local function counter_acquire(prev_key, cur_key, limit, expiry_s, amount)
  local expiry = expiry_s * 1000
  if amount > limit then return false end
  local current_ttl = tonumber(redis.call('pttl', cur_key))
  if current_ttl > 0 and current_ttl < expiry then
    redis.call('rename', cur_key, prev_key)
    redis.call('set', cur_key, 0, 'PX', current_ttl + expiry)
  end
  local previous_count = tonumber(redis.call('get', prev_key)) or 0
  local previous_ttl = tonumber(redis.call('pttl', prev_key)) or 0
  local current_count = tonumber(redis.call('get', cur_key)) or 0
  current_ttl = tonumber(redis.call('pttl', cur_key)) or 0
  if previous_ttl <= 0 then previous_ttl = 0 end
  if current_ttl <= 0 then current_ttl = 0 end
  local weighted_count = math.floor(previous_count * previous_ttl / expiry) + current_count
  if (weighted_count + amount) > limit then return false end
  if redis.call('exists', cur_key) == 1 then
    redis.call('incrby', cur_key, amount)
  else
    redis.call('set', cur_key, amount, 'PX', expiry * 2)
  end
  return true
end

local function counter_stats(prev_key, cur_key, expiry_s)
  local expiry = expiry_s * 1000
  local previous_count = redis.call('get', prev_key)
  local previous_ttl = redis.call('pttl', prev_key)
  local current_count = redis.call('get', cur_key)
  local current_ttl = redis.call('pttl', cur_key)
  if current_ttl > 0 and current_ttl < expiry then
    redis.call('rename', cur_key, prev_key)
    redis.call('set', cur_key, 0, 'PX', current_ttl + expiry)
    previous_count = redis.call('get', prev_key)
    previous_ttl = redis.call('pttl', prev_key)
    current_count = redis.call('get', cur_key)
    current_ttl = redis.call('pttl', cur_key)
  end
  return {previous_count or '0', previous_ttl, current_count or '0', current_ttl}
end

-- What is left of a sliding-window counter, as limits computes it (remaining = limit - floor(weighted)).
local function counter_remaining(prev_key, cur_key, limit, expiry_s)
  local s = counter_stats(prev_key, cur_key, expiry_s)
  local weighted = tonumber(s[1]) * (math.max(0, tonumber(s[2])) / 1000) / expiry_s + tonumber(s[3])
  return math.max(0, limit - math.floor(weighted))
end
"""

MOVING, COUNTER = "m", "c"


@dataclass(frozen=True, slots=True)
class Window:
    """One rate-limit window of a call: its kind, its keys, its size, its length and the amount to take."""

    kind: str  # MOVING (one key) or COUNTER (previous, current)
    keys: tuple[str, ...]
    limit: int
    expiry_s: int
    amount: int

    def args(self) -> list[Any]:
        return [self.kind, self.limit, self.expiry_s, self.amount]


@dataclass(frozen=True, slots=True)
class Stats:
    reset_at: float
    remaining: int


def window(kind: str, prefix: str, item: RateLimitItem, ids: tuple[str, ...], amount: int) -> Window:
    """Pure: the window `limits` would use for this item and identifiers, under the storage's key prefix
    (`<prefix>:<namespace>/<ids>/<amount>/<multiples>/<granularity>`; the counter's keys are that key in braces,
    a Cluster hash tag, and the same with `/-1` for the previous window)."""
    key = f"{prefix}:{item.key_for(*ids)}"
    if kind == MOVING:
        return Window(MOVING, (key,), item.amount, item.get_expiry(), amount)
    current = f"{prefix}:{{{item.key_for(*ids)}}}"
    return Window(COUNTER, (current + "/-1", current), item.amount, item.get_expiry(), amount)


def stats_of(w: Window, raw: list[Any], now: float) -> Stats:
    """Pure: a refused window's reset time and remaining amount, from the state the script returned (as
    `limits`' `get_window_stats` computes them from the same state)."""
    if w.kind == MOVING:
        if not raw:
            return Stats(now + w.expiry_s, w.limit)
        return Stats(float(_text(raw[0])) + w.expiry_s, w.limit - int(raw[1]))
    prev_count, prev_ttl = int(_text(raw[0]) or 0), max(0, float(raw[1] or 0)) / 1000
    cur_count, cur_ttl = int(_text(raw[2]) or 0), max(0, float(raw[3] or 0)) / 1000
    expiry = w.expiry_s
    remaining = max(0, w.limit - math.floor(prev_count * prev_ttl / expiry + cur_count))
    if not (prev_count or cur_count):
        return Stats(now, remaining)
    prev_in = prev_ttl % (expiry / prev_count) if prev_count else math.inf
    cur_in = cur_ttl % expiry if cur_count else math.inf
    return Stats(now + min(prev_in, cur_in), remaining)


def _text(v: Any) -> str:
    return v.decode() if isinstance(v, bytes) else str(v)
