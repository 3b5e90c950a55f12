"""The check pipeline: protocols for checks and the runner that applies them in order."""
