#!/usr/bin/env bash
# Runs the deployment stack without Docker, from the same configuration files: the Calendar API (node), and —
# when their programs are installed — Prometheus and Alertmanager (Debian packages `prometheus` and
# `prometheus-alertmanager`), Loki and Promtail (not packaged by Debian: set LOKI_BIN / PROMTAIL_BIN to Grafana's
# release binaries). Every service listens on 127.0.0.1 only. See README.md beside this script.
#
#   deploy/native/run-stack.sh            start, stay in the foreground; Ctrl-C stops everything
#   deploy/native/run-stack.sh --smoke    start, wait until every started service is ready and Prometheus
#                                         scrapes the API, print the targets, stop (exit 0 when all of that held)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DEPLOY="$ROOT/deploy"
STATE=${STACK_DIR:-${TMPDIR:-/tmp}/calendar-api-stack}
API_PORT=${PORT:-8000}
PROMETHEUS_PORT=${PROMETHEUS_PORT:-9090}
ALERTMANAGER_PORT=${ALERTMANAGER_PORT:-9093}
LOKI_PORT=${LOKI_PORT:-3100}
PROMTAIL_PORT=${PROMTAIL_PORT:-9080}
LOKI_BIN=${LOKI_BIN:-loki}
PROMTAIL_BIN=${PROMTAIL_BIN:-promtail}
SMOKE=false

case "${1:-}" in
  "") ;;
  --smoke) SMOKE=true ;;
  -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "run-stack: unknown option $1 (try --help)" >&2; exit 2 ;;
esac

mkdir -p "$STATE"/{logs,data,prometheus-data,alertmanager-data,loki,promtail}
pids=()
names=()

say() { printf 'run-stack: %s\n' "$*"; }

