"""The ordered check list: cheap and certain first, expensive and fuzzy later, humans last."""

from __future__ import annotations

from gateway.checks.authenticate import Authenticate
from gateway.checks.permission import ModelPermission
from gateway.pipeline.check import ResponseStep, Step


def request_steps() -> list[Step]:
    """Request phase, in order. Each later issue adds its step here, and nowhere else."""
    return [
        Step(Authenticate(), "who is calling decides everything after it"),
        Step(ModelPermission(), "least privilege: a model the agent may not use is refused before any work"),
    ]


def response_steps() -> list[ResponseStep]:
    """Response phase; run in reverse order of this list."""
    return []
