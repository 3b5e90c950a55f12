"""The `wardgate` command: serve, check-rules, keys, schema (and subcommands later issues add)."""

from __future__ import annotations

import argparse
import secrets
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gateway import settings as settings_mod
from gateway.config.loader import RulesInvalid
from gateway.config.ruleset import hash_key, load_rules
from gateway.config.schemas import write_schemas


def _serve(args: argparse.Namespace) -> int:
    from gateway.serve import run

    s = settings_mod.from_environ().with_overrides(
        host=args.host, port=args.port, admin_host=args.admin_host, admin_port=args.admin_port,
        rules_dir=Path(args.rules) if args.rules else None, tools_dir=Path(args.tools) if args.tools else None,
        state_dir=Path(args.state) if args.state else None,
    )
    try:
        run(s)
    except RulesInvalid as exc:
        print(f"wardgate: the rules are invalid:\n{exc}", file=sys.stderr)
        return 1
    return 0


def _check_rules(args: argparse.Namespace) -> int:
    env = settings_mod.from_environ()
    rules_dir = Path(args.dir) if args.dir else env.rules_dir
    tools_dir = Path(args.tools) if args.tools else env.tools_dir
    try:
        rules = load_rules(rules_dir, tools_dir, env.environ)
    except RulesInvalid as exc:
        for err in exc.errors:
            print(err, file=sys.stderr)
        print(f"{len(exc.errors)} error(s)", file=sys.stderr)
        return 1
    for w in rules.warnings:
        print(f"warning: {w}", file=sys.stderr)
    print(f"ok: revision {rules.revision}, {len(rules.files)} file(s)")
    return 0


def _keys_new(args: argparse.Namespace) -> int:
    key = "wg-" + secrets.token_urlsafe(32)
    print(f"key for agent {args.agent} (give it to the agent; it is not stored anywhere):\n  {key}\n")
    print(f"paste under agents.{args.agent}.keys in agents.yaml:\n  - sha256: {hash_key(key)}")
    return 0


def _schema(args: argparse.Namespace) -> int:
    for path in write_schemas(Path(args.out)):
        print(f"wrote {path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="wardgate", description="Guardrail and tool-gateway proxy for AI agents")
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("serve", help="run the gateway (data plane and admin plane)")
    s.add_argument("--host"), s.add_argument("--port", type=int)
    s.add_argument("--admin-host"), s.add_argument("--admin-port", type=int)
    s.add_argument("--rules"), s.add_argument("--tools"), s.add_argument("--state")
    s.set_defaults(func=_serve)
    c = sub.add_parser("check-rules", help="validate a rules directory; report every error")
    c.add_argument("dir", nargs="?"), c.add_argument("--tools")
    c.set_defaults(func=_check_rules)
    k = sub.add_parser("keys", help="agent keys")
    ksub = k.add_subparsers(dest="keys_command", required=True)
    kn = ksub.add_parser("new", help="print a fresh agent key and the hash line to paste")
    kn.add_argument("--agent", required=True)
    kn.set_defaults(func=_keys_new)
    sc = sub.add_parser("schema", help="write the JSON Schemas of the rule files")
    sc.add_argument("--out", default="rules/schema")
    sc.set_defaults(func=_schema)
    for register in _extensions():
        register(sub)
    return p


def _extensions() -> list[Callable[[Any], None]]:
    """Subcommands owned by other packages (eval, approvals, ...)."""
    found: list[Callable[[Any], None]] = []
    try:
        from gateway.evaluation.cli import register as eval_register

        found.append(eval_register)
    except ImportError:
        pass
    from gateway.approvals.cli import register as approvals_register
    from gateway.tools.pin_cli import register as tools_register
    from gateway.trace.cli import register as runs_register

    found.extend([approvals_register, tools_register, runs_register])
    return found


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
