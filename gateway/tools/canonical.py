"""Canonical JSON and the hashes built on it (arguments fingerprints, MCP definition pins)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def args_hash(args: Mapping[str, Any]) -> str:
    """The fingerprint of a call's arguments: key order and whitespace do not matter."""
    return hashlib.sha256(canonical_json(args).encode()).hexdigest()


def definition_hash(description: str, input_schema: Mapping[str, Any], output_schema: Mapping[str, Any] | None) -> str:
    """The pin of an upstream MCP tool: what the model reads (description) and what it sends (schemas)."""
    doc = {"description": description, "input_schema": input_schema, "output_schema": output_schema}
    return hashlib.sha256(canonical_json(doc).encode()).hexdigest()
