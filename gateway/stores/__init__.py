"""Persistent state: decision log, and (later) approvals, budgets and idempotency records."""
