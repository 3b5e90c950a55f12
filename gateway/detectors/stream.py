"""Streaming output guard: release text only once it can no longer be part of a match."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from gateway.detectors.base import Finding
from gateway.detectors.holdback import Hold
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
    """One output guard as the stream sees it: its action, its (threshold-filtered) scan, and where a match
    could still grow from (None: anywhere within the hold-back window)."""

    action: Action
    scan: Callable[[str], Sequence[Finding]]
    hold: Hold | None = None


class StreamGuard:
    """Sliding-window output guard.

    What is held: for each rule, only the text a match could still grow from (its `hold`: for known patterns the
    open trailing token, and a digit run that may continue across spaces), so clean text is released word by
    word; a rule without `hold` holds the last `holdback` characters. Bound: never more than `holdback`
    characters (default 256) are held after a release, plus any finding that straddles the cut. Every match the
    detectors report is shorter than that (the longest structured entity, an IBAN, is 34 characters; tokens and
    JWTs are capped at 256); a match longer than the window, e.g. a whole PEM private-key body, is still caught
    by its header line. The last `context` released characters are rescanned as left context, so word
    boundaries and context words keep working across the cut. Not thread-safe: one instance per stream, used
    by one thread at a time.
    """

    def __init__(
        self,
        rules: Sequence[StreamRule],
        state: PlaceholderState,
        holdback: int = DEFAULT_HOLDBACK,
        context: int = 64,
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

    def add(self, delta: str) -> None:
        """Add a delta without releasing (a batch of deltas is released, and scanned, once by `release`)."""
        self._buffer += delta

    def release(self) -> str:
        return self._release(final=False)

    @property
    def held(self) -> int:
        return len(self._buffer)

    def _cut(self) -> int:
        """Where the releasable prefix of the buffer ends, before findings are taken into account."""
        floor = max(len(self._buffer) - self._holdback, 0)
        cut = len(self._buffer)
        for rule in self._rules:
            cut = min(cut, floor if rule.hold is None else max(rule.hold(self._buffer), floor))
        return cut

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
        to_redact, to_flag = self._scan()  # also when nothing is releasable yet: a block ends the stream at once
        cut = len(self._buffer) if final else self._cut()
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
