"""Loop-protection counts in Redis (multi-replica): one atomic script per call, keys expire with the window."""

from __future__ import annotations

import math

import redis.asyncio as aioredis

from gateway.tools.loop_counts import LOOP_WINDOW_S

# KEYS[1]: the (run, tool, arguments) counter. ARGV[1]: the window in ms.
# The window starts at the first call, as in process: the TTL is set once, not pushed back by every call.
# A key found without a TTL (never expected) gets one, so keys cannot accumulate.
_HIT = """
local n = redis.call('INCR', KEYS[1])
if n == 1 or redis.call('PTTL', KEYS[1]) < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return n
"""


class RedisLoopCounter:
    """Every replica counts in the same keys: `<prefix>loop:{<run>}:<tool>:<argument hash>`."""

    def __init__(self, client: aioredis.Redis, prefix: str = "wardgate:", ttl_s: float = LOOP_WINDOW_S) -> None:
        self._prefix = prefix
        self._ttl_ms = max(1, math.ceil(ttl_s * 1000))
        self._hit = client.register_script(_HIT)

    def key(self, run_id: str, tool: str, fingerprint: str) -> str:
        # The run in braces: a Redis Cluster hash tag (as for budgets), and an unambiguous end for a run id
        # that may itself contain ':'; the fingerprint is a fixed-length hex digest at the end.
        return f"{self._prefix}loop:{{{run_id}}}:{tool}:{fingerprint}"

    async def hit(self, run_id: str, tool: str, fingerprint: str) -> int:
        return int(await self._hit(keys=[self.key(run_id, tool, fingerprint)], args=[self._ttl_ms]))
