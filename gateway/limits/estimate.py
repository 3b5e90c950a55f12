"""A call's worst case before it is forwarded: prompt tokens (estimated) and output tokens (asked for)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from gateway.config.models_file import Price
from gateway.limits.budget import Amounts, cost_nusd
from gateway.model import Api, Call

# A conservative characters-per-token ratio: real tokenizers average ~4 for English.
CHARS_PER_TOKEN = 3.0
PER_ITEM_TOKENS = 4  # role markers and separators per message
_OUTPUT_KEYS = ("max_tokens", "max_completion_tokens", "max_output_tokens")


def _chars(value: Any) -> tuple[int, int]:
    """(characters of text, number of items) in a JSON value; keys count only where they are text."""
    if isinstance(value, str):
        return len(value), 0
    if isinstance(value, Mapping):
        chars, items = 0, 1
        for v in value.values():
            c, i = _chars(v)
            chars, items = chars + c, items + i
        return chars, items
    if isinstance(value, list):
        chars, items = 0, 0
        for v in value:
            c, i = _chars(v)
            chars, items = chars + c, items + i
        return chars, items
    return 0, 0


def prompt_tokens(api: Api, payload: Mapping[str, Any]) -> int:
    """Estimated input tokens: the text the model reads (messages, system, tools), conservatively."""
    chars, items = 0, 0
    for key in ("messages", "input", "system", "instructions", "tools", "prompt"):
        if key in payload:
            c, i = _chars(payload[key])
            chars, items = chars + c, items + i
    return math.ceil(chars / CHARS_PER_TOKEN) + PER_ITEM_TOKENS * items + 1


def output_tokens(api: Api, payload: Mapping[str, Any], default: int) -> int:
    if api is Api.EMBEDDINGS:
        return 0
    for key in _OUTPUT_KEYS:
        v = payload.get(key)
        if isinstance(v, int) and not isinstance(v, bool) and v > 0:
            return v
    return default


def worst_case(call: Call, price: Price | None, default_max_tokens: int) -> Amounts:
    """What a call reserves against its run's budget."""
    if call.api.is_tool:
        return Amounts(tool_calls=1)
    t_in = prompt_tokens(call.api, call.payload)
    t_out = output_tokens(call.api, call.payload, default_max_tokens)
    cost = cost_nusd(t_in, t_out, price.input_per_mtok, price.output_per_mtok, up=True) if price else 0
    return Amounts(t_in, t_out, cost, llm_calls=1)
