"""Decision events and call records: what the gateway decided, and why, per run."""
