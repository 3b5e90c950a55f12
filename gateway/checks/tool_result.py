"""result_schema: a tool's result must match the tool's output schema before anyone sees it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gateway.config.ruleset import RuleSet
from gateway.errors import Reason
from gateway.model import Call, Verdict
from gateway.tools.permission import explain, first_error


class ResultSchema:
    name = "result_schema"
    configurable = True

    def applies(self, call: Call, rules: RuleSet) -> bool:
        tool = rules.tools.get(call.target) if call.api.is_tool else None
        return tool is not None and tool.output_validator is not None

    async def on_response(self, call: Call, rules: RuleSet, body: Mapping[str, Any]) -> Verdict:
        tool = rules.tools.get(call.target)
        assert tool is not None and tool.output_validator is not None
        error = first_error(tool.output_validator, body.get("result"))
        if error is None:
            return Verdict.proceed()
        why = explain(error)
        return Verdict.deny(Reason.OUTPUT_INVALID, f"Tool '{tool.name}' returned a result that does not match its "
                            f"output schema (at {why['path']}: {why['message']}); it was withheld.",
                            {"tool": tool.name, **why})
