# syntax=docker/dockerfile:1
# Wardgate image: a builder stage installs the package into a virtualenv, the runtime stage
# copies only that venv plus the shipped rules and tool registry, and runs as uid 10001.
# Both stages use the same base so the venv's interpreter path stays valid when copied.
ARG PYTHON_IMAGE=python:3.11.13-slim-bookworm

FROM ${PYTHON_IMAGE} AS builder
# Optional extras to install with the package; "models" adds the spaCy model the PII
# detector uses. Build with --build-arg WARDGATE_EXTRAS= for a smaller image without it.
ARG WARDGATE_EXTRAS=models
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1
RUN python -m venv /opt/venv
WORKDIR /src
# pyproject.toml names README.md as the readme, so the build needs it too.
COPY pyproject.toml README.md constraints.txt ./
COPY gateway ./gateway
# A regular (non-editable) install: pip builds the wheel and installs it into the venv, so
# nothing in the venv points back at /src. pip itself is removed from the runtime venv.
RUN /opt/venv/bin/pip install --upgrade pip \
 && /opt/venv/bin/pip install ".${WARDGATE_EXTRAS:+[${WARDGATE_EXTRAS}]}" -c constraints.txt \
 && /opt/venv/bin/pip uninstall --yes pip

FROM ${PYTHON_IMAGE} AS runtime
LABEL org.opencontainers.image.title="wardgate" \
      org.opencontainers.image.description="Guardrail and tool-gateway proxy for AI agents" \
      org.opencontainers.image.licenses="Apache-2.0"
RUN groupadd --system --gid 10001 wardgate \
 && useradd --system --uid 10001 --gid 10001 --home-dir /nonexistent --no-create-home \
        --shell /usr/sbin/nologin wardgate \
 && mkdir -p /var/lib/wardgate \
 && chown 10001:10001 /var/lib/wardgate
COPY --from=builder /opt/venv /opt/venv
WORKDIR /app
COPY rules ./rules
COPY tool_registry ./tool_registry
# The data plane listens on all interfaces. The admin plane keeps the gateway's loopback
# default here; set WARDGATE_ADMIN_HOST=0.0.0.0 together with WARDGATE_ADMIN_TOKEN to expose
# it (the Helm chart does both).
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    XDG_CACHE_HOME=/tmp/.cache \
    WARDGATE_HOST=0.0.0.0 \
    WARDGATE_PORT=8080 \
    WARDGATE_ADMIN_PORT=8081 \
    WARDGATE_RULES_DIR=/app/rules \
    WARDGATE_TOOLS_DIR=/app/tool_registry \
    WARDGATE_STATE_DIR=/var/lib/wardgate
# SQLite files in the embedded mode; the root filesystem can stay read-only.
VOLUME ["/var/lib/wardgate"]
EXPOSE 8080 8081
USER 10001:10001
# slim images have no curl: probe readiness with the standard library.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('WARDGATE_PORT', '8080') + '/readyz', timeout=4)"]
ENTRYPOINT ["wardgate"]
CMD ["serve"]
