"""The Helm chart, rendered by Helm's own engine and validated against Kubernetes schemas."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

helm = pytest.importorskip(
    "helm_python",
    reason="helm-python-sdk (Helm's template engine) is in the 'chart' extra: pip install -e '.[chart]'",
)
kubernetes_validate = pytest.importorskip(
    "kubernetes_validate",
    minversion="1.37.0",
    reason="kubernetes-validate>=1.37 (Kubernetes JSON schemas) is in the 'chart' extra",
)

REPO = Path(__file__).resolve().parents[2]
CHART_DIR = REPO / "helm" / "wardgate"
MULTI_REPLICA_VALUES = CHART_DIR / "ci" / "multi-replica-values.yaml"
K8S_VERSION = "1.37.0"
RELEASE, NAMESPACE = "wg", "agents"
# Kinds from CRDs that the Kubernetes schemas do not cover; checked structurally below.
CRD_KINDS = {("monitoring.coreos.com/v1", "ServiceMonitor")}

Manifest = dict[str, Any]


@pytest.fixture(scope="module")
def chart() -> Iterator[Any]:
    with helm.Chart.load(CHART_DIR) as loaded:
        yield loaded


@pytest.fixture(scope="module")
def multi_values() -> dict[str, Any]:
    values: dict[str, Any] = helm.values_from_yaml(MULTI_REPLICA_VALUES.read_text())
    return values


def render(chart: Any, values: dict[str, Any] | None = None) -> list[Manifest]:
    rendered: dict[str, str] = chart.render(values or {}, name=RELEASE, namespace=NAMESPACE)
    docs: list[Manifest] = []
    for path, text in sorted(rendered.items()):
        if path.endswith("NOTES.txt"):
            continue
        docs.extend(doc for doc in yaml.safe_load_all(text) if doc)
    return docs


def one(docs: list[Manifest], kind: str, name: str | None = None) -> Manifest:
    found = [d for d in docs if d["kind"] == kind and (name is None or d["metadata"]["name"] == name)]
    assert len(found) == 1, f"expected one {kind} {name or ''}, got {len(found)}"
    return found[0]


def pod_spec(docs: list[Manifest]) -> dict[str, Any]:
    spec: dict[str, Any] = one(docs, "Deployment")["spec"]["template"]["spec"]
    return spec


def checksum(docs: list[Manifest]) -> str:
    annotations = one(docs, "Deployment")["spec"]["template"]["metadata"]["annotations"]
    return str(annotations["checksum/config"])


def validate_all(docs: list[Manifest]) -> set[str]:
    """Strict schema validation (unknown fields rejected); returns the kinds validated."""
    validated = set()
    for doc in docs:
        if (doc["apiVersion"], doc["kind"]) in CRD_KINDS:
            continue
        kubernetes_validate.validate(doc, K8S_VERSION, strict=True)
        validated.add(doc["kind"])
    return validated


# --- lint and schema validation ---------------------------------------------------------


@pytest.mark.parametrize("values_file", [None, MULTI_REPLICA_VALUES], ids=["defaults", "multi-replica"])
def test_helm_lint_is_clean_in_strict_mode(values_file: Path | None) -> None:
    values = helm.values_from_yaml(values_file.read_text()) if values_file else None
    report = helm.lint(CHART_DIR, values, strict=True, kube_version=f"v{K8S_VERSION}")
    problems = [m for m in report["messages"] if m["severity"] >= 2]
    assert report["errors"] == [] and problems == [], report


def test_default_render_is_valid_kubernetes(chart: Any) -> None:
    docs = render(chart)
    assert validate_all(docs) == {
        "ConfigMap", "Deployment", "NetworkPolicy", "PodDisruptionBudget", "Secret", "Service",
        "ServiceAccount",
    }
    assert one(docs, "Deployment")["spec"]["replicas"] == 1


def test_multi_replica_render_is_valid_kubernetes(chart: Any, multi_values: dict[str, Any]) -> None:
    docs = render(chart, multi_values)
    assert "HorizontalPodAutoscaler" in validate_all(docs)
    deployment = one(docs, "Deployment")
    assert "replicas" not in deployment["spec"], "the HPA owns the replica count"
    hpa = one(docs, "HorizontalPodAutoscaler")
    assert (hpa["spec"]["minReplicas"], hpa["spec"]["maxReplicas"]) == (3, 6)
    env = {e["name"]: e for e in pod_spec(docs)["containers"][0]["env"]}
    secret = one(docs, "Secret")
    for var, key in [("WARDGATE_REDIS_URL", "redis-url"), ("WARDGATE_DATABASE_URL", "database-url")]:
        assert env[var]["valueFrom"]["secretKeyRef"] == {"name": secret["metadata"]["name"], "key": key}
        assert key in secret["data"]
    assert env["OTEL_EXPORTER_OTLP_ENDPOINT"]["value"].endswith(":4318")


def test_service_monitor_is_checked_structurally(chart: Any, multi_values: dict[str, Any]) -> None:
    # No CRD schema ships with kubernetes-validate: check the fields prometheus-operator reads.
    docs = render(chart, multi_values)
    monitor = one(docs, "ServiceMonitor")
    admin_service = one(docs, "Service", f"{RELEASE}-wardgate-admin")
    selector = monitor["spec"]["selector"]["matchLabels"]
    assert selector.items() <= admin_service["metadata"]["labels"].items()
    data_service = one(docs, "Service", f"{RELEASE}-wardgate")
    assert not selector.items() <= data_service["metadata"]["labels"].items()
    [endpoint] = monitor["spec"]["endpoints"]
    assert (endpoint["port"], endpoint["path"]) == ("admin", "/metrics")
    assert endpoint["authorization"]["credentials"]["key"] == "admin-token"
    assert monitor["spec"]["namespaceSelector"] == {"matchNames": [NAMESPACE]}
    assert "ServiceMonitor" not in {d["kind"] for d in render(chart)}, "off by default"


def test_values_schema_rejects_unknown_and_mistyped_keys(chart: Any) -> None:
    for bad in [{"replicas": 3}, {"replicaCount": "3"}, {"rules": {"files": {"../escape": "x"}}}]:
        with pytest.raises(helm.HelmValuesError):
            chart.render(bad, name=RELEASE)


# --- the chart refuses unsafe scaling -----------------------------------------------------

REDIS = {"redis": {"url": "redis://redis:6379/0"}}
POSTGRES = {"postgresql": {"url": "postgresql://wardgate@pg/wardgate"}}
HPA = {"autoscaling": {"enabled": True, "minReplicas": 1, "maxReplicas": 4}}

REFUSED = [
    ("3 replicas, no stores", {"replicaCount": 3}, "more than one replica (replicaCount=3) needs Redis"),
    ("2 replicas, postgres only", {"replicaCount": 2, **POSTGRES}, "replicaCount=2) needs Redis"),
    ("HPA max 4, no redis", {**HPA, **POSTGRES}, "(autoscaling.maxReplicas=4) needs Redis"),
    ("2 replicas, redis only", {"replicaCount": 2, **REDIS}, "needs PostgreSQL"),
    ("PVC with 2 replicas", {"replicaCount": 2, **REDIS, **POSTGRES, "persistence": {"enabled": True}},
     "persistence.enabled mounts one ReadWriteOnce claim"),
]
ACCEPTED = [
    ("1 replica, no stores", {"replicaCount": 1}),
    ("HPA settings while HPA is off", {"autoscaling": {"enabled": False, "maxReplicas": 9}}),
    ("HPA max 1, no stores", {"autoscaling": {"enabled": True, "minReplicas": 1, "maxReplicas": 1}}),
    ("3 replicas, both stores", {"replicaCount": 3, **REDIS, **POSTGRES}),
    ("stores from existing Secrets", {"replicaCount": 3, "redis": {"existingSecret": "r"},
                                      "postgresql": {"existingSecret": "p"}}),
    ("PVC with 1 replica", {"persistence": {"enabled": True}}),
]


@pytest.mark.parametrize(("values", "message"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
def test_unsafe_scaling_is_refused_with_a_clear_message(
    chart: Any, values: dict[str, Any], message: str
) -> None:
    with pytest.raises(helm.HelmRenderError, match="wardgate: ") as refused:
        chart.render(values, name=RELEASE)
    assert message in str(refused.value)


@pytest.mark.parametrize("values", [r[1] for r in ACCEPTED], ids=[r[0] for r in ACCEPTED])
def test_safe_scaling_renders(chart: Any, values: dict[str, Any]) -> None:
    validate_all(render(chart, values))


def test_persistence_switches_to_recreate_and_a_claim(chart: Any) -> None:
    docs = render(chart, {"persistence": {"enabled": True}})
    assert one(docs, "Deployment")["spec"]["strategy"] == {"type": "Recreate"}
    claim = one(docs, "PersistentVolumeClaim")
    state = next(v for v in pod_spec(docs)["volumes"] if v["name"] == "state")
    assert state["persistentVolumeClaim"]["claimName"] == claim["metadata"]["name"]


# --- rules: ConfigMaps and the rolling checksum -------------------------------------------


def test_values_rule_files_land_in_the_configmap_and_change_the_checksum(chart: Any) -> None:
    base = render(chart)
    edited = render(chart, {"rules": {"files": {"guards.yaml": "guards: []\n"}}})
    assert one(edited, "ConfigMap", f"{RELEASE}-wardgate-rules")["data"]["guards.yaml"] == "guards: []\n"
    assert checksum(edited) != checksum(base)
    tools = render(chart, {"toolRegistry": {"files": {"search.yaml": "name: search\n"}}})
    assert checksum(tools) not in {checksum(base), checksum(edited)}


def test_unrelated_values_keep_the_checksum(chart: Any) -> None:
    base = render(chart)
    unrelated = {"resources": {"requests": {"cpu": "1"}}, "podLabels": {"team": "ai"}}
    assert checksum(render(chart, unrelated)) == checksum(base)


def test_editing_a_packaged_rule_file_rolls_the_pods(chart: Any, tmp_path: Path) -> None:
    # A copy of the chart with the symlinked rules resolved, then one rule file edited.
    copy = tmp_path / "wardgate"
    shutil.copytree(CHART_DIR, copy, symlinks=False)
    rules_dir = copy / "files" / "rules"
    rules_dir.mkdir(parents=True, exist_ok=True)
    rule = rules_dir / "guards.yaml"
    rule.unlink(missing_ok=True)
    rule.write_text("guards: []\n")
    with helm.Chart.load(copy) as before_chart:
        before = render(before_chart)
    rule.write_text("guards:\n  - name: size\n")
    with helm.Chart.load(copy) as after_chart:
        after = render(after_chart)
    data = one(after, "ConfigMap", f"{RELEASE}-wardgate-rules")["data"]
    assert data["guards.yaml"] == "guards:\n  - name: size\n"
    assert checksum(before) != checksum(after)


def test_packaged_rules_mirror_the_repository(chart: Any) -> None:
    data = one(render(chart), "ConfigMap", f"{RELEASE}-wardgate-rules").get("data") or {}
    shipped = {
        p.name: p.read_text()
        for p in sorted((REPO / "rules").glob("*.y*ml"))
        if not p.name.endswith((".cases.yaml", ".cases.yml"))
    }
    assert data == shipped


def test_the_gateway_accepts_what_the_chart_mounts(chart: Any, tmp_path: Path) -> None:
    """The default ConfigMaps, written out as the pod sees them, pass the gateway's own rule loader."""
    ruleset = pytest.importorskip("gateway.config.ruleset", reason="the gateway package is not importable")
    docs = render(chart)
    mounts = {"rules": f"{RELEASE}-wardgate-rules", "tool_registry": f"{RELEASE}-wardgate-tool-registry"}
    for directory, configmap in mounts.items():
        (tmp_path / directory).mkdir()
        for name, text in (one(docs, "ConfigMap", configmap).get("data") or {}).items():
            (tmp_path / directory / name).write_text(text)
    env = {"WARDGATE_AGENT_KEY": "wg-test-key", "OPENAI_API_KEY": "sk-test", "ANTHROPIC_API_KEY": "sk-test"}
    loaded = ruleset.load_rules(tmp_path / "rules", tmp_path / "tool_registry", env)
    assert loaded.files, "the packaged rules are not empty"


