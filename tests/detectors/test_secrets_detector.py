"""Secrets detector: known token formats, entropy near secret words, and low-entropy look-alikes."""

from __future__ import annotations

import pytest

from gateway.detectors.secrets import SECRET_KINDS, SecretsDetector, shannon_entropy

DET = SecretsDetector("secrets", SECRET_KINDS)
# Built at run time so no complete token literal sits in the repository.
GH = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"
AWS = "AKIA" + "Q3EGRXZL7TWB5MNY"
JWT = "eyJhbGciOiJIUzI1NiJ9." + "eyJzdWIiOiIxMjM0NTY3ODkwIn0." + "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (f"export AWS_ACCESS_KEY_ID={AWS}", "aws-access-key"),
        (f"token: {GH}", "github-token"),
        ("glpat-" + "x7Yq2LmN9pR4sT6vW8zA", "gitlab-token"),
        ("xoxb-" + "123456789012-abcdefABCDEF", "slack-token"),
        ("sk-proj-" + "Ab3dEf6hIj9kLm2nOp5qRs8t", "openai-key"),
        ("sk-ant-api03-" + "Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0", "anthropic-key"),
        ("sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc", "stripe-key"),
        ("AIza" + "SyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY", "google-api-key"),
        ("-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----", "private-key"),
        (f"Authorization: Bearer {JWT}", "jwt"),
        ("postgres://app:s3cr3tP4ss@db.internal:5432/app", "connection-string"),
        ('client_secret = "q8ZtR2vLx9Wm4KpB7nYc"', "high-entropy"),
    ],
)
def test_finds(text: str, kind: str) -> None:
    assert kind in {f.entity for f in DET.scan(text)}


@pytest.mark.parametrize(
    "text",
    [
        "password = aaaaaaaaaaaaaaaa",  # long but no entropy
        "api_key = your-api-key-here",  # placeholder
        'token: "xxxxxxxxxxxxxxxxxxxx"',
        "postgres://app:${DB_PASSWORD}@db/app",  # templated, not a secret
        "the secret to good bread is patience and time",
        "AKIA is a prefix AWS uses for access keys",
    ],
)
def test_near_misses(text: str) -> None:
    assert DET.scan(text) == []


def test_connection_string_reports_only_the_password() -> None:
    text = "postgres://app:s3cr3tP4ss@db:5432/app"
    (f,) = DET.scan(text)
    assert text[f.start : f.end] == "s3cr3tP4ss"


@pytest.mark.parametrize(("value", "bits"), [("", 0.0), ("aaaa", 0.0), ("abcd", 2.0)])
def test_entropy(value: str, bits: float) -> None:
    assert shannon_entropy(value) == pytest.approx(bits)


_BODY = "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        *((prefix + _BODY, "github-token") for prefix in ("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_")),
        *((prefix + _BODY[:24], "gitlab-token") for prefix in ("glpat-", "gldt-", "glrt-", "glptt-")),
    ],
)
def test_every_token_prefix_passes_the_literal_prefilter(text: str, kind: str) -> None:
    """The regex runs only when one of the kind's literals occurs: each prefix it accepts must be one."""
    assert kind in {f.entity for f in DET.scan(text)}
    assert kind in {f.entity for f in DET.scan(f"although the night was long: {text}.")}
