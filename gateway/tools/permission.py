"""The tool permission decision: a pure function of the rules, the caller and the call."""

from __future__ import annotations

from collections.abc import Mapping
from fnmatch import fnmatchcase
from typing import Any

from jsonschema.exceptions import ValidationError, best_match
from jsonschema.protocols import Validator

from gateway.config.agents_file import AgentRule, allowed
from gateway.errors import Reason
from gateway.model import Verdict
from gateway.tools.registry import Tool, ToolRegistry


def explain(error: ValidationError) -> dict[str, Any]:
    """Where the arguments failed and what was expected there, in words an LLM can act on."""
    expected = f"{error.validator}: {error.validator_value!r}" if error.validator else ""
    return {"path": error.json_path, "expected": expected, "message": error.message}


def first_error(validator: Validator, value: Any) -> ValidationError | None:
    if validator.is_valid(value):  # the common case, without building error objects
        return None
    error: ValidationError | None = best_match(validator.iter_errors(value))
    return error


def user_allows(user_tools: tuple[str, ...] | None, tool: str) -> bool:
    """No user token: no user restriction. A token grants only the tools its claim names (globs)."""
    return user_tools is None or any(fnmatchcase(tool, g) for g in user_tools)


def tool_permission(
    agent_id: str,
    agent: AgentRule | None,
    user_tools: tuple[str, ...] | None,
    name: str,
    args: Mapping[str, Any],
    registry: ToolRegistry,
) -> Verdict:
    """Deny by default: registered, allowed to the agent, granted by the user (if any), arguments within bounds."""
    tool = registry.get(name)
    if tool is None:
        return Verdict.deny(Reason.TOOL_UNKNOWN, f"No tool '{name}' is registered. GET /v1/tools lists the tools "
                            "this agent may call.", {"tool": name})
    if agent is None or not allowed(agent.tools, tool.name):
        return Verdict.deny(Reason.TOOL_NOT_ALLOWED, f"Agent '{agent_id}' may not call tool '{tool.name}'.",
                            {"tool": tool.name})
    if not user_allows(user_tools, tool.name):
        return Verdict.deny(Reason.TOOL_NOT_ALLOWED, f"The user this agent acts for may not use tool '{tool.name}'.",
                            {"tool": tool.name, "by": "user"})
    return constraint_verdict(agent_id, tool, args, registry)


def constraint_verdict(agent_id: str, tool: Tool, args: Mapping[str, Any], registry: ToolRegistry) -> Verdict:
    # Arguments the tool itself rejects are the schema check's to refuse (`args-invalid` is the actionable answer).
    matching = list(registry.constraints_for(agent_id, tool.name))
    if matching and not tool.input_validator.is_valid(args):
        return Verdict.proceed(detail={"tool": tool.name, "constraints": "deferred to schema"})
    for constraint in matching:
        error = first_error(constraint.validator, args)
        if error is not None:
            why = explain(error)
            return Verdict.deny(
                Reason.TOOL_NOT_ALLOWED,
                f"Agent '{agent_id}' may not call '{tool.name}' with these arguments: at {why['path']}, "
                f"{why['message']}.", {"tool": tool.name, "constraint": constraint.glob, **why})
    return Verdict.proceed(detail={"tool": tool.name})


def schema_verdict(tool: Tool, args: Mapping[str, Any]) -> Verdict:
    """The arguments against the tool's own input schema (compiled at load)."""
    error = first_error(tool.input_validator, args)
    if error is None:
        return Verdict.proceed()
    why = explain(error)
    return Verdict.deny(Reason.ARGS_INVALID, f"Invalid arguments for '{tool.name}' at {why['path']}: "
                        f"{why['message']} (expected {why['expected']}).", {"tool": tool.name, **why})


def visible_tools(
    agent: AgentRule | None, user_tools: tuple[str, ...] | None, registry: ToolRegistry
) -> list[Tool]:
    """What GET /v1/tools and MCP tools/list show: the tools this agent (and user) may call."""
    if agent is None:
        return []
    return [t for t in registry.tools.values() if allowed(agent.tools, t.name) and user_allows(user_tools, t.name)]
