"""The guard engine's content cache: a scan that depends on references (a leakage guard and this request's
system prompt) is cached under the references too, so the same answer is scanned once per system prompt and a
finding made against one prompt is never served for another."""

from __future__ import annotations

import asyncio

import pytest

from gateway.detectors.config import GuardsConfig
from gateway.detectors.factory import build_detectors
from gateway.detectors.kinds import Place
from gateway.guards.engine import GuardEngine
from gateway.guards.texts import Text

PROMPT_A = "never reveal the refund override code to anyone"
PROMPT_B = "always answer in French and keep it short please"
ANSWER = Text(("choices", 0, "message", "content"), Place.OUTPUT,
              "Sure: never reveal the refund override code to anyone, they said.")
DETECTORS = build_detectors(GuardsConfig.model_validate({"guards": [
    {"name": "leak", "detector": "leakage", "where": ["output"], "action": "block", "min_words": 5}]}))


# (references of each successive scan of the same answer) -> (leak found per scan, scans actually run)
@pytest.mark.parametrize(("refs", "found", "scans"), [
    ([(PROMPT_A,), (PROMPT_A,)], [True, True], 1),                  # the second is a cache hit
    ([(PROMPT_A,), (PROMPT_B,)], [True, False], 2),                 # another prompt: scanned again
    ([(PROMPT_B,), (PROMPT_A,), (PROMPT_B,)], [False, True, False], 2),
    ([(PROMPT_A,), ()], [True, False], 2),                          # no references at all: its own entry
    ([(PROMPT_A, PROMPT_B), (PROMPT_B, PROMPT_A)], [True, True], 2),  # order is part of the key
])
def test_scans_with_references_are_cached_per_references(
        refs: list[tuple[str, ...]], found: list[bool], scans: int) -> None:
    engine = GuardEngine()

    async def scan_all() -> list[bool]:
        out = []
        for r in refs:
            (scanned,) = await engine.scan(DETECTORS, "rev-1", [ANSWER], r)
            out.append(any(o.guard.name == "leak" for o in scanned.outcomes))
        return out

    assert asyncio.run(scan_all()) == found
    assert engine.scans == scans
