{{/* Names, labels, the shared-state guard and the ConfigMap contents used across templates. */}}

{{- define "wardgate.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "wardgate.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "wardgate.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "wardgate.selectorLabels" -}}
app.kubernetes.io/name: {{ include "wardgate.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "wardgate.labels" -}}
helm.sh/chart: {{ include "wardgate.chart" . }}
{{ include "wardgate.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: wardgate
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{- define "wardgate.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "wardgate.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "wardgate.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/* Name of the Secret the chart renders (credentials and/or store URLs). */}}
{{- define "wardgate.secretName" -}}
{{- include "wardgate.fullname" . }}
{{- end }}

{{/* "true" when the Secret holding credentials is the chart's own, not existingSecret. */}}
{{- define "wardgate.ownsCredentials" -}}
{{- if not .Values.existingSecret }}true{{ end }}
{{- end }}

{{- define "wardgate.redisConfigured" -}}
{{- if or .Values.redis.url .Values.redis.existingSecret }}true{{ end }}
{{- end }}

{{- define "wardgate.postgresConfigured" -}}
{{- if or .Values.postgresql.url .Values.postgresql.existingSecret }}true{{ end }}
{{- end }}

{{/* "true" when the chart must render its own Secret. */}}
{{- define "wardgate.rendersSecret" -}}
{{- if or (include "wardgate.ownsCredentials" .) (and .Values.redis.url (not .Values.redis.existingSecret)) (and .Values.postgresql.url (not .Values.postgresql.existingSecret)) }}true{{ end }}
{{- end }}

{{/* The most pods this release can run: replicaCount, or maxReplicas under an HPA. */}}
{{- define "wardgate.maxPods" -}}
{{- if .Values.autoscaling.enabled }}
{{- max (int .Values.replicaCount) (int .Values.autoscaling.maxReplicas) }}
{{- else }}
{{- int .Values.replicaCount }}
{{- end }}
{{- end }}

{{/*
Refuse set-ups that would silently lose correctness. Every replica keeps its own in-process
counters and SQLite files unless Redis and PostgreSQL are shared, so two replicas would each
grant the full rate limit and budget, and an approval created on one pod would be unknown to
the others. Called from the Deployment so it runs on every render.
*/}}
{{- define "wardgate.validate" -}}
{{- $maxPods := int (include "wardgate.maxPods" .) }}
{{- $why := printf "replicaCount=%d" (int .Values.replicaCount) }}
{{- if and .Values.autoscaling.enabled (gt (int .Values.autoscaling.maxReplicas) (int .Values.replicaCount)) }}
{{- $why = printf "autoscaling.maxReplicas=%d" (int .Values.autoscaling.maxReplicas) }}
{{- end }}
{{- if and (gt $maxPods 1) (not (include "wardgate.redisConfigured" .)) }}
{{- fail (printf "wardgate: more than one replica (%s) needs Redis, or every pod would keep its own rate-limit counters, budgets and circuit breakers. Set redis.url or redis.existingSecret, or run a single replica." $why) }}
{{- end }}
{{- if and (gt $maxPods 1) (not (include "wardgate.postgresConfigured" .)) }}
{{- fail (printf "wardgate: more than one replica (%s) needs PostgreSQL, or approvals, the decision log and idempotency keys would be split across pods. Set postgresql.url or postgresql.existingSecret, or run a single replica." $why) }}
{{- end }}
{{- if and (gt $maxPods 1) .Values.persistence.enabled }}
{{- fail "wardgate: persistence.enabled mounts one ReadWriteOnce claim and is for a single replica; with several replicas keep it off (state lives in Redis and PostgreSQL)." }}
{{- end }}
{{- if and .Values.autoscaling.enabled (gt (int .Values.autoscaling.minReplicas) (int .Values.autoscaling.maxReplicas)) }}
{{- fail "wardgate: autoscaling.minReplicas must not exceed autoscaling.maxReplicas." }}
{{- end }}
{{- if and .Values.existingSecret .Values.adminToken }}
{{- fail "wardgate: set either existingSecret or adminToken, not both; the admin token is read from existingSecret when it is set." }}
{{- end }}
{{- end }}

{{/* rules/ ConfigMap data: packaged files, then values (same name: values win). */}}
{{- define "wardgate.rulesData" -}}
{{- include "wardgate.filesData" (dict "root" . "dir" "files/rules" "cfg" .Values.rules) }}
{{- end }}

{{- define "wardgate.toolRegistryData" -}}
{{- include "wardgate.filesData" (dict "root" . "dir" "files/tool_registry" "cfg" .Values.toolRegistry) }}
{{- end }}

{{- define "wardgate.filesData" -}}
{{- $files := dict }}
{{- if .cfg.includePackaged }}
{{- range $path, $_ := .root.Files.Glob (printf "%s/*.{yaml,yml}" .dir) }}
{{- $_ := set $files (base $path) ($.root.Files.Get $path) }}
{{- end }}
{{- end }}
{{- range $name, $content := .cfg.files }}
{{- $_ := set $files $name $content }}
{{- end }}
{{- if $files }}
{{- toYaml $files }}
{{- end }}
{{- end }}

{{/* Checksum of the credentials given in values (a generated admin token is stable via lookup). */}}
{{- define "wardgate.secretChecksum" -}}
{{- $v := .Values }}
{{- list $v.existingSecret $v.secretKeys $v.adminToken $v.agentKey $v.providers $v.redis $v.postgresql | toJson | sha256sum }}
{{- end }}

{{/* env entry reading one key of a Secret. */}}
{{- define "wardgate.secretEnv" -}}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ .secret }}
      key: {{ .key }}
      {{- if .optional }}
      optional: true
      {{- end }}
{{- end }}

{{/* Admin clients' pod selector: null in values means the wardgate.io/admin-client label. */}}
{{- define "wardgate.adminPodSelector" -}}
{{- $sel := .Values.networkPolicy.admin.podSelector }}
{{- if kindIs "invalid" $sel }}
{{- toYaml (dict "matchLabels" (dict "wardgate.io/admin-client" "true")) }}
{{- else }}
{{- toYaml $sel }}
{{- end }}
{{- end }}

{{/* Checksum of what the rules and tool-registry ConfigMaps hold (a ConfigMap of yours: its name). */}}
{{- define "wardgate.configChecksum" -}}
{{- $rules := .Values.rules.existingConfigMap | default (include "wardgate.rulesData" .) }}
{{- $tools := .Values.toolRegistry.existingConfigMap | default (include "wardgate.toolRegistryData" .) }}
{{- list $rules $tools | toJson | sha256sum }}
{{- end }}
