"""What one budget-ledger step costs on the event loop: a reserve and a settle of the embedded ledger (books in
memory, one journal line appended per step), awaited as `Budgets` awaits them. The journal is rotated and
compacted at its default size; pass `--compact-after N` to include snapshots in the figure.

    python bench/ledger_steps.py
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from pathlib import Path

from gateway.limits.budget import Amounts, Caps
from gateway.stores.journal_budget import COMPACT_AFTER, JournalLedger

CALLS = 20_000
WARM_UP = 1_000
RUNS = 500  # calls spread over this many runs (a snapshot copies every live run)


async def main(compact_after: int) -> None:
    ledger = JournalLedger(Path(tempfile.mkdtemp()) / "budgets", compact_after)
    caps, want = Caps(tokens=10**12), Amounts(100, 200, 0, 1, 0)
    print(f"# bench/ledger_steps.py  load {os.getloadavg()[0]:.2f}  cpus {os.cpu_count()}  "
          f"compact after {compact_after} lines")
    reserves: list[float] = []
    settles: list[float] = []
    for i in range(CALLS):
        run, call = f"run-{i % RUNS}", f"c{i}"
        t0 = time.perf_counter()
        await ledger.reserve(run, call, want, caps, time.time(), 3600)
        t1 = time.perf_counter()
        await ledger.settle(run, call, want, caps, 0.8, time.time(), 3600)
        reserves.append((t1 - t0) * 1000)
        settles.append((time.perf_counter() - t1) * 1000)
    for name, xs in (("reserve", reserves[WARM_UP:]), ("settle", settles[WARM_UP:])):
        xs.sort()
        print(f"{name:8} p50 {statistics.median(xs):.4f} ms  p99 {xs[int(len(xs) * 0.99)]:.4f} ms  "
              f"max {xs[-1]:.3f} ms")
    await ledger.close()


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--compact-after", type=int, default=COMPACT_AFTER)
    asyncio.run(main(p.parse_args().compact_after))