stop_all() {
  trap - EXIT INT TERM
  local i
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    if kill -0 "${pids[i]}" 2>/dev/null; then
      kill -TERM "${pids[i]}" 2>/dev/null || true
      wait "${pids[i]}" 2>/dev/null || true
      say "stopped ${names[i]} (pid ${pids[i]})"
    fi
  done
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# start NAME COMMAND…: runs it in the background, output in $STATE/NAME.out.
start() {
  local name=$1
  shift
  "$@" >"$STATE/$name.out" 2>&1 &
  pids+=("$!")
  names+=("$name")
  say "started $name (pid $!, output $STATE/$name.out)"
}

# wait_ready NAME URL: polls until the URL answers 2xx (node's fetch: no curl needed), or fails after 60 s.
wait_ready() {
  local name=$1 url=$2 i
  for ((i = 0; i < 120; i++)); do
    if node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$url"; then
      say "$name ready at $url"
      return 0
    fi
    sleep 0.5
  done
  say "$name did not become ready at $url; last output:"
  tail -n 20 "$STATE/$name.out" >&2 || true
  return 1
}

# The compose service names become 127.0.0.1 with this script's ports; container paths become $STATE / deploy/.
localize() {
  sed -E \
    -e "s#(^|[^A-Za-z0-9_.-])calendar-api:[0-9]+#\\1127.0.0.1:$API_PORT#g" \
    -e "s#(^|[^A-Za-z0-9_.-])alertmanager:[0-9]+#\\1127.0.0.1:$ALERTMANAGER_PORT#g" \
    -e "s#(^|[^A-Za-z0-9_.-])prometheus:[0-9]+#\\1127.0.0.1:$PROMETHEUS_PORT#g" \
    -e "s#(^|[^A-Za-z0-9_.-])loki:[0-9]+#\\1127.0.0.1:$LOKI_PORT#g" \
    -e "s#(^|[^A-Za-z0-9_.-])promtail:[0-9]+#\\1127.0.0.1:$PROMTAIL_PORT#g" \
    -e "s#localhost:9090#127.0.0.1:$PROMETHEUS_PORT#g" \
    -e "s#/etc/prometheus/#$STATE/prometheus/#g" \
    -e "s#/etc/alertmanager/#$STATE/alertmanager/#g" \
    -e "s#/run/secrets/#$DEPLOY/secrets/#g" \
    "$@"
}

# --- the API ------------------------------------------------------------------------------------------------
cd "$ROOT"
if [[ ! -f dist/main/cli.js ]]; then
  say "no dist/: building (npm run build)"
  npm run build >/dev/null
fi
# ENVIRONMENT=docker: JSON log files, the format Promtail parses. SQLite under $STATE/data unless DATABASE_URL is
# set in the environment (then PostgreSQL, e.g. Debian's postgresql package); REDIS_URL likewise.
start calendar-api env ENVIRONMENT="${ENVIRONMENT:-docker}" HOST=127.0.0.1 PORT="$API_PORT" \
  LOG_DIR="$STATE/logs" DATA_DIR="$STATE/data" node bin/calendar-api.js serve
wait_ready calendar-api "http://127.0.0.1:$API_PORT/health/ready"

# --- Alertmanager ---------------------------------------------------------------------------------------------
AM_BIN=$(command -v alertmanager || command -v prometheus-alertmanager || true)
if [[ -n "$AM_BIN" && -f "$DEPLOY/alertmanager/alertmanager.yml" ]]; then
  rm -rf "$STATE/alertmanager" && cp -r "$DEPLOY/alertmanager" "$STATE/alertmanager"
  localize -i "$STATE/alertmanager/alertmanager.yml"
  # An empty cluster address turns off Alertmanager's HA gossip (one instance here).
  start alertmanager "$AM_BIN" --config.file="$STATE/alertmanager/alertmanager.yml" \
    --storage.path="$STATE/alertmanager-data" --web.listen-address="127.0.0.1:$ALERTMANAGER_PORT" --cluster.listen-address=
  wait_ready alertmanager "http://127.0.0.1:$ALERTMANAGER_PORT/-/ready"
else
  say "alertmanager skipped (needs the alertmanager or prometheus-alertmanager program and deploy/alertmanager/alertmanager.yml)"
fi

# --- Prometheus -----------------------------------------------------------------------------------------------
PROMETHEUS_STARTED=false
if command -v prometheus >/dev/null && [[ -f "$DEPLOY/prometheus/prometheus.yml" ]]; then
  rm -rf "$STATE/prometheus" && cp -r "$DEPLOY/prometheus" "$STATE/prometheus"
  localize -i "$STATE/prometheus/prometheus.yml"
  if command -v promtool >/dev/null; then promtool check config "$STATE/prometheus/prometheus.yml" >"$STATE/promtool.out" 2>&1 || { cat "$STATE/promtool.out" >&2; exit 1; }; fi
  start prometheus prometheus --config.file="$STATE/prometheus/prometheus.yml" \
    --storage.tsdb.path="$STATE/prometheus-data" --web.listen-address="127.0.0.1:$PROMETHEUS_PORT"
  wait_ready prometheus "http://127.0.0.1:$PROMETHEUS_PORT/-/ready"
  PROMETHEUS_STARTED=true
else
  say "prometheus skipped (needs the prometheus program — apt-get install prometheus — and deploy/prometheus/prometheus.yml)"
fi

# --- Loki and Promtail (Grafana's binaries; Debian's "loki" package is an unrelated genetics program) ---------
if "$LOKI_BIN" -version 2>/dev/null | grep -q '^loki, version'; then
  localize "$DEPLOY/loki/loki-config.yml" \
    | sed -E -e "s#(: *)/loki#\\1$STATE/loki#" -e "s#http_listen_port: *[0-9]+#http_listen_port: $LOKI_PORT#" >"$STATE/loki-config.yml"
  start loki "$LOKI_BIN" -config.file="$STATE/loki-config.yml"
  wait_ready loki "http://127.0.0.1:$LOKI_PORT/ready"
  if "$PROMTAIL_BIN" -version 2>/dev/null | grep -q '^promtail, version'; then
    localize "$DEPLOY/promtail/promtail-config.yml" \
      | sed -E -e "s#/app/logs/#$STATE/logs/#" -e "s#/var/lib/promtail/#$STATE/promtail/#" \
               -e "s#http_listen_port: *[0-9]+#http_listen_port: $PROMTAIL_PORT#" >"$STATE/promtail-config.yml"
    start promtail "$PROMTAIL_BIN" -config.file="$STATE/promtail-config.yml"
    wait_ready promtail "http://127.0.0.1:$PROMTAIL_PORT/ready"
  else
    say "promtail skipped (set PROMTAIL_BIN to Grafana's promtail binary)"
  fi
else
  say "loki and promtail skipped (Debian has no Loki package: set LOKI_BIN and PROMTAIL_BIN to Grafana's release binaries)"
fi
say "grafana is not run natively (not packaged by Debian); its provisioning is in deploy/grafana/"

# --- smoke check or foreground --------------------------------------------------------------------------------
if $SMOKE; then
  if $PROMETHEUS_STARTED; then
    # Up to 90 s: the first scrape happens within one scrape interval of start-up.
    for ((i = 0; i < 90; i++)); do
      if node -e '
        fetch(process.argv[1]).then((r) => r.json()).then(({ data }) => {
          const api = data.activeTargets.filter((t) => t.scrapeUrl.includes(":" + process.argv[2] + "/"));
          process.exit(api.some((t) => t.health === "up") ? 0 : 1);
        }, () => process.exit(1));' "http://127.0.0.1:$PROMETHEUS_PORT/api/v1/targets" "$API_PORT"; then
        break
      fi
      if ((i == 89)); then say "prometheus never scraped the API successfully"; exit 1; fi
      sleep 1
    done
    node -e '
      fetch(process.argv[1]).then((r) => r.json()).then(({ data }) => {
        for (const t of data.activeTargets) console.log(`run-stack: target ${t.labels.job} ${t.scrapeUrl} ${t.health}${t.lastError ? " (" + t.lastError + ")" : ""}`);
      });' "http://127.0.0.1:$PROMETHEUS_PORT/api/v1/targets"
  fi
  say "smoke check passed"
  exit 0
fi

say "running; Ctrl-C stops everything"
# Stop the whole stack as soon as any one process exits.
set +e
wait -n "${pids[@]}"
status=$?
say "a service exited (status $status); stopping the others"
exit "$status"
