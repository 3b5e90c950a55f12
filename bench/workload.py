"""What the overhead benchmarks send and serve: the agent's request bodies and the gateway's rules.

The bodies are an agent's chat request of a chosen size (system prompt, tools, history of tool calls with
log-like results, the latest user message). The rules are a copy of the SHIPPED `rules/` with only the rate
limits raised out of the way (`shipped_rules`), or the bare rules of one model (`minimal_rules`).
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

from harness import HERE

AGENT_KEY = "wg-bench-agent-key"
MODEL = "gpt-4o-mini"  # a model of the shipped rules; the mock upstream answers any name
RAISED = 1_000_000  # rate limits of the shipped agents are multiplied by this (out of the way)


_SYSTEM = (
    "You are a coding agent working in a monorepo. Use the tools to read files, run tests and open "
    "pull requests. Never push to main. Keep answers short; explain what you changed and why."
)
_TOOLS = [{"type": "function", "function": {
    "name": "run_shell", "description": "Run a shell command in the sandbox and return its output.",
    "parameters": {"type": "object", "properties": {"cmd": {"type": "string"}}, "required": ["cmd"]}}}]
_LOG = (
    "tests/pipeline/test_runner.py::test_monitor_never_blocks PASSED\n"
    "tests/config/test_loader.py::test_every_error_reported PASSED\n"
    "src/service/handlers.py:118: warning: unused variable 'retry' in handle_refund\n"
)


def _turn(i: int) -> list[dict[str, Any]]:
    """One round of an agent's history: a tool call, its (log-like) result, a short assistant note."""
    call_id = f"call_{i:04d}"
    return [
        {"role": "assistant", "content": None, "tool_calls": [{"id": call_id, "type": "function", "function": {
            "name": "run_shell", "arguments": json.dumps({"cmd": f"pytest -q tests/part_{i} -x"})}}]},
        {"role": "tool", "tool_call_id": call_id, "content": _LOG * 3},
        {"role": "assistant", "content": f"Step {i}: tests in part {i} pass; moving on to the next package."},
    ]


def agent_body(size: int, stream: bool) -> bytes:
    """A chat request of about `size` bytes: system prompt, tools, history turns, the latest user message."""
    messages: list[dict[str, Any]] = [
        {"role": "system", "content": _SYSTEM},
        {"role": "user", "content": "Fix the failing refund handler test and open a pull request."},
    ]
    head: dict[str, Any] = {"model": MODEL, "temperature": 0.2, "tools": _TOOLS}
    if stream:
        head["stream"] = True

    def encode(msgs: list[dict[str, Any]]) -> bytes:
        return json.dumps({**head, "messages": msgs}, separators=(",", ":")).encode()

    i = 0
    while len(encode([*messages, *_turn(i)])) < size - 120:
        messages += _turn(i)
        i += 1
    last = "Now summarise what is left to do."
    filler = " Please also check the handler for retries."
    while len(encode([*messages, {"role": "user", "content": last + filler}])) <= size:
        last += filler
    return encode([*messages, {"role": "user", "content": last}])


def shipped_rules(rules: Path) -> None:
    """A copy of the shipped rules/, every agent's rate limits raised by RAISED; nothing else changed."""
    import yaml

    shutil.copytree(HERE.parent / "rules", rules)
    path = rules / "agents.yaml"
    doc = yaml.safe_load(path.read_text())
    for agent in doc.get("agents", {}).values():
        for limit in agent.get("limits", []):
            for k in ("requests", "tokens", "cost_usd"):
                if k in limit:
                    limit[k] = limit[k] * RAISED
    path.write_text(yaml.safe_dump(doc, sort_keys=False))


def minimal_rules(rules: Path, upstream_port: int, guards: bool = False) -> None:
    rules.mkdir()
    if guards:  # the shipped default guard set: injection, PII, secrets, in enforce mode
        (rules / "guards.yaml").write_text((HERE.parent / "rules" / "guards.yaml").read_text())
    (rules / "models.yaml").write_text(
        "models:\n"
        f"  {MODEL}:\n"
        "    provider: openai\n"
        f"    base_url: http://127.0.0.1:{upstream_port}/v1\n"
        "    api_key: sk-bench\n"
        "    price: {input_per_mtok: 0.15, output_per_mtok: 0.60}\n"
        "    timeout_s: 30\n"
    )
    (rules / "agents.yaml").write_text(
        "agents:\n"
        "  bench:\n"
        f"    keys: [{{value: {AGENT_KEY}}}]\n"
        f'    models: {{allow: ["{MODEL}"]}}\n'
    )


def wardgate_cmd() -> list[str]:
    script = Path(sys.executable).parent / "wardgate"
    return [str(script)] if script.exists() else [sys.executable, "-c", "from gateway.cli import main; main()"]
