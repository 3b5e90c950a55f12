"""Read a rules directory (and the tool registry), validate every file, report every error together."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from gateway.config.files import FILE_KINDS, IGNORED_SUFFIXES, REQUIRED_KINDS
from gateway.config.yamlsource import Document, RuleError, dotted, parse


class RulesInvalid(Exception):
    """Every problem found in a rules directory, each with file, line and path."""

    def __init__(self, errors: list[RuleError]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


@dataclass(frozen=True, slots=True)
class Sources:
    """Validated rule files by kind, plus the raw tool-registry documents and the revision."""

    sections: Mapping[str, BaseModel]
    tool_documents: tuple[Document, ...]
    revision: str
    files: tuple[str, ...]


def validate_document(doc: Document, model: type[BaseModel], errors: list[RuleError]) -> BaseModel | None:
    """Validate one parsed document, mapping each pydantic error to its file, line and path."""
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            loc = tuple(p for p in err["loc"] if isinstance(p, (str, int)))
            # pydantic puts validator names (e.g. 'function-after[...]') in loc; drop what is not in the data.
            path = tuple(p for p in loc if not (isinstance(p, str) and "[" in p))
            errors.append(RuleError(doc.file, doc.line_of(path), dotted(path), err["msg"]))
        return None


def _yaml_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if p.suffix in {".yaml", ".yml"} and p.is_file())


def _read(path: Path, label: str, env: Mapping[str, str], errors: list[RuleError]) -> Document | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        errors.append(RuleError(label, None, "", f"cannot read: {exc}"))
        return None
    return parse(label, text, env, errors)


def load_sources(rules_dir: Path, tools_dir: Path | None, env: Mapping[str, str]) -> Sources:
    """Parse and validate everything; raise RulesInvalid listing every error found."""
    errors: list[RuleError] = []
    sections: dict[str, BaseModel] = {}
    digest_input: list[Any] = []
    files: list[str] = []
    if not rules_dir.is_dir():
        raise RulesInvalid([RuleError(str(rules_dir), None, "", "rules directory does not exist")])
    for path in _yaml_files(rules_dir):
        if path.name.endswith(IGNORED_SUFFIXES):
            continue
        label = f"{rules_dir.name}/{path.name}"
        kind = path.stem
        if kind not in FILE_KINDS:
            known = ", ".join(f"{k}.yaml" for k in FILE_KINDS)
            errors.append(RuleError(label, None, "", f"unknown rule file (known: {known})"))
            continue
        doc = _read(path, label, env, errors)
        if doc is None:
            continue
        files.append(label)
        digest_input.append([label, doc.data])
        section = validate_document(doc, FILE_KINDS[kind], errors)
        if section is not None:
            sections[kind] = section
    for kind in sorted(REQUIRED_KINDS - {Path(f).stem for f in files}):
        errors.append(RuleError(f"{rules_dir.name}/{kind}.yaml", None, "", "required rule file is missing"))
    tool_docs: list[Document] = []
    if tools_dir is not None and not tools_dir.is_dir():
        errors.append(RuleError(str(tools_dir), None, "", "tool registry directory does not exist"))
    elif tools_dir is not None:
        for path in _yaml_files(tools_dir):
            label = f"{tools_dir.name}/{path.name}"
            doc = _read(path, label, env, errors)
            if doc is not None:
                tool_docs.append(doc)
                files.append(label)
                digest_input.append([label, doc.data])
    if errors:
        raise RulesInvalid(errors)
    canonical = json.dumps(digest_input, sort_keys=True, separators=(",", ":"), default=str)
    revision = hashlib.sha256(canonical.encode()).hexdigest()[:12]
    return Sources(sections, tuple(tool_docs), revision, tuple(files))
