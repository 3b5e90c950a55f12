"""The Dockerfile, read statically (no image is built here), and its HEALTHCHECK command run for real."""

from __future__ import annotations

import fnmatch
import json
import re
import shlex
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
DOCKERFILE = REPO / "Dockerfile"
CHART_VALUES = REPO / "helm" / "wardgate" / "values.yaml"


@dataclass(frozen=True)
class Instruction:
    keyword: str
    args: str


@dataclass(frozen=True)
class Stage:
    image: str
    name: str
    instructions: tuple[Instruction, ...]

    def all(self, keyword: str) -> list[str]:
        return [i.args for i in self.instructions if i.keyword == keyword]

    def last(self, keyword: str) -> str:
        found = self.all(keyword)
        assert found, f"stage {self.name!r} has no {keyword}"
        return found[-1]

    def env(self) -> dict[str, str]:
        pairs: dict[str, str] = {}
        for args in self.all("ENV"):
            for token in shlex.split(args):
                key, _, value = token.partition("=")
                pairs[key] = value
        return pairs


def parse(text: str) -> tuple[dict[str, str], list[Stage]]:
    """Global ARG defaults and the stages, with continuation lines joined and comments dropped."""
    logical: list[str] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if pending and line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        logical.append(pending + line)
        pending = ""
    assert not pending, "Dockerfile ends inside a continuation"

    global_args: dict[str, str] = {}
    raw_stages: list[tuple[str, str, list[Instruction]]] = []
    for line in logical:
        keyword, _, args = line.partition(" ")
        keyword, args = keyword.upper(), args.strip()
        if keyword == "FROM":
            match = re.fullmatch(r"(\S+)(?:\s+AS\s+(\S+))?", args, re.IGNORECASE)
            assert match, f"unparsed FROM: {args}"
            image = re.sub(r"\$\{(\w+)\}|\$(\w+)", lambda m: global_args[m[1] or m[2]], match[1])
            raw_stages.append((image, match[2] or str(len(raw_stages)), []))
        elif not raw_stages:
            assert keyword == "ARG", f"{keyword} before the first FROM"
            name, _, default = args.partition("=")
            global_args[name] = default
        else:
            raw_stages[-1][2].append(Instruction(keyword, args))
    stages = [Stage(image, name, tuple(instructions)) for image, name, instructions in raw_stages]
    return global_args, stages


@pytest.fixture(scope="module")
def stages() -> list[Stage]:
    return parse(DOCKERFILE.read_text())[1]


@pytest.fixture(scope="module")
def final(stages: list[Stage]) -> Stage:
    return stages[-1]


def exec_form(args: str) -> list[str]:
    value = json.loads(args)
    assert isinstance(value, list) and all(isinstance(v, str) for v in value), args
    return value


def test_every_base_image_is_a_pinned_python_311_slim(stages: list[Stage]) -> None:
    assert len(stages) >= 2, "multi-stage: build in one stage, ship only the venv"
    for stage in stages:
        repo, _, tag = stage.image.partition(":")
        assert repo == "python", stage.image
        assert re.fullmatch(r"3\.11\.\d+-slim(-\w+)?", tag), f"pin a full patch tag, got {stage.image!r}"
    assert len({s.image for s in stages}) == 1, "the venv is copied between stages: same base"


def test_the_builder_installs_the_package_into_a_venv(stages: list[Stage], final: Stage) -> None:
    builder = stages[0]
    runs = " ".join(builder.all("RUN"))
    assert "python -m venv /opt/venv" in runs
    assert re.search(r"/opt/venv/bin/pip install \"?\.", runs), "installs the repository (.) into the venv"
    assert "-e " not in runs, "a regular install, not an editable one"
    copies = final.all("COPY")
    assert f"--from={builder.name} /opt/venv /opt/venv" in copies
    assert final.env()["PATH"].startswith("/opt/venv/bin:")


def test_the_runtime_runs_as_uid_10001(final: Stage) -> None:
    user = final.last("USER")
    uid = user.split(":")[0]
    assert uid == "10001", "numeric, so Kubernetes runAsNonRoot can verify it"
    runs = " ".join(final.all("RUN"))
    assert "--uid 10001" in runs and "chown 10001:10001 /var/lib/wardgate" in runs


def test_entrypoint_cmd_ports_and_volume(final: Stage) -> None:
    assert exec_form(final.last("ENTRYPOINT")) == ["wardgate"]
    assert exec_form(final.last("CMD")) == ["serve"]
    assert final.last("EXPOSE").split() == ["8080", "8081"]
    assert exec_form(final.last("VOLUME")) == ["/var/lib/wardgate"]


