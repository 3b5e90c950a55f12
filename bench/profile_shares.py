"""Where a py-spy profile of the gateway spends its samples, by part of the stack (self time, each sample given
to the deepest frame that names a part; gateway code not named below is "gateway (checks, flow, records)").

    python bench/overhead.py --quick --conc 16 --profile gw.txt   # writes gw.txt and gw.txt.stream
    python bench/profile_shares.py gw.txt
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

PARTS = (
    ("budget ledger (journal)", ("journal_budget.py", "sqlite_budget.py")),
    ("decision log writer (SQLite, a worker thread)", ("sqlite_trace.py", "trace_rows.py", "_write_all")),
    ("thread wake-ups and hand-offs", ("concurrent/futures", "threading.py", "to_thread", "run_in_executor",
                                       "asyncio/futures.py")),
    ("logging (call and access lines)", ("logging/__init__", "observability/logs.py")),
    ("rate limiter (limits)", ("limits/aio", "ratelimit.py")),
    ("guards", ("gateway/guards", "gateway/detectors")),
    ("upstream client (aiohttp)", ("aiohttp/",)),
    ("uvicorn + httptools", ("uvicorn/", "http_protocol.py")),
    ("starlette + fastapi", ("starlette/", "fastapi/")),
    ("event loop (select, callbacks)", ("asyncio/runners.py:118", "asyncio/base_events", "uvloop")),
)


def part(frames: list[str]) -> str:
    for frame in reversed(frames):
        for name, keys in PARTS:
            if any(k in frame for k in keys):
                return name
        if "gateway/" in frame:
            return "gateway (checks, flow, records)"
    return "other"


def shares(path: Path) -> tuple[int, Counter[str]]:
    total, out = 0, Counter[str]()
    for line in path.read_text().splitlines():
        stack, _, n = line.rpartition(" ")
        if not stack:
            continue
        total += int(n)
        out[part(stack.split(";"))] += int(n)
    return total, out


def main() -> None:
    for arg in sys.argv[1:]:
        total, out = shares(Path(arg))
        print(f"# {arg}: {total} samples")
        for name, n in out.most_common():
            print(f"{100 * n / max(total, 1):5.1f}%  {name}")


if __name__ == "__main__":
    main()
