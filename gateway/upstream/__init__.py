"""Upstreams: the pooled HTTP client, LLM providers, and the in-process echo model."""
