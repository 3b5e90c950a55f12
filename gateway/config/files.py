"""The rule-file kinds: file name → the model that validates it."""

from __future__ import annotations

from pydantic import BaseModel

from gateway.config.agents_file import AgentsFile
from gateway.config.approvals_file import ApprovalsFile
from gateway.config.checks_file import ChecksFile
from gateway.config.models_file import ModelsFile
from gateway.detectors.config import GuardsConfig

# One file per kind, named `<kind>.yaml` in the rules directory.
FILE_KINDS: dict[str, type[BaseModel]] = {
    "models": ModelsFile,
    "agents": AgentsFile,
    "checks": ChecksFile,
    "guards": GuardsConfig,
    "approvals": ApprovalsFile,
}
REQUIRED_KINDS = frozenset({"models", "agents"})
# Files that live beside the rules but are not rules.
IGNORED_SUFFIXES = (".cases.yaml", ".cases.yml")
