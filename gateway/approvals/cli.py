"""`wardgate approvals list | show ID | approve ID --reason … | deny ID --reason …` against a running gateway."""

from __future__ import annotations

import argparse
import json
import time
from typing import Any

from gateway import admin_client


def _request(args: argparse.Namespace, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
    # An approver token identifies who decides; the admin token can only read.
    return admin_client.request(args, method, path, body, token_env="WARDGATE_APPROVER_TOKEN")


def _age(ts: float) -> str:
    s = max(0, int(time.time() - ts))
    return f"{s}s" if s < 60 else f"{s // 60}m" if s < 3600 else f"{s // 3600}h"


def _list(args: argparse.Namespace) -> int:
    params = "&".join(f"{k}={v}" for k, v in (("status", args.status), ("tier", args.tier), ("agent", args.agent),
                                                ("tool", args.tool)) if v)
    data = _request(args, "GET", "/admin/approvals" + (f"?{params}" if params else ""))
    if args.json:
        print(json.dumps(data["approvals"], indent=2))
        return 0
    if not data["approvals"]:
        print("no approvals")
    for a in data["approvals"]:
        print(f"{a['id']}  {a['status']:<8} {a['tier']:<8} {a['agent_id']} → {a['tool']}  ({_age(a['created_at'])} ago)"
              + (f"  {a['approvals']}/{a['approvals_needed']} approvals" if a["approvals_needed"] > 1 else ""))
    return 0


def _show(args: argparse.Namespace) -> int:
    a = _request(args, "GET", f"/admin/approvals/{args.id}")
    if args.json:
        print(json.dumps(a, indent=2))
        return 0
    print(f"{a['id']}  [{a['tier']}] {a['status']}")
    print(f"what:      {a['what']}")
    why = "; ".join(a["why"]["reasons"]) + (f" (rule: {', '.join(a['why']['raised_by'])})" if a["why"]["raised_by"]
                                           else "")
    print(f"why:       {why}")
    print(f"impact:    {a['impact'] or '-'}")
    print("arguments:", json.dumps(a["arguments"], indent=2))
    for o in a["options"]:
        print(f"{o['decision']:>9}: {o['effect']}")
    for v in a["votes"]:
        print(f"  {v['approver']} {v['decision']}d: {v['reason']}")
    calls = (a.get("run") or {}).get("calls", [])
    if calls:
        print(f"run {a['run_id']} so far:")
        for c in calls:
            print(f"  {c.get('target') or c.get('call_id')} → {c.get('outcome')}" +
                  (f" ({c['reason']})" if c.get("reason") else ""))
    return 0


def _decide(choice: str) -> Any:
    def run(args: argparse.Namespace) -> int:
        a = _request(args, "POST", f"/admin/approvals/{args.id}/{choice}", {"reason": args.reason})
        print(f"{a['id']}: {a['status']}" + (f" ({a['approvals']}/{a['approvals_needed']} approvals)"
                                              if a["status"] == "pending" else ""))
        return 0
    return run


def register(sub: Any) -> None:
    p = sub.add_parser("approvals", help="list, inspect and decide pending approvals on a running gateway")
    p.add_argument("--url", help="admin plane URL (default: from WARDGATE_ADMIN_HOST/PORT)")
    p.add_argument("--token", help="approver token (default: WARDGATE_APPROVER_TOKEN, else the admin token)")
    asub = p.add_subparsers(dest="approvals_command", required=True)
    ls = asub.add_parser("list", help="approvals, newest first")
    ls.add_argument("--status", default="pending", help="pending (default), approved, denied, expired, used, or ''")
    ls.add_argument("--tier"), ls.add_argument("--agent"), ls.add_argument("--tool")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=_list)
    sh = asub.add_parser("show", help="one approval with its full context")
    sh.add_argument("id"), sh.add_argument("--json", action="store_true")
    sh.set_defaults(func=_show)
    for choice in ("approve", "deny"):
        d = asub.add_parser(choice, help=f"{choice} an approval (reason recorded; a deny reason reaches the agent)")
        d.add_argument("id"), d.add_argument("--reason", required=True)
        d.set_defaults(func=_decide(choice))