def test_own_rules_replace_the_packaged_ones(chart: Any) -> None:
    values = {"rules": {"includePackaged": False, "files": {"agents.yaml": "agents: []\n"}}}
    data = one(render(chart, values), "ConfigMap", f"{RELEASE}-wardgate-rules")["data"]
    assert data == {"agents.yaml": "agents: []\n"}


def test_existing_configmap_is_mounted_and_not_rendered(chart: Any) -> None:
    docs = render(chart, {"rules": {"existingConfigMap": "my-rules"}})
    configmaps = [d["metadata"]["name"] for d in docs if d["kind"] == "ConfigMap"]
    assert configmaps == [f"{RELEASE}-wardgate-tool-registry"]
    rules = next(v for v in pod_spec(docs)["volumes"] if v["name"] == "rules")
    assert rules["configMap"]["name"] == "my-rules"


# --- admin plane isolation ----------------------------------------------------------------


def container_port(docs: list[Manifest], name: str) -> int:
    ports = {p["name"]: p["containerPort"] for p in pod_spec(docs)["containers"][0]["ports"]}
    return int(ports[name])


def test_services_split_data_and_admin_ports(chart: Any) -> None:
    docs = render(chart)
    data = one(docs, "Service", f"{RELEASE}-wardgate")["spec"]["ports"]
    admin = one(docs, "Service", f"{RELEASE}-wardgate-admin")["spec"]["ports"]
    assert [(p["name"], p["targetPort"]) for p in data] == [("http", "http")]
    assert [(p["name"], p["targetPort"]) for p in admin] == [("admin", "admin")]
    assert (container_port(docs, "http"), container_port(docs, "admin")) == (8080, 8081)


