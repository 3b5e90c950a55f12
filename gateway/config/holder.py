"""Holds the serving RuleSet; reloads on file change or on demand; a bad edit keeps the old rules."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gateway.config.loader import RulesInvalid
from gateway.config.ruleset import RuleSet, load_rules

log = logging.getLogger("wardgate.rules")


@dataclass(frozen=True, slots=True)
class ReloadError:
    at: float
    errors: tuple[str, ...]


def _signature(dirs: tuple[Path, ...]) -> tuple[tuple[str, int, int], ...]:
    sig = []
    for d in dirs:
        if d.is_dir():
            for p in sorted(d.rglob("*.y*ml")):
                try:
                    st = p.stat()
                except OSError:
                    continue
                sig.append((str(p), st.st_mtime_ns, st.st_size))
    return tuple(sig)


class RulesHolder:
    def __init__(
        self,
        rules_dir: Path,
        tools_dir: Path | None,
        env: Mapping[str, str],
        on_swap: Callable[[RuleSet], None] | None = None,
    ) -> None:
        self.rules_dir = rules_dir
        self.tools_dir = tools_dir
        self._env = env
        self._on_swap = on_swap
        self._dirs = tuple(d for d in (rules_dir, tools_dir) if d is not None)
        self._sig = _signature(self._dirs)
        self.current: RuleSet = load_rules(rules_dir, tools_dir, env)  # a bad start-up set is fatal
        self.last_error: ReloadError | None = None
        self.reloads_ok = 0
        self.reloads_failed = 0
        for warning in self.current.warnings:
            log.warning("rules: %s", warning)
        if on_swap:
            on_swap(self.current)

    def reload(self) -> bool:
        """Load the files again; swap whole on success, keep serving the old rules on failure."""
        self._sig = _signature(self._dirs)
        try:
            fresh = load_rules(self.rules_dir, self.tools_dir, self._env)
        except RulesInvalid as exc:
            self.last_error = ReloadError(time.time(), tuple(str(e) for e in exc.errors))
            self.reloads_failed += 1
            log.error("rules reload failed; still serving revision %s:\n%s", self.current.revision, exc)
            return False
        if self._on_swap:
            self._on_swap(fresh)
        self.current = fresh
        self.last_error = None
        self.reloads_ok += 1
        for warning in fresh.warnings:
            log.warning("rules: %s", warning)
        log.info("rules reloaded: revision %s", fresh.revision)
        return True

    def changed(self) -> bool:
        return _signature(self._dirs) != self._sig

    async def watch(self, interval_s: float) -> None:
        while True:
            await asyncio.sleep(interval_s)
            if await asyncio.to_thread(self.changed):
                await asyncio.to_thread(self.reload)

    def status(self) -> dict[str, Any]:
        r = self.current
        return {
            "revision": r.revision,
            "loaded_at": r.loaded_at,
            "files": list(r.files),
            "status": "ok" if self.last_error is None else "error",
            "last_error": None if self.last_error is None else {
                "at": self.last_error.at, "errors": list(self.last_error.errors)},
            "warnings": list(r.warnings),
            "reloads": {"ok": self.reloads_ok, "failed": self.reloads_failed},
        }
