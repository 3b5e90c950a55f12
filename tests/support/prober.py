"""A /healthz prober in a process of its own, so that what it measures is the gateway's latency and not the test
process's (whose client threads and event loop would delay the prober's own reads): GET every `interval` over
one keep-alive connection, one line per probe (`ms` or `error`) appended to a file.

    python -m tests.support.prober http://127.0.0.1:PORT/healthz OUT [interval_s]
"""

from __future__ import annotations

import http.client
import statistics
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path


def probe(url: str, out: Path, interval_s: float) -> None:
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port or 80, timeout=5)
    with out.open("a", buffering=1) as f:
        while True:
            t0 = time.perf_counter()
            try:
                conn.request("GET", parts.path)
                resp = conn.getresponse()
                resp.read()
                ok = resp.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
            f.write(f"{(time.perf_counter() - t0) * 1000:.3f}\n" if ok else "error\n")
            time.sleep(interval_s)


@dataclass
class Prober:
    proc: subprocess.Popen[bytes]
    out: Path

    @classmethod
    def start(cls, url: str, out: Path, interval_s: float = 0.02) -> Prober:
        proc = subprocess.Popen([sys.executable, "-m", "tests.support.prober", url, str(out), str(interval_s)])
        return cls(proc, out)

    def finish(self) -> dict[str, float]:
        self.proc.kill()
        self.proc.wait(10)
        lines = self.out.read_text().split() if self.out.exists() else []
        ms = sorted(float(x) for x in lines if x != "error")
        if not ms:
            return {"samples": 0, "errors": len(lines)}
        return {"samples": len(ms), "errors": len(lines) - len(ms), "p50_ms": statistics.median(ms),
                "p99_ms": ms[max(0, int(len(ms) * 0.99) - 1)], "max_ms": ms[-1]}


if __name__ == "__main__":
    probe(sys.argv[1], Path(sys.argv[2]), float(sys.argv[3]) if len(sys.argv) > 3 else 0.02)
