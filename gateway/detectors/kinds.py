"""Closed vocabularies of the guards file: detector kinds, places, actions, modes, error policy."""

from enum import StrEnum

# One vocabulary for modes and error policy across checks and guards.
from gateway.model import Mode, OnError

__all__ = ["Action", "DetectorKind", "Mode", "ObfuscatedEmails", "OnError", "PiiTier", "Place"]


class DetectorKind(StrEnum):
    INJECTION = "injection"
    PII = "pii"
    SECRETS = "secrets"
    LEAKAGE = "leakage"
    PATTERN = "pattern"


class Place(StrEnum):
    """Where in a call's life a guard looks."""

    INPUT = "input"  # what the user (or agent) sends to the LLM
    TOOL_RESULT = "tool_result"  # content fed back to the LLM from a tool: untrusted
    OUTPUT = "output"  # what the LLM answers


class Action(StrEnum):
    BLOCK = "block"
    REDACT = "redact"
    MONITOR = "monitor"


class PiiTier(StrEnum):
    """`patterns`: regex + checksum recognizers only; `ner`: adds PERSON/LOCATION from a local spaCy model."""

    PATTERNS = "patterns"
    NER = "ner"


class ObfuscatedEmails(StrEnum):
    """Which spelled-out e-mail addresses a PII guard reports (plain addresses are always reported).

    `brackets`: `name[at]domain.de`, `name (at) domain [dot] com`; `words` adds `name at domain dot com`."""

    OFF = "off"
    BRACKETS = "brackets"
    WORDS = "words"
