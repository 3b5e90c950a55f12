"""What one SQLite budget-ledger step costs: a reserve and a settle, called directly (the statements' own time,
which is what the event loop spends on an uncontended step) and awaited (the ledger choosing where to run it).

    python bench/sqlite_ledger_steps.py
"""

from __future__ import annotations

import asyncio
import os
import statistics
import tempfile
import time
from pathlib import Path

from gateway.limits.budget import Amounts, Caps
from gateway.stores.sqlite_budget import SqliteBudgetLedger

CALLS = 3_000
WARM_UP = 500


async def main() -> None:
    ledger = SqliteBudgetLedger(Path(tempfile.mkdtemp()) / "budgets.sqlite3")
    caps, want = Caps(tokens=10**12), Amounts(100, 200, 0, 1, 0)
    print(f"# bench/sqlite_ledger_steps.py  load {os.getloadavg()[0]:.2f}  cpus {os.cpu_count()}")
    for how in ("direct", "awaited"):
        reserves: list[float] = []
        settles: list[float] = []
        for i in range(CALLS):
            call = f"{how}-{i}"
            t0 = time.perf_counter()
            if how == "direct":
                ledger.reserve_sync("run", call, want, caps, time.time(), 3600)
            else:
                await ledger.reserve("run", call, want, caps, time.time(), 3600)
            t1 = time.perf_counter()
            if how == "direct":
                ledger.settle_sync("run", call, want, caps, 0.8, time.time(), 3600)
            else:
                await ledger.settle("run", call, want, caps, 0.8, time.time(), 3600)
            reserves.append((t1 - t0) * 1000)
            settles.append((time.perf_counter() - t1) * 1000)
        print(f"{how:8} reserve p50 {statistics.median(reserves[WARM_UP:]):.3f} ms  "
              f"settle p50 {statistics.median(settles[WARM_UP:]):.3f} ms")
    await ledger.close()


if __name__ == "__main__":
    asyncio.run(main())
