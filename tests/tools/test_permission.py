"""The tool permission decision as a pure function: a table with near misses."""

from __future__ import annotations

from typing import Any

import pytest

from gateway.config.agents_file import AgentRule, AgentsFile, UserTokens
from gateway.config.yamlsource import Document, RuleError
from gateway.model import Action
from gateway.tools.permission import tool_permission
from gateway.tools.registry import ToolRegistry, compile_registry, constraint_schema
from gateway.tools.user_token import TokenRejected, verify

HTTP = {"http": {"url": "http://127.0.0.1:1/x"}}
OBJ = {"type": "object"}


def registry(tool_args: dict[str, Any] | None = None) -> ToolRegistry:
    names = ["files.read", "files.read_all", "files.write", "filesystem.read", "payments.refund", "mail.send"]
    doc = Document("tools.yaml", {"tools": {n: {"description": n, "input_schema": OBJ, "upstream": HTTP} for n in names}})
    agents = AgentsFile(agents={"a": AgentRule(keys=({"value": "k"},), tools={"allow": ["files.*", "payments.refund", "mail.*"], "deny": ["files.write", "*.read_all"]}, tool_args=tool_args or {})})  # type: ignore[arg-type]
    errors: list[RuleError] = []
    reg = compile_registry((doc,), agents, errors)
    assert not errors
    return reg


ARGS = {
    "payments.*": {"amount": {"maximum": 100}},
    "files.read": {"path": {"pattern": "^/srv/reports/"}},
    "mail.send": {"to.domain": {"enum": ["example.com"]}, "to.name": {"type": "string"}},
}

TABLE: list[tuple[str, dict[str, Any], tuple[str, ...] | None, str]] = [
    ("files.read", {"path": "/srv/reports/q1.pdf"}, None, "allow"),
    ("files.read", {"path": "/srv/reportsX/q1.pdf"}, None, "tool-not-allowed"),      # pattern near miss
    ("files.read", {"path": "/etc/passwd"}, None, "tool-not-allowed"),
    ("files.read", {}, None, "tool-not-allowed"),                                      # constrained ⇒ required
    ("filesystem.read", {}, None, "tool-not-allowed"),                                 # `files.*` does not match
    ("files.write", {}, None, "tool-not-allowed"),                                     # deny beats allow
    ("files.read_all", {}, None, "tool-not-allowed"),                                  # deny glob `*.read_all`
    ("files.readx", {}, None, "tool-unknown"),
    ("FILES.READ", {"path": "/srv/reports/a"}, None, "tool-unknown"),                   # case-sensitive names
    ("files__read", {"path": "/srv/reports/a"}, None, "allow"),                         # function-name form
    ("payments.refund", {"amount": 100}, None, "allow"),                               # boundary
    ("payments.refund", {"amount": 100.01}, None, "tool-not-allowed"),
    ("mail.send", {"to": {"domain": "example.com", "name": "Ann"}}, None, "allow"),
    ("mail.send", {"to": {"domain": "example.com.evil", "name": "Ann"}}, None, "tool-not-allowed"),  # nested path
    ("mail.send", {"to": {"domain": "example.com"}}, None, "tool-not-allowed"),        # nested required
    ("mail.send", {"to": "x@example.com"}, None, "tool-not-allowed"),                  # wrong shape at the parent
    ("files.read", {"path": "/srv/reports/a"}, ("files.*",), "allow"),                 # user grants it
    ("files.read", {"path": "/srv/reports/a"}, ("payments.*",), "tool-not-allowed"),   # user does not
    ("files.write", {}, ("*",), "tool-not-allowed"),                                   # user cannot widen the agent
    ("files.read", {"path": "/srv/reports/a"}, (), "tool-not-allowed"),                # empty grant
]


@pytest.mark.parametrize(("tool", "args", "user", "expect"), TABLE)
def test_permission_table(tool: str, args: dict[str, Any], user: tuple[str, ...] | None, expect: str) -> None:
    reg = registry(ARGS)
    agent = AgentRule(keys=({"value": "k"},), tools={"allow": ["files.*", "payments.refund", "mail.*"], "deny": ["files.write", "*.read_all"]})  # type: ignore[arg-type]
    v = tool_permission("a", agent, user, tool, args, reg)
    assert ("allow" if v.action is Action.CONTINUE else v.reason) == expect


def test_unknown_agent_is_denied() -> None:
    v = tool_permission("ghost", None, None, "files.read", {}, registry())
    assert v.reason == "tool-not-allowed"


def test_constraint_schema_nests_paths() -> None:
    assert constraint_schema({"to.domain": {"enum": ["a"]}}) == {
        "type": "object", "required": ["to"],
        "properties": {"to": {"type": "object", "required": ["domain"], "properties": {"domain": {"enum": ["a"]}}}}}


def test_bad_registry_reports_every_error_with_file_and_line() -> None:
    doc = Document("reg.yaml", {"tools": {"bad name": {"description": "x", "upstream": HTTP},
                                          "t.one": {"description": "x", "input_schema": {"type": "nope"}, "upstream": HTTP},
                                          "t.two": {"description": "x", "upstream": {"mcp": {"server": "none", "tool": "a"}}}}},
                   {("tools", "t.one", "input_schema"): 7})
    errors: list[RuleError] = []
    compile_registry((doc,), AgentsFile(agents={}), errors)
    text = "\n".join(map(str, errors))
    assert "tools.bad name" in text and "reg.yaml:7: tools.t.one.input_schema: not a valid JSON Schema" in text
    assert "unknown MCP server 'none'" in text


CFG = UserTokens(keys=("s3cret-s3cret-s3cret-s3cret-s3cret!",), leeway_s=10, max_lifetime_s=3600)


def token(claims: dict[str, Any], key: str = "s3cret-s3cret-s3cret-s3cret-s3cret!", alg: str = "HS256") -> str:
    import jwt
    return jwt.encode(claims, key, algorithm=alg)


@pytest.mark.parametrize(("claims", "now", "ok"), [
    ({"sub": "u", "exp": 1000, "iat": 900, "tools": ["a.*"]}, 950, True),
    ({"sub": "u", "exp": 1000, "iat": 900}, 1009, True),            # within leeway
    ({"sub": "u", "exp": 1000, "iat": 900}, 1011, False),           # expired beyond leeway
    ({"sub": "u", "iat": 900}, 950, False),                          # exp required
    ({"exp": 1000, "iat": 900}, 950, False),                         # sub required
    ({"sub": "u", "exp": 9000, "iat": 900}, 950, False),             # lives longer than max_lifetime_s
    ({"sub": "u", "exp": 1000, "iat": 900, "nbf": 980}, 950, False),  # not valid yet
    ({"sub": "u", "exp": 1000, "iat": 900, "tools": "x"}, 950, True),  # space-separated scope string
])
def test_user_token_times(claims: dict[str, Any], now: float, ok: bool) -> None:
    if ok:
        assert verify(token(claims), CFG, now).user_id == "u"
    else:
        with pytest.raises(TokenRejected):
            verify(token(claims), CFG, now)


def test_user_token_forged_and_alg_none() -> None:
    claims = {"sub": "u", "exp": 1000, "iat": 900}
    with pytest.raises(TokenRejected):
        verify(token(claims, key="another-key-another-key-another-key"), CFG, 950)
    with pytest.raises(TokenRejected):
        verify(token(claims, key="", alg="none"), CFG, 950)
