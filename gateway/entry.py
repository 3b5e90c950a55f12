"""The `wardgate` console script. Native thread pools get one thread before anything imports them."""

from __future__ import annotations

import os


def main() -> int:
    # numpy (pulled in by spaCy / Presidio) starts OpenBLAS/OpenMP worker pools that spin after each use;
    # on a gateway core that cost ~2.5 ms of CPU per guarded request at concurrency 1 (bench/overhead.py
    # --guards). The detectors' vectors are tiny: one thread is all they need. An explicit setting wins.
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    from gateway.cli import main as cli_main

    return cli_main()
