"""A circuit breaker whose state lives in Redis, shared by every replica: one script (one round trip) to admit a
call, one to record its outcome.

Same state machine as the in-process breaker (pybreaker + `breakers.admit`): `failures` consecutive upstream
faults open it; after `reset_s` one probe goes through, holding a lease (SET NX PX) so a single replica probes;
the probe's outcome closes it or reopens it for a full period. pybreaker's own Redis storage needs several
synchronous round trips per call, hence this script. Timestamps come from the replicas' clocks (assumed
NTP-synced: skew only shifts when the probe is allowed)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gateway.limits.breakers import CLOSED, HALF_OPEN, OPEN, Admission, Admit
from gateway.limits.rules import BreakerRule

# KEYS: state hash, probe lease. ARGV: now, reset_s, lease_ms.  → {decision, retry_after}
_ENTER = """
local h = redis.call('HMGET', KEYS[1], 'state', 'opened_at')
local state = h[1] or 'closed'
if state == 'closed' then return {'pass', '0'} end
local now, reset = tonumber(ARGV[1]), tonumber(ARGV[2])
local opened = tonumber(h[2] or '0')
if state == 'open' and now < opened + reset then return {'reject', tostring(opened + reset - now)} end
if redis.call('SET', KEYS[2], '1', 'NX', 'PX', ARGV[3]) then
  redis.call('HSET', KEYS[1], 'state', 'half-open')
  return {'probe', '0'}
end
return {'reject', '1'}
"""

# KEYS: state hash, probe lease. ARGV: failed (0/1), probe (0/1), fail_max, now.  → the state after it
_RECORD = """
local failed, probe = ARGV[1] == '1', ARGV[2] == '1'
local state = redis.call('HGET', KEYS[1], 'state') or 'closed'
if probe then
  redis.call('DEL', KEYS[2])
  if failed then
    redis.call('HSET', KEYS[1], 'state', 'open', 'opened_at', ARGV[4])
    return 'open'
  end
  redis.call('HSET', KEYS[1], 'state', 'closed', 'failures', 0)
  return 'closed'
end
if not failed then
  if state == 'closed' then redis.call('HSET', KEYS[1], 'failures', 0) end
  return state
end
local n = redis.call('HINCRBY', KEYS[1], 'failures', 1)
if state == 'closed' and n >= tonumber(ARGV[3]) then
  redis.call('HSET', KEYS[1], 'state', 'open', 'opened_at', ARGV[4])
  return 'open'
end
return state
"""


class SharedBreaker:
    """One upstream's breaker in Redis. Async methods (the registry's `run` awaits them)."""

    def __init__(self, name: str, rule: BreakerRule, client: Any, prefix: str, clock: Callable[[], float],
                 on_change: Callable[[str, str], None] = lambda name, state: None) -> None:
        self.name = name
        self.rule = rule
        self._r = client
        self._keys = [f"{prefix}breaker:{name}", f"{prefix}breaker:{name}:probe"]
        self._clock = clock
        self._on_change = on_change
        self._enter = client.register_script(_ENTER)
        self._record = client.register_script(_RECORD)

    def configure(self, rule: BreakerRule) -> None:
        self.rule = rule

    async def enter(self, lease_s: float) -> Admission:
        decision, wait = await self._enter(keys=self._keys, args=[
            repr(self._clock()), repr(self.rule.reset_s), max(1, int(lease_s * 1000))])
        admit = Admit(decision.decode() if isinstance(decision, bytes) else decision)
        if admit is Admit.PROBE:
            self._on_change(self.name, HALF_OPEN)
        return Admission(admit, float(wait) if admit is Admit.REJECT else None)

    async def record(self, admitted: Admit, failed: bool) -> None:
        state = await self._record(keys=self._keys, args=[
            int(failed), int(admitted is Admit.PROBE), self.rule.failures, repr(self._clock())])
        state = state.decode() if isinstance(state, bytes) else state
        if (failed and state == OPEN) or admitted is Admit.PROBE:
            self._on_change(self.name, state)

    async def abandon(self, admitted: Admit) -> None:
        if admitted is Admit.PROBE:
            await self._r.delete(self._keys[1])

    async def reset(self) -> None:
        async with self._r.pipeline(transaction=True) as p:
            p.hset(self._keys[0], mapping={"state": CLOSED, "failures": 0})
            p.delete(self._keys[1])
            await p.execute()

    async def snapshot(self) -> dict[str, Any]:
        async with self._r.pipeline(transaction=False) as p:
            p.hmget(self._keys[0], "state", "failures", "opened_at")
            p.exists(self._keys[1])
            (state, failures, opened), busy = await p.execute()
        state = state.decode() if state else CLOSED
        at = float(opened) if opened else None
        retry = max(0.0, at + self.rule.reset_s - self._clock()) if state == OPEN and at is not None else None
        return {"name": self.name, "state": state, "failures": int(failures or 0), "fail_max": self.rule.failures,
                "reset_s": self.rule.reset_s, "opened_at": at, "probe_in_flight": bool(busy),
                "retry_after_s": retry}

