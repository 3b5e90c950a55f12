"""The body validation walk: non-finite numbers anywhere and nesting past MAX_DEPTH are refused, at the
top level, inside objects and inside arrays; everything else passes."""

from __future__ import annotations

import pytest

from gateway.routes.body import MAX_DEPTH, BadJson, parse_json


def _arrays(n: int) -> str:
    return "[" * n + "]" * n


def _objects(n: int) -> str:
    return '{"a":' * n + "1" + "}" * n


@pytest.mark.parametrize(("raw", "refused"), [
    ("1e999", True),
    ("[1e999]", True),
    ('{"a": [1, 2, {"b": -1e999}]}', True),
    ('{"a": {"b": [0.5, "s", 1e999]}}', True),
    ('"x"', False),
    ("2.5", False),
    ('[1.5, "s", {"k": null, "t": true}]', False),
    (_arrays(MAX_DEPTH), False),
    (_arrays(MAX_DEPTH + 1), True),
    (_objects(MAX_DEPTH), False),
    (_objects(MAX_DEPTH + 1), True),
    ('{"a": ' + _arrays(MAX_DEPTH - 1) + ', "b": "x"}', False),
    ('{"a": ' + _arrays(MAX_DEPTH) + ', "b": "x"}', True),
])
def test_parse_json_refuses_exactly(raw: str, refused: bool) -> None:
    if refused:
        with pytest.raises(BadJson):
            parse_json(raw.encode())
    else:
        parse_json(raw.encode())
