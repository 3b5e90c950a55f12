"""The logistic head the embedding candidates of the learned injection tier share (numpy only)."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray


def fit_head(
    x: NDArray[np.float32], y: NDArray[np.float64], sw: NDArray[np.float64], iters: int = 300, l2: float = 1e-4
) -> NDArray[np.float64]:
    """Full-batch Adam on the weighted logistic loss (deterministic, from zero)."""
    w = np.zeros(x.shape[1] + 1)
    xb = np.hstack([x, np.ones((len(x), 1), dtype=x.dtype)]).astype(np.float64)
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    total = sw.sum()
    for t in range(1, iters + 1):
        p = 1 / (1 + np.exp(-np.clip(xb @ w, -30, 30)))
        g = xb.T @ ((p - y) * sw / total) + l2 * np.r_[w[:-1], 0.0]
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w -= 0.05 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return w
