"""The committed JSON Schemas in rules/schema/ match the models that validate the files."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml

from gateway.config.schemas import rendered

ROOT = Path(__file__).resolve().parents[2]


def test_committed_schemas_are_fresh() -> None:
    for name, text in rendered().items():
        committed = ROOT / "rules" / "schema" / name
        assert committed.exists(), f"{committed} missing: run `wardgate schema`"
        assert committed.read_text() == text, f"{committed} is stale: run `wardgate schema`"


def test_shipped_rule_files_satisfy_their_schemas() -> None:
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        if path.name.endswith(".cases.yaml"):
            continue
        schema = json.loads((ROOT / "rules" / "schema" / f"{path.stem}.schema.json").read_text())
        jsonschema.validate(yaml.safe_load(path.read_text()), schema)
