#!/usr/bin/env bash
# Gate 7, run by .ci/run: the README's quickstart as a newcomer does it, and the production-shaped start the
# container does.
#
#  1. newcomer: clone the committed repository to a temporary folder, then `npm install && npm start` with no
#     project environment at all (no .env, no CI, no variables: only PATH, HOME and the machine's registry
#     settings); wait until GET /health and GET / answer, stop it with SIGTERM and expect a clean exit.
#  2. production-shaped: the built files from step 1 plus the manifests, `npm ci --omit=dev` (production
#     dependencies only, as docs/deployment/Dockerfile installs them), then `node apps/server/dist/main.js` with
#     ENVIRONMENT_MODE=production against a throwaway PostgreSQL database; the same checks and a clean stop.
#
# Prints how long each part took. Needs git, node/npm and, for step 2, PostgreSQL on 127.0.0.1:5432 (user
# postgres) or QUICKSTART_DATABASE_URL (a database the check may migrate). The clone needs nothing beside it
# (../shared is only read by one test, which skips without it). Usage: bash scripts/quickstart-check.sh
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/uksmr-quickstart.XXXXXX")"
server_pid=""
throwaway_db=""

say() { printf '[quickstart] %s\n' "$*"; }
fail() {
  say "FAILED: $*"
  for log in "$work"/*.log; do
    [ -f "$log" ] && { printf -- '--- last lines of %s\n' "$(basename "$log")"; tail -n 40 "$log"; }
  done
  exit 1
}

cleanup() {
  # The whole process group: a child left behind by a parent that already exited goes too.
  if [ -n "$server_pid" ]; then kill -KILL -- "-$server_pid" 2>/dev/null || true; fi
  if [ -n "$throwaway_db" ]; then
    psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $throwaway_db WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# A newcomer's environment: nothing of this project's, only what the machine needs to reach the npm registry.
clean_env=(env -i "PATH=$PATH" "HOME=$HOME")
for name in NODE_EXTRA_CA_CERTS SSL_CERT_FILE HTTP_PROXY HTTPS_PROXY NO_PROXY http_proxy https_proxy no_proxy; do
  if [ -n "${!name:-}" ]; then clean_env+=("$name=${!name}"); fi
done

seconds_since() { echo $(( $(date +%s) - $1 )); }

free_port() {
  node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

# answers URL [TEXT]: the URL answers 200 (and its body contains TEXT).
answers() {
  node -e '
    const [url, text] = process.argv.slice(1);
    fetch(url, { headers: { accept: "text/html,application/json" } })
      .then(async (r) => process.exit(r.status === 200 && (!text || (await r.text()).includes(text)) ? 0 : 1))
      .catch(() => process.exit(1));' "$1" "${2:-}"
}

# wait_until_up BASE_URL TIMEOUT_S: /health and / answer, or the server died, or the time ran out.
wait_until_up() {
  local base=$1 deadline=$(( $(date +%s) + $2 ))
  until answers "$base/health" && answers "$base/" '<div id="root"'; do
    kill -0 "$server_pid" 2>/dev/null || fail "the server exited before $base/health and $base/ answered"
    [ "$(date +%s)" -lt "$deadline" ] || fail "$base/health and $base/ did not answer within $2 s"
    sleep 0.5
  done
}

# stop_cleanly: SIGTERM to the node server process itself, as a process manager stops it (under `npm start` it is
# a grandchild: npm, sent a signal, exits 143 without waiting for it, and so does its `sh -c`); the server and what
# started it must then exit 0, leaving nothing behind.
stop_cleanly() {
  local started target code=0
  started=$(date +%s)
  target=$(pgrep -g "$server_pid" -f '^node apps/server/dist/main\.js' | head -n 1 || true)
  [ -n "$target" ] || fail "no server process under $server_pid"
  kill -TERM "$target"
  for _ in $(seq 1 120); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$server_pid" 2>/dev/null && fail "the server did not stop within 60 s of SIGTERM"
  wait "$server_pid" || code=$?
  [ "$code" -eq 0 ] || fail "the server exited with code $code after SIGTERM (expected 0)"
  pgrep -g "$server_pid" >/dev/null && fail "a process of the server's group outlived it"
  server_pid=""
  say "stopped cleanly on SIGTERM in $(seconds_since "$started") s"
}

total_started=$(date +%s)

# ---- 1. The newcomer ---------------------------------------------------------------------------------------
say "cloning $(git -C "$root" rev-parse --short HEAD) to $work/repo"
git clone --quiet --no-hardlinks "$root" "$work/repo"
cd "$work/repo"

port=3000
if answers "http://127.0.0.1:3000/health" || (exec 3<>/dev/tcp/127.0.0.1/3000) 2>/dev/null; then
  port=$(free_port)
  say "port 3000 is taken on this machine: the newcomer's start gets PORT=$port, its only variable"
  clean_env_start=("${clean_env[@]}" "PORT=$port")
else
  clean_env_start=("${clean_env[@]}")
fi

started=$(date +%s)
"${clean_env[@]}" npm install --no-audit --no-fund >"$work/npm-install.log" 2>&1 || fail "npm install"
install_s=$(seconds_since "$started")
grep -q EBADENGINE "$work/npm-install.log" && fail "npm install warned EBADENGINE (gate 6)"
say "npm install: ${install_s} s"

started=$(date +%s)
setsid "${clean_env_start[@]}" npm start >"$work/npm-start.log" 2>&1 &
server_pid=$!
wait_until_up "http://127.0.0.1:$port" 600
start_s=$(seconds_since "$started")
say "npm start (build, then serve) until /health and / answer: ${start_s} s"
stop_cleanly
say "newcomer total (install + start): $(( install_s + start_s )) s"

# ---- 2. Production-shaped: production dependencies and the built files only ------------------------------------
prod="$work/prod"
# The same files docs/deployment/Dockerfile puts in its runtime stage.
node scripts/pack-runtime.mjs "$prod" >/dev/null || fail "scripts/pack-runtime.mjs"
cd "$prod"
started=$(date +%s)
"${clean_env[@]}" npm ci --omit=dev --no-audit --no-fund >"$work/npm-ci-prod.log" 2>&1 || fail "npm ci --omit=dev"
grep -q EBADENGINE "$work/npm-ci-prod.log" && fail "npm ci --omit=dev warned EBADENGINE (gate 6)"
ci_s=$(seconds_since "$started")
say "npm ci --omit=dev: ${ci_s} s ($(du -sh node_modules | cut -f1) of node_modules)"
[ -d node_modules/typescript ] && fail "npm ci --omit=dev installed typescript: a dev dependency leaked"

if [ -n "${QUICKSTART_DATABASE_URL:-}" ]; then
  database_url=$QUICKSTART_DATABASE_URL
elif pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  throwaway_db="uksmr_quickstart_$(date +%s)_$$"
  psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $throwaway_db" || fail "could not create $throwaway_db"
  database_url="postgres://postgres@127.0.0.1:5432/$throwaway_db?sslmode=disable"
else
  fail "the production-shaped start needs PostgreSQL on 127.0.0.1:5432 or QUICKSTART_DATABASE_URL"
fi

secret() { node -e 'console.log(require("node:crypto").randomBytes(32).toString("hex"))'; }
port=$(free_port)
started=$(date +%s)
# Production mode refuses missing or weak secrets: these are throwaway ones. Payments are on; nothing here calls
# Stripe (no checkout is started), so the test-mode key is never used.
setsid "${clean_env[@]}" NODE_ENV=production ENVIRONMENT_MODE=production HOST=127.0.0.1 PORT="$port" \
  DATABASE_URL="$database_url" AUTH_SECRET="$(secret)" CRON_SECRET="$(secret)" \
  STRIPE_SECRET_KEY="sk_test_quickstart$(secret)" STRIPE_WEBHOOK_SECRET="whsec_quickstart$(secret)" \
  ALLOWED_ORIGINS="https://quickstart.example" APP_URL="https://quickstart.example" \
  DATA_DIR="$work/prod-data" LOG_DIR="$work/prod-logs" \
  node apps/server/dist/main.js >"$work/prod-start.log" 2>&1 &
server_pid=$!
wait_until_up "http://127.0.0.1:$port" 120
prod_s=$(seconds_since "$started")
say "production start (node apps/server/dist/main.js, ENVIRONMENT_MODE=production) until /health and / answer: ${prod_s} s"
stop_cleanly

say "all checks passed in $(seconds_since "$total_started") s (newcomer install ${install_s} s + start ${start_s} s; production npm ci ${ci_s} s + start ${prod_s} s)"
