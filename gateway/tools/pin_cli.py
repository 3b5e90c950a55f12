"""`wardgate tools pin`: compare an upstream MCP server's tools with the registry's pins and print new pins."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

import yaml

from gateway import settings as settings_mod
from gateway.config.loader import validate_document
from gateway.config.yamlsource import RuleError, parse
from gateway.tools.canonical import definition_hash
from gateway.tools.registry_file import McpServerRule, ToolRegistryFile


@dataclass(frozen=True, slots=True)
class PinStatus:
    tool: str
    status: str  # unchanged | changed | new | gone
    pin: Mapping[str, Any] | None


def compare(server: McpServerRule, upstream: list[dict[str, Any]]) -> list[PinStatus]:
    """Pure: each imported upstream tool against its pin; pins whose tool disappeared are `gone`."""
    wanted = [t for t in upstream if any(fnmatchcase(t["name"], imp.match) for imp in server.imports)]
    out = []
    for t in sorted(wanted, key=lambda t: t["name"]):
        digest = definition_hash(t["description"], t["input_schema"], t.get("output_schema"))
        pin: dict[str, Any] = {"description": t["description"], "input_schema": t["input_schema"]}
        if t.get("output_schema"):
            pin["output_schema"] = t["output_schema"]
        pin["sha256"] = digest
        old = server.pinned.get(t["name"])
        status = "new" if old is None else "unchanged" if old.sha256 == digest else "changed"
        out.append(PinStatus(t["name"], status, pin))
    names = {t["name"] for t in wanted}
    out += [PinStatus(n, "gone", None) for n in sorted(server.pinned) if n not in names]
    return out


def _servers(tools_dir: Path, env: Mapping[str, str]) -> dict[str, tuple[str, McpServerRule]]:
    errors: list[RuleError] = []
    found: dict[str, tuple[str, McpServerRule]] = {}
    for path in sorted(tools_dir.glob("*.y*ml")):
        doc = parse(f"{tools_dir.name}/{path.name}", path.read_text(encoding="utf-8"), env, errors)
        model = validate_document(doc, ToolRegistryFile, errors) if doc is not None else None
        if isinstance(model, ToolRegistryFile):
            found.update({sid: (doc.file, srv) for sid, srv in model.mcp_servers.items()} if doc else {})
    if errors:
        raise SystemExit("\n".join(str(e) for e in errors))
    return found


def _run(args: argparse.Namespace) -> int:
    from gateway.upstream.tools import fetch_definitions

    env = settings_mod.from_environ()
    tools_dir = Path(args.tools) if args.tools else env.tools_dir
    if tools_dir is None or not tools_dir.is_dir():
        print(f"wardgate: tool registry directory {tools_dir} does not exist", file=sys.stderr)
        return 2
    servers = _servers(tools_dir, env.environ)
    chosen = {k: v for k, v in servers.items() if args.server in (None, k)}
    if not chosen:
        print(f"no MCP server {args.server!r} in {tools_dir}" if args.server else f"no MCP servers in {tools_dir}",
              file=sys.stderr)
        return 2
    drift = False
    for sid, (file, server) in chosen.items():
        upstream = asyncio.run(fetch_definitions(server.url, server.headers, server.timeout_s))
        statuses = compare(server, upstream)
        print(f"# {sid} ({file}, {server.url})")
        for s in statuses:
            print(f"#   {s.tool}: {s.status}")
        drift = drift or any(s.status != "unchanged" for s in statuses)
        pinned = {s.tool: s.pin for s in statuses if s.pin is not None}
        print("# review the descriptions and schemas, then replace the server's `pinned:` block with:")
        print(yaml.safe_dump({"pinned": pinned}, sort_keys=False, allow_unicode=True))
    return 1 if drift else 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    tools = subparsers.add_parser("tools", help="the tool registry")
    sub = tools.add_subparsers(dest="tools_command", required=True)
    pin = sub.add_parser("pin", help="compare an MCP server's tools with their pins; print the pins to paste "
                         "(exit 1 when anything changed)")
    pin.add_argument("--server", help="the id under mcp_servers (default: every server)")
    pin.add_argument("--tools", help="tool registry directory (default: WARDGATE_TOOLS_DIR or ./tool_registry)")
    pin.set_defaults(func=_run)