def test_default_environment(final: Stage) -> None:
    env = final.env()
    assert {k: env[k] for k in (
        "WARDGATE_HOST", "WARDGATE_PORT", "WARDGATE_ADMIN_PORT",
        "WARDGATE_RULES_DIR", "WARDGATE_TOOLS_DIR", "WARDGATE_STATE_DIR",
    )} == {
        "WARDGATE_HOST": "0.0.0.0", "WARDGATE_PORT": "8080", "WARDGATE_ADMIN_PORT": "8081",
        "WARDGATE_RULES_DIR": "/app/rules", "WARDGATE_TOOLS_DIR": "/app/tool_registry",
        "WARDGATE_STATE_DIR": "/var/lib/wardgate",
    }
    # The admin plane stays on loopback in a bare `docker run`; the chart opens it with a token.
    assert "WARDGATE_ADMIN_HOST" not in env and "WARDGATE_ADMIN_TOKEN" not in env


def test_shipped_rules_and_tools_are_copied(final: Stage) -> None:
    copies = final.all("COPY")
    assert "rules ./rules" in copies and "tool_registry ./tool_registry" in copies
    assert final.last("WORKDIR") == "/app"


def test_dockerignore_keeps_everything_the_build_copies(stages: list[Stage]) -> None:
    """Every COPY source from the build context survives .dockerignore (last matching rule wins)."""
    rules = [r.strip() for r in (REPO / ".dockerignore").read_text().splitlines()]
    rules = [r for r in rules if r and not r.startswith("#")]

    def ignored(path: str) -> bool:
        verdict = False
        for rule in rules:
            negate, pattern = rule.startswith("!"), rule.lstrip("!").rstrip("/")
            if fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(path, pattern.replace("**/", "")):
                verdict = not negate
        return verdict

    sources = []
    for stage in stages:
        for args in stage.all("COPY"):
            if not args.startswith("--from"):
                sources.extend(shlex.split(args)[:-1])
    assert {"pyproject.toml", "README.md", "gateway", "rules", "tool_registry"} <= set(sources)
    assert [s for s in sources if ignored(s)] == []
    assert ignored(".venv") and ignored(".git") and ignored("tests")


def test_chart_defaults_match_the_image() -> None:
    values = yaml.safe_load(CHART_VALUES.read_text())
    env = parse(DOCKERFILE.read_text())[1][-1].env()
    gateway = values["gateway"]
    assert (gateway["rulesDir"], gateway["toolsDir"], gateway["stateDir"]) == (
        env["WARDGATE_RULES_DIR"], env["WARDGATE_TOOLS_DIR"], env["WARDGATE_STATE_DIR"])
    ports = (str(gateway["port"]), str(gateway["adminPort"]))
    assert ports == (env["WARDGATE_PORT"], env["WARDGATE_ADMIN_PORT"])
    assert values["podSecurityContext"]["runAsUser"] == 10001


# --- the HEALTHCHECK command, executed against a real socket --------------------------------


def healthcheck_command(final: Stage) -> list[str]:
    args = final.last("HEALTHCHECK")
    options, _, command = args.partition("CMD ")
    assert "--start-period=" in options and "--timeout=" in options
    argv = exec_form(command)
    assert argv[0] == "python", "slim images have no curl: the stdlib does the probe"
    assert "/readyz" in " ".join(argv)
    return argv


class _Ready(BaseHTTPRequestHandler):
    ready = True

    def do_GET(self) -> None:
        ok = self.path == "/readyz" and type(self).ready
        self.send_response(200 if ok else 503)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def server() -> Iterator[ThreadingHTTPServer]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Ready)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join()


@pytest.mark.parametrize(("ready", "exit_code"), [(True, 0), (False, 1)], ids=["ready", "not-ready"])
def test_healthcheck_passes_only_when_ready(
    final: Stage, server: ThreadingHTTPServer, ready: bool, exit_code: int
) -> None:
    _Ready.ready = ready
    argv = [sys.executable, *healthcheck_command(final)[1:]]
    port = str(server.server_address[1])
    done = subprocess.run(argv, env={"WARDGATE_PORT": port}, capture_output=True, timeout=20, check=False)
    assert (done.returncode != 0) == bool(exit_code), done.stderr.decode()


def test_healthcheck_fails_when_nothing_listens(final: Stage) -> None:
    argv = [sys.executable, *healthcheck_command(final)[1:]]
    done = subprocess.run(argv, env={"WARDGATE_PORT": "1"}, capture_output=True, timeout=20, check=False)
    assert done.returncode != 0
