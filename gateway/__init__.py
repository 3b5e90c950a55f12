"""Wardgate: a guardrail and tool-gateway proxy for AI agents."""

__version__ = "0.1.0"
