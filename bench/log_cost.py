"""CPU per log line through the configured JSON handler (into memory), for the access line.

    python bench/log_cost.py            # 20,000 access lines; prints CPU microseconds per line
"""

from __future__ import annotations

import argparse
import io
import logging
import time

from gateway.observability.logs import configure_logging


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, default=20000)
    n = ap.parse_args().lines
    configure_logging("info", "json", io.StringIO())
    log = logging.getLogger("wardgate.access")
    t0 = time.process_time()
    for i in range(n):
        log.info("request", extra={
            "method": "POST", "path": "/v1/chat/completions", "route": "llm", "status": 200, "duration_ms": 1.234,
            "run_id": f"run-{i % 50}", "decision_id": f"dec-{i:032x}"})
    print(f"cpu per access line: {(time.process_time() - t0) / n * 1e6:.1f} us ({n} lines)")


if __name__ == "__main__":
    main()
