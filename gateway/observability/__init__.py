"""Traces, metrics and logs: what the gateway tells its operators, and never the content it carries."""
