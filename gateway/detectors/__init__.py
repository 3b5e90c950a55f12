"""Guard detectors: pure functions from text to scored findings, plus their config and factory."""

from gateway.detectors.base import Detector, Finding
from gateway.detectors.config import GuardConfig, GuardsConfig
from gateway.detectors.factory import DetectorSet, GuardOutcome, build_detectors
from gateway.detectors.redact import PlaceholderState, redact
from gateway.detectors.stream import StreamBlocked, StreamGuard

__all__ = [
    "Detector",
    "DetectorSet",
    "Finding",
    "GuardConfig",
    "GuardOutcome",
    "GuardsConfig",
    "PlaceholderState",
    "StreamBlocked",
    "StreamGuard",
    "build_detectors",
    "redact",
]
