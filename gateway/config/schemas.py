"""JSON Schemas of the rule files, generated from the models that validate them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from gateway.config.files import FILE_KINDS


def schema_of(kind: str) -> dict[str, Any]:
    schema = FILE_KINDS[kind].model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"Wardgate {kind}.yaml"
    return schema


def tool_registry_schema() -> dict[str, Any]:
    from gateway.tools.registry_file import ToolRegistryFile

    schema = ToolRegistryFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Wardgate tool_registry/*.yaml"
    return schema


def rendered() -> dict[str, str]:
    out = {f"{kind}.schema.json": json.dumps(schema_of(kind), indent=2, sort_keys=True) + "\n" for kind in FILE_KINDS}
    out["tool.schema.json"] = json.dumps(tool_registry_schema(), indent=2, sort_keys=True) + "\n"
    return out


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in rendered().items():
        (out / name).write_text(text)
        written.append(out / name)
    return written
