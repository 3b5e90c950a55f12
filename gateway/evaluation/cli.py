"""`wardgate eval injection|pii FILE [--rules DIR] [--json]`: registered onto the main CLI's subparsers.

`eval injection --placement user|tool_result|both` scans every row in one placement (or in each, with
the share of rows whose verdict differs between the two); the default scans a row by its kind."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import yaml

from gateway.detectors.config import GuardConfig, GuardsConfig
from gateway.detectors.factory import build_detectors
from gateway.detectors.kinds import DetectorKind, PiiTier
from gateway.detectors.pii import NER_MODEL, MissingModelError
from gateway.evaluation.dataset import read_injection, read_pii
from gateway.evaluation.injection_report import (
    Placement,
    consistency_report,
    injection_predictor,
    injection_report,
    run_predictions,
)
from gateway.evaluation.pii_report import pii_predictor, pii_report, run_pii

SHIPPED_RULES = Path(__file__).resolve().parents[2] / "rules"


def load_guards(rules_dir: Path) -> GuardsConfig:
    raw = yaml.safe_load((rules_dir / "guards.yaml").read_text(encoding="utf-8")) or {}
    return GuardsConfig.model_validate(raw)


def _only(config: GuardsConfig, kind: DetectorKind, **changes: Any) -> GuardsConfig:
    """Keep the guards of one kind (the others do not affect this metric), with optional overrides."""
    guards: list[GuardConfig] = [g.model_copy(update=changes) for g in config.guards if g.detector is kind]
    return GuardsConfig(guards=tuple(GuardConfig.model_validate(g.model_dump()) for g in guards))


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("eval", help="measure detector quality on labelled JSONL")
    kinds = parser.add_subparsers(dest="eval_kind", required=True)
    for name, help_text in (("injection", "prompt-injection rows"), ("pii", "PII rows with spans")):
        sub = kinds.add_parser(name, help=help_text)
        sub.add_argument("file", type=Path)
        sub.add_argument("--rules", type=Path, default=SHIPPED_RULES, help="rules directory holding guards.yaml")
        sub.add_argument("--json", action="store_true", help="print one JSON object")
        if name == "injection":
            sub.add_argument("--no-classifier", action="store_true", help="rule families only")
            sub.add_argument(
                "--placement",
                type=Placement,
                choices=list(Placement),
                default=Placement.NATIVE,
                help="native: direct rows as user input, indirect as tool results (default); user / "
                "tool_result: every row there; both: every row in each, plus the verdict consistency",
            )
        else:
            sub.add_argument("--ner", action="store_true", help="add the spaCy NER tier (PERSON, LOCATION)")
            sub.add_argument("--ner-model", default=NER_MODEL, help="spaCy package for --ner (default: %(default)s)")
            sub.add_argument(
                "--rows",
                choices=("all", "errors"),
                help="also print each row (or only rows with a missed or extra span): gold, predicted, missed, extra",
            )
        sub.set_defaults(func=run_eval)


def run_eval(args: argparse.Namespace) -> int:
    config = load_guards(args.rules)
    report: dict[str, Any]
    if args.eval_kind == "injection":
        changes = {"classifier": False} if args.no_classifier else {}
        detectors = build_detectors(_only(config, DetectorKind.INJECTION, **changes))
        rows = read_injection(args.file)
        if args.placement is Placement.BOTH:
            placed = {}
            for placement in (Placement.USER, Placement.TOOL_RESULT):
                predictions, latency = run_predictions(rows, injection_predictor(detectors, placement))
                placed[placement.value] = (predictions, injection_report(rows, predictions, latency))
            report = {name: placed[name][1] for name in placed}
            report["consistency"] = consistency_report(rows, placed["user"][0], placed["tool_result"][0])
        else:
            predictions, latency = run_predictions(rows, injection_predictor(detectors, args.placement))
            report = injection_report(rows, predictions, latency)
            if args.placement is not Placement.NATIVE:
                report = {args.placement.value: report}
    else:
        pii_changes: dict[str, Any] = {"models": PiiTier.NER, "entities": ()} if args.ner else {}
        try:
            detectors = build_detectors(_only(config, DetectorKind.PII, **pii_changes), ner_model=args.ner_model)
        except MissingModelError as exc:
            print(f"wardgate eval pii: {exc}", file=sys.stderr)
            return 2
        pii_rows = read_pii(args.file)
        found, latency = run_pii(pii_rows, pii_predictor(detectors))
        report = pii_report(pii_rows, found, latency, per_row=args.rows is not None)
        if args.rows == "errors":
            report["rows"] = [r for r in report["rows"] if not r["ok"]]  # per-row: a list of dicts
    print(json.dumps(report, indent=2) if args.json else render(report))
    return 0


def _fmt(value: Any) -> str:
    return "-" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def render(report: dict[str, Any]) -> str:
    """Human-readable tables of a report (one section per placement when placements are given)."""
    placements = [p.value for p in (Placement.USER, Placement.TOOL_RESULT) if p.value in report]
    if not placements:
        return _render_one(report)
    parts = [f"=== placement: {name} ===\n{_render_one(report[name])}" for name in placements]
    if "consistency" in report:
        parts.append(_render_consistency(report["consistency"]))
    return "\n\n".join(parts)


def _render_consistency(c: dict[str, Any]) -> str:
    def line(key: str, row: dict[str, Any]) -> str:
        return (
            f"  {key:<44} differ={row['differ']}/{row['rows']} share={_fmt(row['share'])}  "
            f"only_user={row['flagged_only_as_user']} only_tool_result={row['flagged_only_as_tool_result']}"
        )

    lines = ["=== consistency: the same rows as user input and as tool results ===", line("all rows", c)]
    lines.extend(line(f"label={k}", v) for k, v in c["by_label"].items())
    lines.extend(line(k, v) for k, v in c["by_source"].items())
    return "\n".join(lines)


def _render_one(report: dict[str, Any]) -> str:
    lines = []
    head = ("precision", "recall", "f1", "fpr")
    lines.append("overall  " + "  ".join(f"{k}={_fmt(report.get(k))}" for k in head if k in report))
    for section in ("by_kind", "by_kind_without_context_dependent", "by_source"):
        if section in report:
            lines.append(f"\n{section}:")
            for key, row in report[section].items():
                cells = "  ".join(f"{k}={_fmt(row.get(k))}" for k in (*head, "rows"))
                lines.append(f"  {key:<44} {cells}")
    if "by_type" in report:
        lines.append("\nby_type (overlap | exact):")
        for key, row in report["by_type"].items():
            o, e = row["overlap"], row["exact"]
            lines.append(
                f"  {key:<16} P={_fmt(o['precision'])} R={_fmt(o['recall'])} | P={_fmt(e['precision'])} "
                f"R={_fmt(e['recall'])}  gold={o['gold']} predicted={o['predicted']}"
            )
    for section in ("cyberseceval", "structured_exact", "lookalike_only_rows", "latency_ms_per_kb"):
        if section in report:
            lines.append(f"\n{section}: {json.dumps(report[section], ensure_ascii=False)}")
    if isinstance(report.get("rows"), list):  # per-row PII results; an injection report's "rows" is a count
        lines.append("\nrows (id, ok, missed | extra | predicted):")
        for row in report["rows"]:
            lines.append(
                f"  {row['id']}  {'ok' if row['ok'] else 'ERR'}  missed={row['missed']}  extra={row['extra']}"
                f"  predicted={row['predicted']}"
            )
    return "\n".join(lines)
