"""Streaming output guard: release text deltas only once they can no longer be part of a match."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from gateway.detectors.base import Finding
from gateway.detectors.kinds import Action
from gateway.detectors.redact import PlaceholderState, redact

DEFAULT_HOLDBACK = 256


class StreamBlocked(Exception):
    """A blocking guard matched; the stream must end with an error event. Carries the finding."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(f"{finding.detector}: {finding.entity}")
        self.finding = finding


@dataclass(frozen=True, slots=True)
class StreamRule:
    """One output guard as the stream sees it: its action and its (threshold-filtered) scan."""

    action: Action
    scan: Callable[[str], Sequence[Finding]]


class StreamGuard:
    """Sliding-window output guard.

    Bound: at most `holdback` characters (default 256) are held back after each `push`, plus any
    finding that straddles the cut. Every match the detectors report is shorter than that (the
    longest structured entity, an IBAN, is 34 characters; tokens and JWTs are capped at 256); a match
    longer than the window, e.g. a whole PEM private-key body, is still caught by its header line.
    The last `context` released characters are rescanned as left context, so word boundaries
    and context words keep working across the cut. Not thread-safe: one instance per stream.
    """

    def __init__(
        self,
        rules: Sequence[StreamRule],
        state: PlaceholderState,
        holdback: int = DEFAULT_HOLDBACK,
        context: int = 32,
    ) -> None:
        self._rules = tuple(rules)
        self._state = state
        self._holdback = holdback
        self._context = context
        self._tail = ""  # already released, kept as left context
        self._buffer = ""
        self.findings: list[Finding] = []  # every finding in released text, for the trace

    def push(self, delta: str) -> str:
        """Add a delta; return the text that is now safe to send (possibly empty, possibly redacted)."""
        self._buffer += delta
        return self._release(final=False)

    def finish(self) -> str:
        """End of stream: scan and release everything still held."""
        return self._release(final=True)

    def _scan(self) -> tuple[list[Finding], list[Finding]]:
        shift = len(self._tail)
        window = self._tail + self._buffer
        to_redact: list[Finding] = []
        to_flag: list[Finding] = []
        for rule in self._rules:
            for f in rule.scan(window):
                if f.end <= shift:
                    continue  # lies wholly in text already released
                local = Finding(f.detector, f.entity, max(f.start - shift, 0), f.end - shift, f.score)
                if rule.action is Action.BLOCK:
                    raise StreamBlocked(local)
                (to_redact if rule.action is Action.REDACT else to_flag).append(local)
        return to_redact, to_flag

    def _release(self, final: bool) -> str:
        if not self._buffer:
            return ""
        to_redact, to_flag = self._scan()
        cut = len(self._buffer) if final else max(len(self._buffer) - self._holdback, 0)
        for f in (*to_redact, *to_flag):
            if f.start < cut < f.end:
                cut = f.start
        if cut == 0:
            return ""
        out_text = self._buffer[:cut]
        done = [f for f in to_redact if f.end <= cut]
        self.findings.extend(f for f in (*done, *to_flag) if f.end <= cut)
        released = redact(out_text, done, self._state)
        self._buffer = self._buffer[cut:]
        self._tail = (self._tail + out_text)[-self._context :] if self._context else ""
        return released
