"""Evaluator: metric arithmetic checked exactly on hand-written fixtures (not taken from any eval set)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gateway.detectors.base import Finding
from gateway.evaluation.__main__ import main
from gateway.evaluation.dataset import read_injection, read_pii
from gateway.evaluation.injection_report import consistency_report, injection_report
from gateway.evaluation.metrics import Confusion, confusion, match_spans, percentile
from gateway.evaluation.pii_report import pii_report

HERE = Path(__file__).parent


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ([(True, True), (True, False), (False, True), (False, False)], Confusion(1, 1, 1, 1)),
        ([(True, True)] * 3 + [(False, False)] * 2, Confusion(3, 0, 0, 2)),
        ([], Confusion()),
    ],
)
def test_confusion(pairs: list[tuple[bool, bool]], expected: Confusion) -> None:
    assert confusion(pairs) == expected


def test_ratios_and_undefined_values() -> None:
    c = Confusion(tp=3, fp=1, fn=2, tn=4)
    assert (c.precision, c.recall, c.fpr) == (0.75, 0.6, 0.2)
    assert c.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Confusion(tn=5).precision is None and Confusion(tn=5).fpr == 0.0


@pytest.mark.parametrize(("q", "value"), [(50, 2.0), (99, 4.0), (0, 1.0), (75, 3.0)])
def test_percentile(q: float, value: float) -> None:
    assert percentile([4.0, 1.0, 3.0, 2.0], q) == value


@pytest.mark.parametrize(
    ("gold", "pred", "exact", "counts"),
    [
        ([(0, 5)], [(3, 8)], False, (1, 1, 1, 1)),
        ([(0, 5)], [(3, 8)], True, (1, 0, 1, 0)),
        ([(0, 5), (10, 12)], [(0, 5)], True, (1, 1, 2, 1)),
        ([], [(1, 2)], False, (1, 0, 0, 0)),
        ([(0, 5)], [(5, 9)], False, (1, 0, 1, 0)),  # touching is not overlapping
    ],
)
def test_match_spans(
    gold: list[tuple[int, int]], pred: list[tuple[int, int]], exact: bool, counts: tuple[int, int, int, int]
) -> None:
    c = match_spans(gold, pred, exact)
    assert (c.predicted, c.predicted_matched, c.gold, c.gold_matched) == counts


def test_injection_report_arithmetic() -> None:
    rows = read_injection(HERE / "fixture_injection.jsonl")
    # a1, a2 caught; a3 (context-dependent) and a4 missed; b2 false positive.
    predictions = [True, True, False, False, False, True, False]
    r = injection_report(rows, predictions, [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0])
    assert (r["tp"], r["fp"], r["fn"], r["tn"]) == (2, 1, 2, 2)
    assert r["precision"] == round(2 / 3, 4) and r["recall"] == 0.5 and r["fpr"] == round(1 / 3, 4)
    assert r["f1"] == round(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5), 4)
    assert r["by_kind"]["direct"]["recall"] == round(2 / 3, 4)
    assert r["by_kind_without_context_dependent"]["direct"]["recall"] == 1.0
    assert r["by_kind"]["indirect"] == {**r["by_kind"]["indirect"], "recall": 0.0, "fpr": 0.0, "rows": 2}
    assert r["by_source"]["fixture-a"]["fpr"] == 0.5
    assert r["cyberseceval"]["recall_all"] == 0.0 and r["cyberseceval"]["recall_without_context_dependent"] is None
    assert r["latency_ms_per_kb"] == {"p50": 4.0, "p99": 7.0}


def test_pii_report_arithmetic() -> None:
    rows = read_pii(HERE / "fixture_pii.jsonl")
    predictions = [
        [
            Finding("pii", "EMAIL_ADDRESS", 5, 20, 1.0),
            Finding("pii", "PHONE_NUMBER", 28, 41, 0.7),
        ],  # phone: overlap only
        [
            Finding("pii", "CREDIT_CARD", 5, 24, 1.0),
            Finding("pii", "IP_ADDRESS", 30, 33, 0.6),
        ],  # IP is spurious
        [Finding("pii", "EMAIL_ADDRESS", 0, 7, 0.5)],  # false positive on a clean row
    ]
    r = pii_report(rows, predictions)
    t = r["by_type"]
    assert t["EMAIL_ADDRESS"]["overlap"] == {**t["EMAIL_ADDRESS"]["overlap"], "precision": 0.5, "recall": 1.0}
    assert t["PHONE_NUMBER"]["overlap"]["recall"] == 1.0 and t["PHONE_NUMBER"]["exact"]["recall"] == 0.0
    assert t["IP_ADDRESS"]["overlap"]["precision"] == 0.0 and t["IP_ADDRESS"]["overlap"]["recall"] is None
    assert t["PERSON"]["overlap"]["recall"] == 0.0
    # structured overall: 5 predictions, 3 matched; 3 gold, all found.
    assert (r["precision"], r["recall"]) == (0.6, 1.0)
    assert r["structured_exact"]["predicted_matched"] == 2
    assert r["lookalike_only_rows"] == {"rows": 1, "rows_flagged": 1, "flag_rate": 1.0, "false_positive_spans": 1}


def test_lookalike_rows_location_gold_and_per_row_results() -> None:
    rows = read_pii(HERE / "fixture_pii_lookalike.jsonl")
    assert [r.lookalike_only for r in rows] == [True, False, False, True]
    predictions = [
        [Finding("pii", "IP_ADDRESS", 6, 16, 0.6)],  # the build number redacted: a flagged look-alike row
        [Finding("pii", "LOCATION", 10, 16, 0.85)],
        [],
        [],
    ]
    r = pii_report(rows, predictions, per_row=True)
    assert r["lookalike_only_rows"] == {"rows": 2, "rows_flagged": 1, "flag_rate": 0.5, "false_positive_spans": 1}
    assert r["by_type"]["LOCATION"]["overlap"] == {**r["by_type"]["LOCATION"]["overlap"], "precision": 1.0, "recall": 1.0}
    first, second = r["rows"][0], r["rows"][1]
    assert first == {**first, "ok": False, "extra": ["IP_ADDRESS:8.0.20.101"], "missed": [], "lookalike_only": True}
    assert second == {**second, "ok": True, "gold": ["LOCATION:Lisbon"], "predicted": ["LOCATION:Lisbon:0.85"]}


def test_cli_pii_rows_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "pii", str(HERE / "fixture_pii_lookalike.jsonl"), "--json", "--rows", "errors"]) == 0
    out = json.loads(capsys.readouterr().out)
    # the shipped guard leaves the look-alikes alone and finds the e-mail; the LOCATION row needs --ner
    assert [row["id"] for row in out["rows"]] == ["l2"]
    assert out["lookalike_only_rows"]["rows_flagged"] == 0
    assert out["by_type"]["EMAIL_ADDRESS"]["overlap"]["recall"] == 1.0


def test_cli_ner_without_the_model_names_the_extra(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["eval", "pii", str(HERE / "fixture_pii.jsonl"), "--ner", "--ner-model", "wardgate_test_no_such_model"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "wardgate_test_no_such_model" in err and "pip install 'wardgate[models]'" in err
    assert "Traceback" not in err


def test_cli_json_end_to_end(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "injection", str(HERE / "fixture_injection.jsonl"), "--json", "--no-classifier"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {"precision", "recall", "f1", "fpr", "by_kind", "by_source"} <= out.keys()
    assert out["by_source"]["fixture-a"]["fpr"] == 0.0  # the git-diff question is not flagged


def test_reader_rejects_bad_spans(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "abc", "spans": [{"start": 1, "end": 9, "type": "PERSON"}]}\n')
    with pytest.raises(ValueError, match="outside the text"):
        read_pii(bad)


def test_consistency_report_arithmetic() -> None:
    rows = read_injection(HERE / "fixture_injection.jsonl")
    as_user = [True, True, False, False, False, True, False]
    as_tool = [True, False, False, True, False, False, False]
    c = consistency_report(rows, as_user, as_tool)
    assert (c["rows"], c["differ"], c["share"]) == (7, 3, round(3 / 7, 4))
    assert (c["flagged_only_as_user"], c["flagged_only_as_tool_result"]) == (2, 1)
    assert c["by_label"]["injection"]["differ"] == 2 and c["by_label"]["benign"]["differ"] == 1
    assert c["by_source"]["fixture-b"] == {
        "rows": 2,
        "differ": 1,
        "share": 0.5,
        "flagged_only_as_user": 0,
        "flagged_only_as_tool_result": 1,
    }


@pytest.mark.parametrize(
    ("placement", "sections"),
    [("user", {"user"}), ("tool_result", {"tool_result"}), ("both", {"user", "tool_result", "consistency"})],
)
def test_cli_placement(placement: str, sections: set[str], capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["eval", "injection", str(HERE / "fixture_injection.jsonl"), "--no-classifier", "--placement", placement]
    assert main([*argv, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == sections
    for name in sections - {"consistency"}:
        assert {"precision", "recall", "fpr", "by_kind", "by_source"} <= out[name].keys()
        assert out[name]["rows"] == 7
    assert main(argv) == 0
    text = capsys.readouterr().out
    assert all(f"=== placement: {name} ===" in text for name in sections - {"consistency"})
    assert ("=== consistency" in text) is ("consistency" in sections)
