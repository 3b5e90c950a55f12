"""The compiled tool registry: tools with their validators built once, and per-agent argument constraints."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from typing import Any

from jsonschema.exceptions import SchemaError
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for

from gateway.config.agents_file import AgentsFile
from gateway.config.loader import validate_document
from gateway.config.yamlsource import Document, Path_, RuleError, dotted
from gateway.tools.canonical import definition_hash
from gateway.tools.registry_file import TOOL_NAME, McpServerRule, Operations, ToolRegistryFile


def compile_schema(schema: Mapping[str, Any]) -> Validator:
    """One validator per schema, built at load (never `jsonschema.validate()` per call)."""
    cls = validator_for(schema)
    cls.check_schema(dict(schema))
    validator: Validator = cls(dict(schema), format_checker=cls.FORMAT_CHECKER)
    return validator


@dataclass(frozen=True, slots=True)
class HttpTarget:
    url: str
    method: str
    headers: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class McpTarget:
    server: str
    url: str
    headers: Mapping[str, str]
    tool: str
    pin: str
    timeout_s: float


@dataclass(frozen=True, slots=True)
class Tool:
    name: str
    description: str
    input_schema: Mapping[str, Any]
    output_schema: Mapping[str, Any] | None
    ops: Operations
    target: HttpTarget | McpTarget
    input_validator: Validator = field(repr=False, compare=False)
    output_validator: Validator | None = field(repr=False, compare=False)
    source: str = ""

    @property
    def function_name(self) -> str:
        """The name in OpenAI function format (no dots allowed there)."""
        return function_name(self.name)

    def openai_function(self) -> dict[str, Any]:
        return {"type": "function", "function": {
            "name": self.function_name, "description": self.description, "parameters": dict(self.input_schema)}}


def function_name(tool: str) -> str:
    return tool.replace(".", "__")


@dataclass(frozen=True, slots=True)
class ArgConstraint:
    """An agent's constraint on the arguments of the tools matching `glob` (ANDed with the tool's schema)."""

    glob: str
    schema: Mapping[str, Any]
    validator: Validator = field(repr=False, compare=False)


@dataclass(frozen=True, slots=True)
class ToolRegistry:
    tools: Mapping[str, Tool] = field(default_factory=dict)
    constraints: Mapping[str, tuple[ArgConstraint, ...]] = field(default_factory=dict)
    servers: Mapping[str, McpServerRule] = field(default_factory=dict)
    _by_function: Mapping[str, str] = field(default_factory=dict, repr=False)

    def get(self, name: str) -> Tool | None:
        """A tool by its registry name or its OpenAI function name."""
        tool = self.tools.get(name)
        if tool is None and name in self._by_function:
            tool = self.tools.get(self._by_function[name])
        return tool

    def canonical(self, name: str) -> str:
        return self._by_function.get(name, name)

    def constraints_for(self, agent_id: str, tool: str) -> Iterator[ArgConstraint]:
        return (c for c in self.constraints.get(agent_id, ()) if fnmatchcase(tool, c.glob))

    def __len__(self) -> int:
        return len(self.tools)


EMPTY_REGISTRY = ToolRegistry()


def constraint_schema(paths: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """`{"to.domain": {enum: [...]}}` → a nested object schema; a constrained argument must be present."""
    root: dict[str, Any] = {"type": "object"}
    for path, fragment in paths.items():
        node = root
        parts = path.split(".")
        for i, part in enumerate(parts):
            node.setdefault("properties", {})
            required = node.setdefault("required", [])
            if part not in required:
                required.append(part)
            if i == len(parts) - 1:
                existing = node["properties"].get(part)
                node["properties"][part] = {"allOf": [existing, dict(fragment)]} if existing else dict(fragment)
            else:
                node = node["properties"].setdefault(part, {"type": "object"})
    return root


def _schema_or_error(
    schema: Mapping[str, Any], file: str, line: int | None, path: str, errors: list[RuleError]
) -> Validator | None:
    try:
        return compile_schema(schema)
    except SchemaError as exc:
        errors.append(RuleError(file, line, path, f"not a valid JSON Schema: {exc.message}"))
        return None


def _line(doc: Document, path: Path_) -> int | None:
    return doc.line_of(path)


def _tool_names_ok(name: str, file: str, line: int | None, path: str, errors: list[RuleError]) -> bool:
    if re.match(TOOL_NAME, name) is None:
        errors.append(RuleError(file, line, path, "tool names are letters, digits, `_` and `-`, "
                                                  "namespaced with `.` (e.g. `tickets.create`); `__` is reserved"))
        return False
    return True


def compile_registry(docs: tuple[Document, ...], agents: AgentsFile, errors: list[RuleError]) -> ToolRegistry:
    """Validate every registry document and build the registry; problems go to `errors` with file and line."""
    tools: dict[str, Tool] = {}
    servers: dict[str, McpServerRule] = {}
    files: list[tuple[Document, ToolRegistryFile]] = []
    for doc in docs:
        model = validate_document(doc, ToolRegistryFile, errors)
        if isinstance(model, ToolRegistryFile):
            files.append((doc, model))
            for sid, server in model.mcp_servers.items():
                if sid in servers:
                    errors.append(RuleError(doc.file, _line(doc, ("mcp_servers", sid)), f"mcp_servers.{sid}",
                                            "server id is defined in another registry file too"))
                servers[sid] = server
                _check_pins(doc, sid, server, errors)

    def add(tool: Tool, doc: Document, path: Path_) -> None:
        if tool.name in tools:
            errors.append(RuleError(doc.file, _line(doc, path), dotted(path),
                                    f"tool {tool.name!r} is already registered in {tools[tool.name].source}"))
            return
        tools[tool.name] = tool

    for doc, model in files:
        for name, rule in model.tools.items():
            path: Path_ = ("tools", name)
            line = _line(doc, path)
            if not _tool_names_ok(name, doc.file, line, dotted(path), errors):
                continue
            iv = _schema_or_error(rule.input_schema, doc.file, _line(doc, (*path, "input_schema")),
                                  f"{dotted(path)}.input_schema", errors)
            ov = None if rule.output_schema is None else _schema_or_error(
                rule.output_schema, doc.file, _line(doc, (*path, "output_schema")),
                f"{dotted(path)}.output_schema", errors)
            target = _target(doc, path, rule.upstream.http, rule.upstream.mcp, servers, errors)
            if iv is None or target is None or (rule.output_schema is not None and ov is None):
                continue
            ops = Operations(**{k: getattr(rule, k) for k in Operations.model_fields})
            add(Tool(name, rule.description, rule.input_schema, rule.output_schema, ops, target, iv, ov, doc.file),
                doc, path)
        for sid, server in model.mcp_servers.items():
            for i, imp in enumerate(server.imports):
                ipath: Path_ = ("mcp_servers", sid, "imports", i)
                matched = [n for n in server.pinned if fnmatchcase(n, imp.match)]
                for upstream_name in matched:
                    pin = server.pinned[upstream_name]
                    name = imp.prefix + upstream_name
                    if not _tool_names_ok(name, doc.file, _line(doc, ipath), dotted(ipath), errors):
                        continue
                    iv = _schema_or_error(pin.input_schema, doc.file, _line(doc, ipath), dotted(ipath), errors)
                    ov = None if pin.output_schema is None else _schema_or_error(
                        pin.output_schema, doc.file, _line(doc, ipath), dotted(ipath), errors)
                    if iv is None:
                        continue
                    target = McpTarget(sid, server.url, server.headers, upstream_name, pin.sha256, server.timeout_s)
                    ops = Operations(**{k: getattr(imp, k) for k in Operations.model_fields})
                    add(Tool(name, pin.description, pin.input_schema, pin.output_schema, ops, target, iv, ov,
                             doc.file), doc, ipath)
    by_function = {function_name(n): n for n in tools}
    return ToolRegistry(tools, _constraints(agents, errors), servers, by_function)


def _check_pins(doc: Document, sid: str, server: McpServerRule, errors: list[RuleError]) -> None:
    for upstream_name, pin in server.pinned.items():
        actual = definition_hash(pin.description, pin.input_schema, pin.output_schema)
        if actual != pin.sha256:
            path: Path_ = ("mcp_servers", sid, "pinned", upstream_name, "sha256")
            errors.append(RuleError(doc.file, _line(doc, path), dotted(path),
                                    "does not match the pinned definition (edited by hand?); "
                                    "re-pin with `wardgate tools pin`"))


def _target(
    doc: Document, path: Path_, http: Any, mcp: Any, servers: Mapping[str, McpServerRule], errors: list[RuleError]
) -> HttpTarget | McpTarget | None:
    if http is not None:
        return HttpTarget(http.url, http.method, http.headers)
    server = servers.get(mcp.server)
    upath = (*path, "upstream", "mcp")
    if server is None:
        errors.append(RuleError(doc.file, _line(doc, upath), dotted(upath), f"unknown MCP server {mcp.server!r}"))
        return None
    pin = server.pinned.get(mcp.tool)
    if pin is None:
        errors.append(RuleError(doc.file, _line(doc, upath), dotted(upath),
                                f"tool {mcp.tool!r} is not pinned under mcp_servers.{mcp.server}.pinned; "
                                "run `wardgate tools pin` to approve its definition"))
        return None
    return McpTarget(mcp.server, server.url, server.headers, mcp.tool, pin.sha256, server.timeout_s)


def _constraints(agents: AgentsFile, errors: list[RuleError]) -> dict[str, tuple[ArgConstraint, ...]]:
    out: dict[str, tuple[ArgConstraint, ...]] = {}
    for agent_id, agent in agents.agents.items():
        compiled: list[ArgConstraint] = []
        for glob, paths in agent.tool_args.items():
            schema = constraint_schema(paths)
            v = _schema_or_error(schema, "agents.yaml", None, f"agents.{agent_id}.tool_args.{glob}", errors)
            if v is not None:
                compiled.append(ArgConstraint(glob, schema, v))
        if compiled:
            out[agent_id] = tuple(compiled)
    return out
