"""Prompt-injection and jailbreak detection: normalisation, rule families, an optional local classifier."""

from gateway.detectors.injection.detector import InjectionDetector, Profile

__all__ = ["InjectionDetector", "Profile"]
