"""Rate limits, per-run budgets, circuit breakers, retries and model fallbacks."""
