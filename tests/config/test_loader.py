"""Rule loading: every invalid file reports file, line and path; all errors come together."""

from __future__ import annotations

from pathlib import Path

import pytest

from gateway.config.loader import RulesInvalid
from gateway.config.ruleset import hash_key, load_rules

MODELS = """models:
  echo:
    provider: echo
  gpt:
    provider: openai
    base_url: http://127.0.0.1:9/v1
    api_key: ${KEY:-none}
"""
AGENTS = """agents:
  a1:
    keys:
      - value: ${AGENT_KEY}
    models:
      allow: [echo]
"""


def write(d: Path, **files: str) -> Path:
    d.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (d / f"{name}.yaml").write_text(text)
    return d


def errors_of(d: Path, env: dict[str, str] | None = None) -> list[str]:
    with pytest.raises(RulesInvalid) as exc:
        load_rules(d, None, env if env is not None else {"AGENT_KEY": "k"})
    return [str(e) for e in exc.value.errors]


def test_valid_rules_load_with_interpolation(tmp_path: Path) -> None:
    rules = load_rules(write(tmp_path, models=MODELS, agents=AGENTS), None, {"AGENT_KEY": "secret", "KEY": "sk"})
    assert rules.agent_for_key("secret") == "a1"
    assert rules.models["gpt"].api_key == "sk"
    assert rules.key_index == {hash_key("secret"): "a1"}
    assert len(rules.revision) == 12


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"models": "models:\n  m:\n    provider: nope\n"}, "rules/models.yaml:3: models.m.provider:"),
        ({"models": "models:\n  m:\n    provider: echo\n    colour: red\n"}, "rules/models.yaml:4: models.m.colour: Extra inputs"),
        ({"models": "models:\n  m:\n    provider: openai\n"}, "models.m.base_url: required for this provider"),
        ({"models": "models:\n  m:\n    provider: echo\n    timeout_s: -1\n"}, "rules/models.yaml:4: models.m.timeout_s:"),
        ({"models": "models:\n  m: [unclosed\n"}, "rules/models.yaml:3: <root>: YAML syntax error"),
        ({"models": "models:\n  m:\n    provider: echo\n    fallbacks: [ghost]\n"}, "models.m.fallbacks: unknown model 'ghost'"),
        ({"agents": "agents:\n  a1:\n    keys: []\n"}, "rules/agents.yaml:3: agents.a1.keys:"),
        ({"agents": "agents:\n  a1:\n    keys:\n      - sha256: xyz\n"}, "rules/agents.yaml:4: agents.a1.keys[0].sha256:"),
        ({"agents": "agents:\n  a1:\n    keys:\n      - value: ${MISSING}\n"}, "rules/agents.yaml:4: agents.a1.keys[0].value: environment variable MISSING is not set"),
        ({"agents": "agents:\n  a1:\n    keys:\n      - {value: x, sha256: " + "a" * 64 + "}\n"}, "rules/agents.yaml:4: agents.a1.keys[0]: Value error, give exactly one"),
        ({"extra": "x: 1\n"}, "rules/extra.yaml: <root>: unknown rule file"),
        ({"models": "models:\n  a: {provider: echo}\n  a: {provider: echo}\n"}, "rules/models.yaml:3: models.a: duplicate key"),
    ],
)
def test_each_invalid_file_reports_file_line_and_path(tmp_path: Path, files: dict[str, str], expected: str) -> None:
    d = write(tmp_path / "rules", **{"models": MODELS, "agents": AGENTS, **files})
    errs = errors_of(d)
    assert any(e.startswith(expected) or expected in e for e in errs), errs


def test_every_error_is_reported_together(tmp_path: Path) -> None:
    d = write(tmp_path / "rules", models="models:\n  m:\n    provider: nope\n  n:\n    provider: echo\n    x: 1\n",
              agents="agents:\n  a1:\n    keys: []\n")
    errs = errors_of(d)
    assert len(errs) == 3, errs


def test_missing_required_file(tmp_path: Path) -> None:
    assert errors_of(write(tmp_path / "rules", models=MODELS)) == ["rules/agents.yaml: <root>: required rule file is missing"]


def test_same_key_for_two_agents_is_refused(tmp_path: Path) -> None:
    agents = "agents:\n  a1:\n    keys: [{value: k}]\n  a2:\n    keys: [{value: k}]\n"
    assert any("key already belongs to a1" in e for e in errors_of(write(tmp_path / "rules", models=MODELS, agents=agents)))


def test_empty_key_variable_is_a_warning_not_an_error(tmp_path: Path) -> None:
    agents = "agents:\n  a1:\n    keys: [{value: '${K:-}'}]\n"
    rules = load_rules(write(tmp_path / "rules", models=MODELS, agents=agents), None, {})
    assert rules.key_index == {} and "no usable key" in rules.warnings[0]


def test_glob_models_resolve_after_exact_names(tmp_path: Path) -> None:
    models = MODELS + "  'claude-*':\n    provider: anthropic\n    base_url: http://x\n  claude-special:\n    provider: echo\n"
    rules = load_rules(write(tmp_path / "rules", models=models, agents=AGENTS), None, {"AGENT_KEY": "k"})
    route = rules.resolve_model("claude-3-haiku")
    assert route is not None and route.rule.provider == "anthropic" and route.upstream_model == "claude-3-haiku"
    special = rules.resolve_model("claude-special")
    assert special is not None and special.rule.provider == "echo"
    assert rules.resolve_model("claude") is None


def test_revision_changes_with_content_and_environment(tmp_path: Path) -> None:
    d = write(tmp_path / "rules", models=MODELS, agents=AGENTS)
    r1 = load_rules(d, None, {"AGENT_KEY": "k"}).revision
    assert load_rules(d, None, {"AGENT_KEY": "k"}).revision == r1
    assert load_rules(d, None, {"AGENT_KEY": "k2"}).revision != r1
