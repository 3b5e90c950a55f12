"""What watching for a client that leaves costs a call that is not left: `until_gone` around an upstream wait,
against the bare wait, in one process without HTTP (CPU time per call, so a loaded machine inflates both sides).

  python bench/client_gone_cost.py [--calls 20000]

Cases: `bare` awaits the wait alone; `timer` is `until_gone` with its watch delay (the normal path: the answer
comes before the delay, only a timer is armed and cancelled); `task` is `until_gone` with no delay (the watcher
task is started and cancelled every call: the cost of a wait longer than the delay, and of the former always-on
watcher). The wait is one loop turn (`asyncio.sleep(0)`) and the client never leaves.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time

from gateway.flow.client_gone import WATCH_AFTER_S, until_gone


async def _never() -> None:
    await asyncio.Event().wait()


async def _wait() -> int:
    await asyncio.sleep(0)
    return 1


async def _run(case: str, calls: int) -> float:
    t0 = time.process_time()
    for _ in range(calls):
        if case == "bare":
            await _wait()
        else:
            await until_gone(_never, _wait(), WATCH_AFTER_S if case == "timer" else 0.0)
    return (time.process_time() - t0) / calls * 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--calls", type=int, default=20000)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    print(f"# load {os.getloadavg()[0]:.2f}; CPU us per call, median of {args.rounds} rounds of {args.calls}")
    for case in ("bare", "timer", "task"):
        runs = sorted(asyncio.run(_run(case, args.calls)) for _ in range(args.rounds))
        print(f"{case:6} {runs[len(runs) // 2]:8.2f}")
    print(f"# load {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
