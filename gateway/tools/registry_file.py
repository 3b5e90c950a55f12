"""`tool_registry/*.yaml`: registered tools (HTTP or a pinned tool of an upstream MCP server)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

from pydantic import Field, model_validator

from gateway.config.base import RuleModel

# Namespaced names (`tickets.create`); `__` is reserved for the OpenAI function-name form (`tickets__create`).
TOOL_NAME = r"^(?!.*__)[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9][A-Za-z0-9_-]*)*$"


class Risk(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class HttpUpstream(RuleModel):
    url: str = Field(description="The tool's endpoint; the arguments are sent as the JSON body (query for GET)")
    method: Literal["GET", "POST", "PUT", "PATCH", "DELETE"] = "POST"
    headers: dict[str, str] = Field(default_factory=dict, description="Sent upstream; secrets as `${ENV_VAR}`")


class McpToolRef(RuleModel):
    server: str = Field(description="An id under `mcp_servers`")
    tool: str = Field(description="The tool's name on that server; must be pinned there")


class ToolUpstream(RuleModel):
    http: HttpUpstream | None = None
    mcp: McpToolRef | None = None

    @model_validator(mode="after")
    def _one_of(self) -> ToolUpstream:
        if (self.http is None) == (self.mcp is None):
            raise ValueError("give exactly one of `http` or `mcp`")
        return self


class Operations(RuleModel):
    """How the gateway treats calls of a tool: shared by registered and imported tools."""

    risk: Risk = Risk.LOW
    impact: str = Field("", description="One line for approvers: what happens if this call is executed")
    timeout_s: float = Field(10.0, gt=0)
    retries: int = Field(0, ge=0, le=10, description="Retries on transient upstream errors (idempotent tools only)")
    rate_limit: str | None = Field(None, description="e.g. `60/minute`; enforced by the rate-limit check")
    idempotent: bool = False
    loop_limit: int = Field(5, ge=1, description="Same tool + same arguments more often than this in a run: refused")


class ToolRule(Operations):
    description: str = Field(min_length=1)
    input_schema: dict[str, Any] = Field(default_factory=lambda: {"type": "object"})
    output_schema: dict[str, Any] | None = Field(None, description="Results that do not match are refused")
    upstream: ToolUpstream


class PinnedTool(RuleModel):
    """An upstream MCP tool's definition as approved; written by `wardgate tools pin`."""

    description: str = ""
    input_schema: dict[str, Any] = Field(default_factory=lambda: {"type": "object"})
    output_schema: dict[str, Any] | None = None
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class McpImport(Operations):
    match: str = Field(description="Upstream tool name or glob; only pinned tools are imported")
    prefix: str = Field("", description="Prepended to the upstream name, e.g. `docs.`")


class McpServerRule(RuleModel):
    url: str = Field(description="Streamable-HTTP endpoint of the upstream MCP server")
    headers: dict[str, str] = Field(default_factory=dict)
    timeout_s: float = Field(10.0, gt=0)
    imports: tuple[McpImport, ...] = ()
    pinned: dict[str, PinnedTool] = Field(default_factory=dict)


class ToolRegistryFile(RuleModel):
    tools: dict[str, ToolRule] = Field(default_factory=dict)
    mcp_servers: dict[str, McpServerRule] = Field(default_factory=dict)
