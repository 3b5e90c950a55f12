"""`wardgate runs show RUN | list [--agent A] [--since 1h]`: a run's decisions and recent runs, as tables."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from gateway import admin_client

SHOW_COLUMNS = ("TIME", "CALL", "CHECK", "VERDICT", "REASON", "MODEL", "TOKENS", "COST")
LIST_COLUMNS = ("LAST ACTIVITY", "RUN", "AGENT", "CALLS", "REFUSED", "TOKENS", "COST")


def _clock(ts: Any) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%H:%M:%S.%f")[:-3] if isinstance(ts, int | float) else ""


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    return "\n".join("  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
                     for r in [header, *rows])


def _tokens(c: dict[str, Any]) -> str:
    return f"{c.get('prompt_tokens', 0)}+{c.get('completion_tokens', 0)}"


def show_rows(view: dict[str, Any]) -> list[list[str]]:
    """One row per verdict, in order; the call's model, tokens and cost on its last row, then its outcome."""
    rows: list[list[str]] = []
    for c in view["calls"]:
        what = f"{c.get('api', '?')} {c.get('target') or ''}".strip() if "api" in c else c["call_id"]
        decisions = c.get("decisions") or []
        for i, d in enumerate(decisions):
            verdict = d["action"] + ("" if d.get("enforced", True) else " (monitor)")
            rows.append([_clock(d.get("at")), what if i == 0 else "", d["check"], verdict, d.get("reason") or ""])
        money = [c.get("answered_by") or "", _tokens(c), f"${c.get('cost_usd', 0.0):.6f}"] if "api" in c else [""] * 3
        status = f"{c['outcome']} {c['status']}" if "status" in c else c["outcome"]
        ended = c["started_at"] + c.get("duration_ms", 0.0) / 1000 if "started_at" in c else None
        rows.append([_clock(ended), "" if decisions else what, "→ outcome", status,
                     c.get("reason") or "", *money])
    return [r + [""] * (len(SHOW_COLUMNS) - len(r)) for r in rows]


def show_text(view: dict[str, Any]) -> str:
    t = view["totals"]
    first = next((c.get("started_at_iso") for c in view["calls"] if c.get("started_at_iso")), "")
    head = (f"run {view['run_id']}  started {first}  {t['calls']} call(s), {t['refused']} refused, "
            f"{t['prompt_tokens']}+{t['completion_tokens']} tokens, ${t['cost_usd']:.6f}  (times UTC)")
    return head + "\n" + table(SHOW_COLUMNS, show_rows(view))


def list_text(data: dict[str, Any]) -> str:
    runs = data["runs"]
    if not runs:
        return f"no runs since {data['since_iso']}" + (f" for agent {data['agent']}" if data["agent"] else "")
    rows = [[r["last_at_iso"], r["run_id"], r["agent_id"] or "-", str(r["calls"]), str(r["refused"]), _tokens(r),
             f"${r['cost_usd']:.6f}"] for r in runs]
    return table(LIST_COLUMNS, rows)


def _show(args: argparse.Namespace) -> int:
    params = {"agent": args.agent} if args.agent else None
    view = admin_client.request(args, "GET", f"/admin/runs/{args.run}", params=params)
    print(json.dumps(view, indent=2) if args.json else show_text(view))
    return 0


def _list(args: argparse.Namespace) -> int:
    params = {"since": args.since, "limit": str(args.limit), **({"agent": args.agent} if args.agent else {})}
    data = admin_client.request(args, "GET", "/admin/runs", params=params)
    print(json.dumps(data, indent=2) if args.json else list_text(data))
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("runs", help="run traces on a running gateway: one run's decisions, recent runs")
    p.add_argument("--url", help="admin plane URL (default: from WARDGATE_ADMIN_HOST/PORT)")
    p.add_argument("--token", help="admin token (default: WARDGATE_ADMIN_TOKEN)")
    rsub = p.add_subparsers(dest="runs_command", required=True)
    sh = rsub.add_parser("show", help="every call of a run with each check's verdict, model, tokens and cost")
    sh.add_argument("run"), sh.add_argument("--json", action="store_true")
    sh.add_argument("--agent", help="the agent whose run it is, when several agents sent the same run id")
    sh.set_defaults(func=_show)
    ls = rsub.add_parser("list", help="runs active recently, most recent first")
    ls.add_argument("--agent"), ls.add_argument("--since", default="1h", help="90s, 30m, 1h (default), 2d, or a time")
    ls.add_argument("--limit", type=int, default=50), ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=_list)
