"""The guard checks: input (user content and tool results sent to the LLM), output, and tool results."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from gateway.config.ruleset import RuleSet
from gateway.detectors.redact import redact
from gateway.errors import Reason
from gateway.guards.decide import GuardDecision, decide
from gateway.guards.engine import GuardEngine
from gateway.guards.texts import Path_, Text, leaf_texts, request_texts, response_texts, system_references, write_back
from gateway.model import Call, Verdict

BLOCKED = "The content was blocked by the gateway's guards. Remove or rephrase the flagged content and retry."


def refusal(decision: GuardDecision) -> Verdict | None:
    """Pure: deny when a fail-closed guard crashed or an enforcing block guard matched; else None."""
    if decision.failed:
        names = ", ".join(g for g, _ in decision.failed)
        message = f"Guard(s) {names} failed and are configured to fail closed."
        return Verdict.deny(Reason.CHECK_FAILED, message, decision.detail())
    if decision.block is not None:
        return Verdict.deny(Reason.CONTENT_BLOCKED, BLOCKED, decision.detail())
    return None


class _Guarded:
    configurable = True

    def __init__(self, engine: GuardEngine) -> None:
        self.engine = engine

    async def _run(
        self, rules: RuleSet, run_key: str, texts: Sequence[Text], refs: tuple[str, ...] = ()
    ) -> tuple[Verdict | None, GuardDecision, dict[Path_, str]]:
        assert rules.guards is not None
        decision = decide(await self.engine.scan(rules.guards, rules.revision, texts, refs))
        refused = refusal(decision)
        if refused is not None or not decision.redact:
            return refused, decision, {}
        state = self.engine.placeholders(run_key)
        by_path = {t.path: t.text for t in texts}
        return None, decision, {p: redact(by_path[p], fs, state) for p, fs in decision.redact.items()}


class InputGuards(_Guarded):
    name = "input_guards"

    def applies(self, call: Call, rules: RuleSet) -> bool:
        return rules.guards is not None and call.api.is_llm

    async def on_request(self, call: Call, rules: RuleSet) -> Verdict:
        refused, decision, new = await self._run(rules, call.run_key, request_texts(call.api, call.payload))
        if refused is not None:
            return refused
        rewritten = call.with_payload(write_back(call.payload, new)) if new else None
        return Verdict.proceed(call=rewritten, detail=decision.detail())


class _ResponseGuards(_Guarded):
    def texts(self, call: Call, body: Mapping[str, Any]) -> list[Text]:
        raise NotImplementedError

    def references(self, call: Call) -> tuple[str, ...]:
        return ()

    async def on_response(self, call: Call, rules: RuleSet, body: Mapping[str, Any]) -> Verdict:
        refused, decision, new = await self._run(rules, call.run_key, self.texts(call, body), self.references(call))
        if refused is not None:
            return refused
        return Verdict.proceed(response=write_back(body, new) if new else None, detail=decision.detail())


class OutputGuards(_ResponseGuards):
    name = "output_guards"

    def applies(self, call: Call, rules: RuleSet) -> bool:
        return rules.guards is not None and call.api.is_llm

    def texts(self, call: Call, body: Mapping[str, Any]) -> list[Text]:
        return response_texts(call.api, body)

    def references(self, call: Call) -> tuple[str, ...]:
        return system_references(call.api, call.payload)


class ToolResultGuards(_ResponseGuards):
    """A tool's result is untrusted content (indirect injection, PII) and is scanned before it returns."""

    name = "tool_result_guards"

    def applies(self, call: Call, rules: RuleSet) -> bool:
        return rules.guards is not None and call.api.is_tool

    def texts(self, call: Call, body: Mapping[str, Any]) -> list[Text]:
        return leaf_texts(dict(body))
