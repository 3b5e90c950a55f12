"""The risk-tiered approval queue: tiering, binding, decisions, storage, notifications."""
