"""Metric label values: only names the rules configure, plus one `_unknown`; never text a caller made up."""

from __future__ import annotations

from gateway.config.ruleset import RuleSet

UNKNOWN = "_unknown"


def model_label(rules: RuleSet, name: str, authenticated: bool) -> str:
    """The configured model name; for a glob route, the glob itself (callers invent the rest of the name)."""
    if not authenticated or not name:
        return UNKNOWN
    if name in rules.models:
        return name
    route = rules.resolve_model(name)
    if route is None:
        return UNKNOWN
    return next((pattern for pattern, rule in rules.model_globs if rule is route.rule), UNKNOWN)


def tool_label(rules: RuleSet, name: str, authenticated: bool) -> str:
    if not authenticated or not name or rules.tools.get(name) is None:
        return UNKNOWN
    return name
