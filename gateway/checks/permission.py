"""permission: may this agent use this model? (Tools: see the tool permission check.)"""

from __future__ import annotations

from gateway.config.agents_file import allowed
from gateway.config.ruleset import RuleSet
from gateway.errors import Reason
from gateway.model import Call, Verdict


def model_permission(agent_id: str, model: str, rules: RuleSet) -> Verdict:
    """Pure decision over the agent's model allow/deny globs and the models the gateway knows."""
    agent = rules.agents.get(agent_id)
    if agent is None or not allowed(agent.models, model) or rules.resolve_model(model) is None:
        return Verdict.deny(
            Reason.MODEL_NOT_ALLOWED,
            f"Agent '{agent_id}' may not use model '{model}'. GET /v1/models lists the models it may use.",
            detail={"model": model},
        )
    return Verdict.proceed()


class ModelPermission:
    name = "permission"
    configurable = True

    def applies(self, call: Call, rules: RuleSet) -> bool:
        return call.api.is_llm

    async def on_request(self, call: Call, rules: RuleSet) -> Verdict:
        assert call.agent_id is not None, "authenticate runs first"
        return model_permission(call.agent_id, call.target, rules)
