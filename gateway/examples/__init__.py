"""Small runnable examples used by the README tour (not part of the gateway)."""
