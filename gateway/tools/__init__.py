"""The tool gateway's pure parts: registry models and compilation, permission decisions, user tokens, pins."""
