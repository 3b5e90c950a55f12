"""The overhead benchmark's verdicts and table: targets met or not, Wardgate's ratio to each peer, the report."""

from __future__ import annotations

from typing import Any

from wrk_cells import Cell

# Targets from the foundation issue: one core, 1 KB body, non-streamed.
TARGET_OVERHEAD_MS = 1.0
TARGET_RPS_C16 = 2500.0
TARGET_STREAM_RPS_C16 = 1200.0  # issue 14: 20 chunks, output guards on
TARGET_X_LITELLM = 30.0  # issue 14: non-streamed c=16 throughput against the LiteLLM proxy in the same run


def targets(cells: list[Cell]) -> dict[str, Any]:
    def find(conc: int, target: str = "wardgate", mode: str = "whole") -> Cell | None:
        return next((c for c in cells if c.target == target and c.mode == mode and c.body == "1KB"
                     and c.conc == conc), None)

    c1, c16, s16 = find(1), find(16), find(16, mode="stream")
    out: dict[str, Any] = {}
    if c1 is not None and c1.overhead_p50_ms is not None:
        out["overhead_c1_p50_ms"] = {"value": c1.overhead_p50_ms, "target": TARGET_OVERHEAD_MS,
                                     "met": c1.overhead_p50_ms <= TARGET_OVERHEAD_MS}
    if c16 is not None:
        out["rps_c16"] = {"value": c16.rps, "target": TARGET_RPS_C16, "met": c16.rps >= TARGET_RPS_C16}
    if s16 is not None:
        out["stream_rps_c16"] = {"value": s16.rps, "target": TARGET_STREAM_RPS_C16,
                                 "met": s16.rps >= TARGET_STREAM_RPS_C16}
    if c16 is not None and (peer := find(16, "litellm")) is not None:
        ratio = round(c16.rps / max(peer.rps, 1e-9), 1)
        out["rps_c16_x_litellm"] = {"value": ratio, "target": TARGET_X_LITELLM, "met": ratio >= TARGET_X_LITELLM}
    return out


def ratios(cells: list[Cell]) -> list[dict[str, Any]]:
    """Wardgate against each peer, cell by cell of one run: requests/s and CPU per request."""
    out = []
    for c in cells:
        if c.target != "wardgate":
            continue
        for peer in cells:
            same = (peer.mode, peer.body, peer.conc) == (c.mode, c.body, c.conc)
            if peer.target in ("passthrough", "pt-granian", "litellm") and same:
                out.append({"peer": peer.target, "mode": c.mode, "body": c.body, "conc": c.conc,
                            "rps_ratio": round(c.rps / max(peer.rps, 1e-9), 2),
                            "cpu_ratio": (round(c.cpu_ms_per_req / peer.cpu_ms_per_req, 2)
                                          if c.cpu_ms_per_req and peer.cpu_ms_per_req else None)})
    return out


_HEADER = (f"{'target':<11} {'mode':<6} {'body':<5} {'conc':>4} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} "
           f"{'p99 ms':>8} {'ovh p50':>8} {'cpu/req':>8} {'sys%':>5} {'RSS MB':>7} {'err':>4}")


def row(c: Cell) -> str:
    def opt(v: float | None, fmt: str) -> str:
        return format(v, fmt) if v is not None else "-"

    return (f"{c.target:<11} {c.mode:<6} {c.body:<5} {c.conc:>4} {c.rps:>9.0f} {c.p50_ms:>8.2f} {c.p95_ms:>8.2f} "
            f"{c.p99_ms:>8.2f} {opt(c.overhead_p50_ms, '>8.2f'):>8} {opt(c.cpu_ms_per_req, '>8.3f'):>8} "
            f"{opt(c.sys_pct, '>5.0f'):>5} {opt(c.rss_mb, '>7.1f'):>7} {c.errors:>4}")


def report(result: dict[str, Any]) -> str:
    m = result["machine"]
    lines = [
        f"# {m['date']}  {m['cpu']} x{m['cores']}  Python {m['python']}  load {m['loadavg_start']} -> "
        f"{m['loadavg_end']}",
        f"# gateway pinned to core {result['settings']['gateway_core']}, wrk + mock upstream to core "
        f"{result['settings']['load_core']}; {result['settings']['duration_s']:g}s per cell; "
        f"gateway RSS idle {m['gateway_rss_mb_idle']} MB; rules: {m.get('rules', '?')}",
        "# ovh p50 = wardgate p50 - direct p50 (ms); cpu/req = gateway process CPU ms per request (sys% of it in"
        " the kernel)",
        _HEADER,
    ]
    lines += [row(Cell(**c)) for c in result["cells"]]
    lines += [f"ratio wardgate / {r['peer']:<11} {r['mode']:<6} {r['body']:<5} c={r['conc']:<3} req/s x{r['rps_ratio']}"
              f"  cpu/req x{r['cpu_ratio']}" for r in result.get("ratios", [])]
    for name, t in result["targets"].items():
        lines.append(f"target {name}: {t['value']} (target {t['target']}) {'met' if t['met'] else 'NOT met'}")
    return "\n".join(lines)
