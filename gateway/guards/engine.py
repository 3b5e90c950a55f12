"""Scanning texts with the compiled guard set: cached by content, off the event loop, per-run placeholders."""

from __future__ import annotations

import asyncio
import hashlib
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from gateway.detectors.factory import BuiltGuard, DetectorSet, GuardOutcome, scan_guard
from gateway.detectors.kinds import DetectorKind
from gateway.detectors.redact import PlaceholderState
from gateway.guards.texts import Text


@dataclass(frozen=True, slots=True)
class Scanned:
    text: Text
    outcomes: tuple[GuardOutcome, ...]


def _applies(built: BuiltGuard, text: Text) -> bool:
    return not (text.trusted and built.config.detector is DetectorKind.INJECTION)


def scan_text(detectors: DetectorSet, text: Text, references: tuple[str, ...] = ()) -> tuple[GuardOutcome, ...]:
    """Run every guard that looks at this text's place; a crashing guard becomes an outcome with `error`."""
    outcomes: list[GuardOutcome] = []
    for built in detectors.for_place(text.place):
        if not _applies(built, text):
            continue
        try:
            found = scan_guard(built, text.place, text.text, references, text.label)
        except Exception as exc:
            outcomes.append(GuardOutcome(built.config, (), f"{type(exc).__name__}: {exc}"))
            continue
        if found:
            outcomes.append(GuardOutcome(built.config, tuple(found)))
    return tuple(outcomes)


class _Lru(OrderedDict[str, object]):
    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def get_fresh(self, key: str) -> object | None:
        value = self.get(key)
        if value is not None:
            self.move_to_end(key)
        return value

    def put(self, key: str, value: object) -> None:
        self[key] = value
        self.move_to_end(key)
        while len(self) > self.size:
            self.popitem(last=False)


class GuardEngine:
    """Agents resend the whole conversation every turn: each distinct text is scanned once (per rules
    revision), so guard cost grows with new content, not with the conversation's length."""

    def __init__(self, cache_size: int = 50_000, runs: int = 20_000) -> None:
        self._findings = _Lru(cache_size)
        self._placeholders = _Lru(runs)
        self.scans = 0  # texts actually scanned (cache misses), for tests and metrics

    def placeholders(self, run_id: str) -> PlaceholderState:
        state = self._placeholders.get_fresh(run_id)
        if not isinstance(state, PlaceholderState):
            state = PlaceholderState()
            self._placeholders.put(run_id, state)
        return state

    @staticmethod
    def _key(revision: str, text: Text, references: tuple[str, ...] = ()) -> str:
        # SHA-256 (collision-resistant: a collision would reuse another text's verdict): with the CPU's SHA
        # instructions, which OpenSSL uses, 2.5x faster than BLAKE2b on 32 KB (41 vs 103 us, bench/README.md)
        h = hashlib.sha256(text.text.encode("utf-8", "surrogatepass"))
        for ref in references:  # a leakage guard's findings depend on the references too: part of the key
            raw = ref.encode("utf-8", "surrogatepass")
            h.update(len(raw).to_bytes(8, "little"))
            h.update(raw)
        return (f"{revision}:{text.place.value}:{int(text.trusted)}:{text.label or ''}:{len(references)}:"
                f"{h.hexdigest()[:32]}")

    async def scan(
        self, detectors: DetectorSet, revision: str, texts: Sequence[Text], references: tuple[str, ...] = ()
    ) -> list[Scanned]:
        results: list[Scanned | None] = [None] * len(texts)
        misses: list[int] = []
        for i, text in enumerate(texts):
            cached = self._findings.get_fresh(self._key(revision, text, references))
            if isinstance(cached, tuple):
                results[i] = Scanned(text, cached)
            else:
                misses.append(i)
        if misses:
            todo = [texts[i] for i in misses]

            def work() -> list[tuple[GuardOutcome, ...]]:
                return [scan_text(detectors, t, references) for t in todo]

            # Off the event loop: a Presidio pass or a large tool result must not stall other requests.
            fresh = await asyncio.to_thread(work)
            self.scans += len(todo)
            for i, outcomes in zip(misses, fresh, strict=True):
                results[i] = Scanned(texts[i], outcomes)
                if not any(o.error for o in outcomes):
                    self._findings.put(self._key(revision, texts[i], references), outcomes)
        return [r for r in results if r is not None]
