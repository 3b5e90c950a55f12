"""Tool calls a model proposes in a completion: find them, judge them, strip them (pure functions)."""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gateway.config.agents_file import AgentRule, allowed
from gateway.errors import Reason
from gateway.model import Action, Api, Verdict
from gateway.tools.permission import schema_verdict, tool_permission
from gateway.tools.registry import ToolRegistry


@dataclass(frozen=True, slots=True)
class Proposed:
    """One proposed call; `where` locates it in the body (choice/call index, output index, content index)."""

    where: tuple[int, ...]
    name: str
    arguments: Any  # a dict, or the raw string when it is not a JSON object


def parse_arguments(raw: Any) -> Any:
    if isinstance(raw, Mapping):
        return dict(raw)
    if isinstance(raw, str):
        try:
            value = json.loads(raw) if raw.strip() else {}
        except ValueError:
            return raw
        return value if isinstance(value, dict) else raw
    return raw


def extract(api: Api, body: Mapping[str, Any]) -> list[Proposed]:
    out: list[Proposed] = []
    if api is Api.CHAT:
        for ci, choice in enumerate(body.get("choices") or []):
            calls = ((choice or {}).get("message") or {}).get("tool_calls") or []
            for ti, tc in enumerate(calls):
                fn = (tc or {}).get("function") or {}
                out.append(Proposed((ci, ti), str(fn.get("name", "")), parse_arguments(fn.get("arguments"))))
    elif api is Api.RESPONSES:
        for oi, item in enumerate(body.get("output") or []):
            if (item or {}).get("type") == "function_call":
                out.append(Proposed((oi,), str(item.get("name", "")), parse_arguments(item.get("arguments"))))
    elif api is Api.MESSAGES:
        for bi, block in enumerate(body.get("content") or []):
            if (block or {}).get("type") == "tool_use":
                out.append(Proposed((bi,), str(block.get("name", "")), parse_arguments(block.get("input"))))
    return out


def judge(
    agent_id: str, agent: AgentRule | None, user_tools: tuple[str, ...] | None, name: str, arguments: Any,
    registry: ToolRegistry,
) -> Verdict:
    """Registered tools: the full permission (incl. argument constraints) and schema decision.
    Unregistered (agent-side) functions: only the agent's tool globs."""
    tool = registry.get(name)
    if not isinstance(arguments, dict):
        return Verdict.deny(Reason.ARGS_INVALID, f"The model proposed '{name}' with arguments that are not a JSON "
                            "object.", {"tool": name})
    if tool is None:
        if agent is not None and allowed(agent.tools, name):
            return Verdict.proceed()
        return Verdict.deny(Reason.TOOL_NOT_ALLOWED, f"The model proposed '{name}', which agent '{agent_id}' may "
                            "not call.", {"tool": name})
    verdict = tool_permission(agent_id, agent, user_tools, tool.name, arguments, registry)
    if verdict.action is not Action.CONTINUE:
        return verdict
    return schema_verdict(tool, arguments)


def strip(api: Api, body: Mapping[str, Any], drop: set[tuple[int, ...]]) -> dict[str, Any]:
    """A copy of `body` without the proposed calls at `drop`; an answer left with no calls ends normally."""
    out: dict[str, Any] = copy.deepcopy(dict(body))
    if api is Api.CHAT:
        for ci, choice in enumerate(out.get("choices") or []):
            msg = choice.get("message") or {}
            calls = msg.get("tool_calls") or []
            kept = [tc for ti, tc in enumerate(calls) if (ci, ti) not in drop]
            if len(kept) != len(calls):
                if kept:
                    msg["tool_calls"] = kept
                else:
                    msg.pop("tool_calls", None)
                    msg["content"] = msg.get("content") or ""
                    if choice.get("finish_reason") == "tool_calls":
                        choice["finish_reason"] = "stop"
    elif api is Api.RESPONSES:
        out["output"] = [item for oi, item in enumerate(out.get("output") or []) if (oi,) not in drop]
    elif api is Api.MESSAGES:
        out["content"] = [b for bi, b in enumerate(out.get("content") or []) if (bi,) not in drop]
        if out.get("stop_reason") == "tool_use" and not any(b.get("type") == "tool_use" for b in out["content"]):
            out["stop_reason"] = "end_turn"
    return out
