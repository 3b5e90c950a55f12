"""The compiled, frozen rules every call is decided against; swapped whole on reload."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path

from gateway.config.agents_file import AgentRule, AgentsFile
from gateway.config.approval_policy import EMPTY_POLICY, ApprovalPolicy, compile_policy, duplicate_tokens
from gateway.config.approvals_file import ApprovalsFile
from gateway.config.checks_file import CheckPolicy, ChecksFile
from gateway.config.loader import RulesInvalid, Sources, load_sources
from gateway.config.models_file import ModelRule, ModelsFile
from gateway.config.pattern_lint import unanchored_patterns
from gateway.config.yamlsource import RuleError
from gateway.detectors.config import GuardsConfig
from gateway.detectors.factory import DetectorSet, build_detectors
from gateway.tools.registry import EMPTY_REGISTRY, ToolRegistry, compile_registry


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class ModelRoute:
    """A resolved model: the name the agent asked for and the rule that answers it."""

    name: str
    rule: ModelRule

    @property
    def upstream_model(self) -> str:
        return self.rule.upstream_model or self.name


@dataclass(frozen=True, slots=True)
class RuleSet:
    revision: str
    files: tuple[str, ...]
    models: Mapping[str, ModelRule]
    model_globs: tuple[tuple[str, ModelRule], ...]
    agents: Mapping[str, AgentRule]
    key_index: Mapping[str, str]
    checks: Mapping[str, CheckPolicy]
    sources: Sources
    loaded_at: float = field(default_factory=time.time)
    warnings: tuple[str, ...] = ()
    # The compiled tool registry (tool_registry/*.yaml) and the agents' argument constraints.
    tools: ToolRegistry = EMPTY_REGISTRY
    # The compiled guard set (guards.yaml); None when the file is absent.
    guards: DetectorSet | None = None
    # The compiled approval policy (approvals.yaml); defaults when the file is absent.
    approvals: ApprovalPolicy = EMPTY_POLICY

    def resolve_model(self, name: str) -> ModelRoute | None:
        rule = self.models.get(name)
        if rule is not None:
            return ModelRoute(name, rule)
        for pattern, glob_rule in self.model_globs:
            if fnmatchcase(name, pattern):
                return ModelRoute(name, glob_rule)
        return None

    def agent_for_key(self, key: str) -> str | None:
        return self.key_index.get(hash_key(key))

    @property
    def repair_attempts(self) -> int:
        checks = self.sources.sections.get("checks")
        return checks.structured_output.repair_attempts if isinstance(checks, ChecksFile) else 1

    def policy(self, check: str) -> CheckPolicy:
        return self.checks.get(check, _DEFAULT_POLICY)


_DEFAULT_POLICY = CheckPolicy()


def _is_glob(name: str) -> bool:
    return any(c in name for c in "*?[")


def compile_rules(sources: Sources) -> RuleSet:
    models_file = sources.sections["models"]
    agents_file = sources.sections["agents"]
    assert isinstance(models_file, ModelsFile) and isinstance(agents_file, AgentsFile)
    checks_file = sources.sections.get("checks", ChecksFile())
    assert isinstance(checks_file, ChecksFile)
    errors: list[RuleError] = []
    warnings: list[str] = []
    key_index: dict[str, str] = {}
    for agent_id, agent in agents_file.agents.items():
        usable = 0
        for i, ref in enumerate(agent.keys):
            digest = ref.sha256 or (hash_key(ref.value) if ref.value else None)
            if digest is None:
                continue
            owner = key_index.setdefault(digest, agent_id)
            if owner != agent_id:
                errors.append(
                    RuleError("agents.yaml", None, f"agents.{agent_id}.keys[{i}]", f"key already belongs to {owner}")
                )
            usable += 1
        if usable == 0:
            warnings.append(f"agent {agent_id!r} has no usable key (its key variable is empty)")
    for name, rule in models_file.models.items():
        for fb in rule.fallbacks:
            if fb not in models_file.models:
                errors.append(RuleError("models.yaml", None, f"models.{name}.fallbacks", f"unknown model {fb!r}"))
        if rule.provider != "echo" and not rule.base_url:
            errors.append(RuleError("models.yaml", None, f"models.{name}.base_url", "required for this provider"))
    warnings.extend(unanchored_patterns(agents_file))
    tools = compile_registry(sources.tool_documents, agents_file, errors)
    approvals_section = sources.sections.get("approvals")
    approvals_file = approvals_section if isinstance(approvals_section, ApprovalsFile) else None
    for name, owner in duplicate_tokens(approvals_file) if approvals_file else ():
        errors.append(RuleError("approvals.yaml", None, f"approvers.{name}.token_sha256",
                                f"token already belongs to {owner}"))
    if errors:
        raise RulesInvalid(errors)
    guards_file = sources.sections.get("guards")
    guards = build_detectors(guards_file) if isinstance(guards_file, GuardsConfig) and guards_file.guards else None
    exact = {n: r for n, r in models_file.models.items() if not _is_glob(n)}
    globs = tuple((n, r) for n, r in models_file.models.items() if _is_glob(n))
    return RuleSet(
        revision=sources.revision,
        files=sources.files,
        models=exact,
        model_globs=globs,
        agents=dict(agents_file.agents),
        key_index=key_index,
        checks=dict(checks_file.checks),
        sources=sources,
        warnings=tuple(warnings),
        tools=tools,
        guards=guards,
        approvals=compile_policy(approvals_file),
    )


def load_rules(rules_dir: Path, tools_dir: Path | None, env: Mapping[str, str]) -> RuleSet:
    """Load, validate and compile; raises RulesInvalid with every error."""
    return compile_rules(load_sources(rules_dir, tools_dir, env))
