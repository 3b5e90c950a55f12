"""A JSON tool result's keys are the context of their values: `build` keeps a dotted quad, `client_ip` redacts it.

The real engine and detector set over `leaf_texts`, the path tool results take through the gateway."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from gateway.detectors.config import GuardsConfig
from gateway.detectors.factory import build_detectors
from gateway.detectors.kinds import Place
from gateway.guards.engine import GuardEngine
from gateway.guards.texts import leaf_texts


@pytest.fixture(scope="module")
def detectors() -> Any:
    raw = {"guards": [{"name": "pii", "detector": "pii", "where": ["tool_result"], "action": "redact"}]}
    return build_detectors(GuardsConfig.model_validate(raw))


@pytest.mark.parametrize(
    ("value", "labels"),
    [
        ({"a": "x"}, ["a"]),
        ({"user": {"phones": ["1", "2"]}}, ["phones", "phones"]),
        (["x"], [None]),
        ({"a": {"b": [{"c": "x"}]}}, ["c"]),
    ],
)
def test_leaf_label_is_the_nearest_key(value: Any, labels: list[str | None]) -> None:
    assert [t.label for t in leaf_texts(value)] == labels
    assert all(t.place is Place.TOOL_RESULT for t in leaf_texts(value))


RESULT = {
    "build": "10.4.1.22",
    "client_ip": "10.4.1.22",
    "sku": "212-555-0143",
    "contact": {"phone": "212-555-0143", "mobile": "4155550132"},
    "order_id": "4111111111111111",
    "payment": {"card": "4111111111111111"},
    "notes": "call 212-555-0143",
}
REDACTED = {
    ("client_ip",): "IP_ADDRESS",
    ("contact", "phone"): "PHONE_NUMBER",
    ("contact", "mobile"): "PHONE_NUMBER",
    ("payment", "card"): "CREDIT_CARD",
    ("notes",): "PHONE_NUMBER",
}


def test_keys_decide_for_bare_values(detectors: Any) -> None:
    engine = GuardEngine()
    scanned = asyncio.run(engine.scan(detectors, "r1", leaf_texts(RESULT)))
    found = {s.text.path: {f.entity for o in s.outcomes for f in o.findings} for s in scanned}
    assert {path: entities for path, entities in found.items() if entities} == {
        path: {entity} for path, entity in REDACTED.items()
    }


def test_same_value_under_two_keys_is_scanned_twice(detectors: Any) -> None:
    engine = GuardEngine()
    texts = leaf_texts({"build": "10.4.1.22", "client_ip": "10.4.1.22"})
    asyncio.run(engine.scan(detectors, "r1", texts))
    assert engine.scans == 2  # the label is part of the findings cache key