def test_admin_plane_listens_on_the_pod_network_with_a_token(chart: Any) -> None:
    # The gateway binds its admin plane to loopback unless WARDGATE_ADMIN_HOST says otherwise,
    # and refuses a non-loopback admin plane without WARDGATE_ADMIN_TOKEN.
    docs = render(chart)
    env = {e["name"]: e for e in pod_spec(docs)["containers"][0]["env"]}
    assert env["WARDGATE_HOST"]["value"] == env["WARDGATE_ADMIN_HOST"]["value"] == "0.0.0.0"
    ref = env["WARDGATE_ADMIN_TOKEN"]["valueFrom"]["secretKeyRef"]
    assert not ref.get("optional")
    secret = one(docs, "Secret", ref["name"])
    assert len(secret["data"][ref["key"]]) >= 48, "a generated token when none is given"


def test_allowed_hosts_name_both_services_and_the_configured_hosts(chart: Any) -> None:
    # DNS-rebinding defence: the gateway refuses host names it was not told about (IP literals always pass).
    docs = render(chart, {"gateway": {"allowedHosts": ["wardgate.example.com"]}})
    env = {e["name"]: e for e in pod_spec(docs)["containers"][0]["env"]}
    names = env["WARDGATE_ALLOWED_HOSTS"]["value"].split(",")
    namespace = one(docs, "Deployment")["metadata"].get("namespace", "default")
    for svc in (f"{RELEASE}-wardgate", f"{RELEASE}-wardgate-admin"):
        assert {svc, f"{svc}.{namespace}", f"{svc}.{namespace}.svc.cluster.local"} <= set(names)
    assert names[-1] == "wardgate.example.com"


