"""A circuit breaker whose state lives in Redis, shared by every replica: one script to admit a call (sent inside the
call's combined admission script when it has rate limits or a budget), one to record a failure or a probe's outcome;
a success goes with the call's settlement script (OK_LATE), not as a round trip of its own.

Same state machine as the in-process breaker (pybreaker + `breaker_state.admit`): `failures` consecutive upstream
faults open it; after `reset_s` one probe goes through, holding a lease (SET NX PX) so a single replica probes;
the probe's outcome closes it or reopens it for a full period. pybreaker's own Redis storage needs several
synchronous round trips per call, hence this script. Timestamps come from the replicas' clocks (assumed
NTP-synced: skew only shifts when the probe is allowed).

When Redis fails, the breaker's documented policy applies instead of an error: the call passes as if closed
(a breaker only protects; an unknown state must not cut traffic) with the store fault in its admission, and an
outcome that cannot be recorded is dropped (logged)."""

from __future__ import annotations

import logging
from collections.abc import Callable

import redis.asyncio as aioredis

from gateway.limits.breaker_state import CLOSED, HALF_OPEN, OPEN, UNKNOWN, Admission, Admit, Snapshot, retry_after
from gateway.limits.rules import BreakerRule
from gateway.limits.store_fault import classify

log = logging.getLogger("wardgate.breaker")

# KEYS: state hash, probe lease. ARGV: now, reset_s, lease_ms.  → {decision, retry_after}
ENTER = """
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
redis.call('HSET', KEYS[1], 'failed_at', ARGV[4])
if state == 'closed' and n >= tonumber(ARGV[3]) then
  redis.call('HSET', KEYS[1], 'state', 'open', 'opened_at', ARGV[4])
  return 'open'
end
return state
"""

# A success recorded late (with the call's settlement): it resets the consecutive failures only if no failure
# was recorded after it, as it would have when recorded at once. Also releases a probe lease never used.
# KEYS: state hash, probe lease. ARGV: success at ('' = none), release the lease (1/0).
OK_LATE = """
if ARGV[2] == '1' then redis.call('DEL', KEYS[2]) end
if ARGV[1] ~= '' then
  local h = redis.call('HMGET', KEYS[1], 'state', 'failed_at', 'failures')
  if (h[1] or 'closed') == 'closed' and tonumber(h[3] or '0') > 0 and tonumber(h[2] or '0') <= tonumber(ARGV[1]) then
    redis.call('HSET', KEYS[1], 'failures', 0)
  end
end
"""


class SharedBreaker:
    """One upstream's breaker in Redis (the async `Breaker` protocol)."""

    def __init__(self, name: str, rule: BreakerRule, client: aioredis.Redis, prefix: str,
                 clock: Callable[[], float], on_change: Callable[[str, str], None] = lambda name, state: None,
                 *, defer_successes: bool = False) -> None:
        self.name = name
        self.rule = rule
        self._r = client
        self._keys = [f"{prefix}breaker:{name}", f"{prefix}breaker:{name}:probe"]
        self._clock = clock
        self._on_change = on_change
        self._enter = client.register_script(ENTER)
        self._record = client.register_script(_RECORD)
        # With the combined settlement script: a success of a call admitted as closed is not a round trip of its
        # own; its time is kept here and sent with the next settlement (`take_success`, OK_LATE).
        self._defer = defer_successes
        self._ok_at: float | None = None

    @property
    def keys(self) -> tuple[str, str]:
        return self._keys[0], self._keys[1]

    def take_success(self) -> float | None:
        """The latest success not yet recorded (cleared): the settlement script records it."""
        at, self._ok_at = self._ok_at, None
        return at

    def configure(self, rule: BreakerRule) -> None:
        self.rule = rule

    async def enter(self, lease_s: float) -> Admission:
        keys, args = self.enter_part(lease_s)
        try:
            decision, wait = await self._enter(keys=keys, args=args)
        except Exception as exc:
            fault = classify(exc)
            log.warning("breaker %s: store failed (%s, %s); the call passes (breakers fail open)", self.name,
                        type(exc).__name__, fault.value)
            return Admission(Admit.PASS, store_error=fault)
        return self.admitted([decision, wait])

    def enter_part(self, lease_s: float) -> tuple[tuple[str, str], tuple[str, str, int]]:
        """The admission script's keys and arguments (also sent inside the combined admission script)."""
        return self.keys, (repr(self._clock()), repr(self.rule.reset_s), max(1, int(lease_s * 1000)))

    def admitted(self, raw: list[bytes | str]) -> Admission:
        """The admission script's reply ({decision, retry after}) as an admission."""
        admit = Admit(_text(raw[0]))
        if admit is Admit.PROBE:
            self._on_change(self.name, HALF_OPEN)
        return Admission(admit, float(raw[1]) if admit is Admit.REJECT else None)

    async def record(self, admitted: Admit, failed: bool) -> None:
        if self._defer and not failed and admitted is Admit.PASS:
            self._ok_at = self._clock()
            return
        try:
            state = _text(await self._record(keys=self._keys, args=[
                int(failed), int(admitted is Admit.PROBE), self.rule.failures, repr(self._clock())]))
        except Exception as exc:
            log.warning("breaker %s: store failed (%s); this outcome is not recorded", self.name,
                        type(exc).__name__)
            return
        if (failed and state == OPEN) or admitted is Admit.PROBE:
            self._on_change(self.name, state)

    async def abandon(self, admitted: Admit) -> None:
        if admitted is Admit.PROBE:
            try:
                await self._r.delete(self._keys[1])
            except Exception as exc:  # the lease expires by itself (PX): the next probe waits at most that long
                log.warning("breaker %s: releasing the probe lease failed (%s)", self.name, type(exc).__name__)

    async def reset(self) -> None:
        async with self._r.pipeline(transaction=True) as p:
            p.hset(self._keys[0], mapping={"state": CLOSED, "failures": 0})
            p.delete(self._keys[1])
            await p.execute()

    async def snapshot(self) -> Snapshot:
        try:
            async with self._r.pipeline(transaction=False) as p:
                p.hmget(self._keys[0], "state", "failures", "opened_at")
                p.exists(self._keys[1])
                (state_b, failures, opened), busy = await p.execute()
        except Exception as exc:
            log.warning("breaker %s: store failed (%s); state unknown", self.name, type(exc).__name__)
            return Snapshot(self.name, UNKNOWN, 0, self.rule.failures, self.rule.reset_s, None, False, None)
        state = _text(state_b) if state_b else CLOSED
        at = float(opened) if opened else None
        return Snapshot(self.name, state, int(failures or 0), self.rule.failures, self.rule.reset_s, at, bool(busy),
                        retry_after(state, at, self.rule.reset_s, self._clock()))


def _text(v: bytes | str) -> str:
    return v.decode() if isinstance(v, bytes) else v
