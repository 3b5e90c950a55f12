"""Request sequences of the moving-window tables shared by the in-process and the Redis window tests."""

from __future__ import annotations

# Moving window (request limits): (limit, window s, [(seconds since start, cost), ...]).
MOVING_ROWS = [
    (3, 60, [(0, 1), (1, 1), (2, 1), (3, 1), (59.9, 1), (60.0, 1), (60.5, 1), (61.0, 1), (62.0, 1), (62.5, 1)]),
    (5, 10, [(0, 2), (0, 2), (0, 2), (0, 1), (5, 1), (10.0, 3), (10.5, 3), (11, 5), (25, 5), (25, 1)]),
    (1, 1, [(0, 1), (0.5, 1), (0.99, 1), (1.0, 1), (1.5, 1), (2.0, 1), (2.0, 1)]),
    (4, 30, [(0, 4), (0, 1), (29.999, 1), (30.0, 4), (30.0, 1), (45, 2)]),
    (2, 5, [(0, 3), (0, 2), (0, 1), (4.9, 1), (5.1, 2)]),  # a cost above the limit never fits
]