def test_network_policy_admits_admin_port_only_from_selected_clients(chart: Any) -> None:
    policy = one(render(chart), "NetworkPolicy")["spec"]
    assert policy["policyTypes"] == ["Ingress"]
    by_port = {tuple(p["port"] for p in rule["ports"]): rule for rule in policy["ingress"]}
    assert set(by_port) == {("http",), ("admin",)}, "every rule names exactly one plane's port"
    assert "from" not in by_port[("http",)], "agents may reach the data plane from anywhere"
    assert by_port[("admin",)]["from"] == [
        {"podSelector": {"matchLabels": {"wardgate.io/admin-client": "true"}}}
    ]


def test_network_policy_admin_selectors_are_configurable(chart: Any) -> None:
    values = {"networkPolicy": {"admin": {
        "namespaceSelector": {"matchLabels": {"team": "platform"}},
        "podSelector": {"matchLabels": {"app": "approver-console"}},
        "extraFrom": [{"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "monitoring"}}}],
    }}}
    docs = render(chart, values)
    validate_all(docs)
    ingress = one(docs, "NetworkPolicy")["spec"]["ingress"]
    admin_rule = next(r for r in ingress if r["ports"][0]["port"] == "admin")
    assert admin_rule["from"] == [
        {"podSelector": {"matchLabels": {"app": "approver-console"}},
         "namespaceSelector": {"matchLabels": {"team": "platform"}}},
        {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "monitoring"}}},
    ]


# --- pod hardening and probes -------------------------------------------------------------


def test_pod_runs_non_root_with_a_read_only_root_filesystem(chart: Any) -> None:
    spec = pod_spec(render(chart))
    assert spec["securityContext"]["runAsNonRoot"] is True
    assert spec["securityContext"]["runAsUser"] == 10001
    assert spec["automountServiceAccountToken"] is False
    [container] = spec["containers"]
    ctx = container["securityContext"]
    assert ctx["readOnlyRootFilesystem"] is True
    assert ctx["allowPrivilegeEscalation"] is False
    assert ctx["runAsNonRoot"] is True
    assert ctx["capabilities"]["drop"] == ["ALL"]
    writable = {m["mountPath"] for m in container["volumeMounts"] if not m.get("readOnly")}
    assert writable == {"/var/lib/wardgate", "/tmp"}, "the process writes only to the state dir and /tmp"


def test_probes_use_healthz_and_readyz_on_the_data_plane(chart: Any) -> None:
    [container] = pod_spec(render(chart))["containers"]
    probes = {k: container[k]["httpGet"] for k in ("startupProbe", "livenessProbe", "readinessProbe")}
    assert probes == {
        "startupProbe": {"path": "/healthz", "port": "http"},
        "livenessProbe": {"path": "/healthz", "port": "http"},
        "readinessProbe": {"path": "/readyz", "port": "http"},
    }


def test_existing_secret_replaces_the_chart_secret(chart: Any) -> None:
    docs = render(chart, {"existingSecret": "wardgate-credentials"})
    assert not [d for d in docs if d["kind"] == "Secret"]
    env = {e["name"]: e for e in pod_spec(docs)["containers"][0]["env"]}
    token = env["WARDGATE_ADMIN_TOKEN"]["valueFrom"]["secretKeyRef"]
    assert token == {"name": "wardgate-credentials", "key": "admin-token"}, "the token is never optional"
    assert env["OPENAI_API_KEY"]["valueFrom"]["secretKeyRef"]["optional"] is True


def test_existing_secret_with_store_urls_in_values(chart: Any) -> None:
    # Credentials from your Secret, store URLs from values: the chart's Secret holds only the URLs.
    docs = render(chart, {"existingSecret": "wardgate-credentials", "replicaCount": 2, **REDIS, **POSTGRES})
    secret = one(docs, "Secret")
    assert sorted(secret["data"]) == ["database-url", "redis-url"]
    env = {e["name"]: e["valueFrom"]["secretKeyRef"]["name"] for e in pod_spec(docs)["containers"][0]["env"]
           if "valueFrom" in e}
    assert env["WARDGATE_ADMIN_TOKEN"] == "wardgate-credentials"
    assert env["WARDGATE_REDIS_URL"] == env["WARDGATE_DATABASE_URL"] == secret["metadata"]["name"]


def test_standard_labels_on_every_object(chart: Any, multi_values: dict[str, Any]) -> None:
    for doc in render(chart, multi_values):
        labels = doc["metadata"]["labels"]
        assert labels["app.kubernetes.io/name"] == "wardgate", doc["kind"]
        assert labels["app.kubernetes.io/instance"] == RELEASE
        assert labels["app.kubernetes.io/managed-by"] == "Helm"
        assert labels["helm.sh/chart"] == f"wardgate-{chart.version}"
        assert doc["metadata"]["namespace"] == NAMESPACE


def test_notes_explain_how_to_reach_both_planes(chart: Any) -> None:
    notes = chart.render({}, name=RELEASE, namespace=NAMESPACE)["wardgate/templates/NOTES.txt"]
    assert f"{RELEASE}-wardgate-admin.{NAMESPACE}.svc:8081" in notes
    assert f"{RELEASE}-wardgate.{NAMESPACE}.svc:8080/v1" in notes


def test_values_schema_is_valid_json(chart: Any) -> None:
    schema = json.loads((CHART_DIR / "values.schema.json").read_text())
    assert chart.schema == schema
    chart.validate_schema(chart.values)
