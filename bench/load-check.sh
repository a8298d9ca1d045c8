#!/usr/bin/env bash
# Standing load check (issue 20): wrk from a second process against the real server while the
# background embedding job and a feed import run, over a mixed set of searches covering every
# facet path, on the bundled corpus or on the full shared-feed catalogue.
#
#   bench/load-check.sh bundled            # first-start corpus (501 records)
#   bench/load-check.sh full [FEED_DIR]    # the four shared feeds imported first (~70,000 records)
#
# Env: SECONDS_MIXED (60), SECONDS_KIND (10), CONNECTIONS ("16 64"), PORT (7299), KEEP=1 keeps the
# data directory. Needs target/aisx.jar (mvn -q package -DskipTests) and wrk (apt-get install wrk).
# Prints, for each connection count, the mixed run's requests/s, latency percentiles and non-2xx
# count; then requests/s and p99 per kind of request; then the server's logged errors. Exits
# non-zero when any answer was not 2xx or the server logged an error.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${1:-bundled}
FEEDS=${2:-../shared/data}
MIXED=${SECONDS_MIXED:-60}
KIND=${SECONDS_KIND:-10}
CONNS=${CONNECTIONS:-16 64}
PORT=${PORT:-7299}
BASE="http://127.0.0.1:$PORT"
JAR=${JAR:-target/aisx.jar}
DATA=$(mktemp -d /tmp/aisx-load.XXXXXX)
PID=
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  [ "${KEEP:-0}" = 1 ] || rm -rf "$DATA"
}
trap cleanup EXIT

if [ "$CORPUS" = full ]; then
  echo "== importing the shared feeds into $DATA"
  java -jar "$JAR" import --data "$DATA" "$FEEDS"/relaton-itu-t.yaml.gz "$FEEDS"/relaton-iec.yaml.gz \
    "$FEEDS"/relaton-ieee.yaml.gz "$FEEDS"/rfc-index.txt.gz 2>&1 | tail -3
fi

# Through bin/aisx, as the README starts it (its heap, class-data archive and vector API module).
AISX_JAR="$JAR" AISX_HEAP=2g bin/aisx serve --port "$PORT" --data "$DATA" > "$DATA/serve.log" 2>&1 &
PID=$!
for _ in $(seq 1 240); do curl -sf "$BASE/healthz" >/dev/null && break; sleep 0.5; done
echo "== serving: $(curl -s "$BASE/healthz")"
echo "== records: $(curl -s "$BASE/api/v1/standards?size=1" | grep -o '"total":[0-9]*')"

# An admin's API token, for the feed upload that runs during the load.
AISX_PASSWORD='load-check-password' java -jar "$JAR" user add --email load@example.org --role admin \
  --data "$DATA" > /dev/null
TOKEN=$(java -jar "$JAR" token create --email load@example.org --label load --data "$DATA" | tail -1)

# The mixed set: browsing by each facet, words (keyword), identifiers, hybrid (the default),
# semantic, taxonomy filters with and without suggestions, another order and page, the HTML page.
KINDS=(
  "browse-facet|/api/v1/standards?sdo=IEEE"
  "browse-facet|/api/v1/standards?status=in-force&sort=date"
  "browse-facet|/api/v1/standards?type=international-standard&page=2"
  "browse-facet|/api/v1/standards?vertical=telecommunications&suggestions=include"
  "browse-facet|/api/v1/standards?concern=risk-management&suggestions=include"
  "browse-facet|/api/v1/standards?concern=risk-management"
  "browse-2-facets|/api/v1/standards?sdo=ITU-T&status=in-force"
  "keyword|/api/v1/standards?q=risk+management&mode=keyword"
  "keyword|/api/v1/standards?q=trustworthiness&mode=keyword&sdo=IEEE"
  "identifier|/api/v1/standards?q=42001"
  "identifier|/api/v1/standards?q=Y.3172"
  "identifier|/api/v1/standards?q=RFC+9110&mode=keyword"
  "hybrid|/api/v1/standards?q=machine+learning+network"
  "hybrid|/api/v1/standards?q=data+quality&concern=data-quality&suggestions=include"
  "hybrid|/api/v1/standards?q=explainable+models&sort=date"
  "semantic|/api/v1/standards?q=explainability&mode=semantic"
  "semantic|/api/v1/standards?q=autonomous+vehicles&mode=semantic&suggestions=include"
  "page|/search?q=management+system&sdo=ISO%2FIEC"
  "page|/search?sdo=IEEE&concern=risk-management"
  "page|/search?q=trustworthiness"
)
LUA="$DATA/mixed.lua"
{
  echo "local paths = {"
  for k in "${KINDS[@]}"; do echo "  \"${k#*|}\","; done
  echo "}"
  cat <<'EOF'
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
EOF
} > "$LUA"

# Warm up every path once (the query embeddings are cached after the first request).
for k in "${KINDS[@]}"; do curl -s -o /dev/null "$BASE${k#*|}"; done

upload() {
  local feed=$1
  curl -s -o "$DATA/upload.html" -w "upload %{http_code} in %{time_total}s\n" \
    -H "Authorization: Bearer $TOKEN" -F "file=@$feed" -F format=auto -F source=load-check \
    "$BASE/admin/import"
}

fail=0
for c in $CONNS; do
  echo "== mixed set, $c connections, ${MIXED}s, import and embedding running"
  # An import that writes thousands of records while the load runs; its records are then embedded
  # and classified by the background job, which refreshes the index as it goes.
  upload "$FEEDS/relaton-ieee-2025.yaml.gz" > "$DATA/upload-$c.log" 2>&1 &
  UP=$!
  out=$(wrk -t2 -c"$c" -d"${MIXED}s" --timeout 10s --latency -s "$LUA" "$BASE")
  wait $UP || true
  echo "$out" | grep -E "Requests/sec|Latency  |  50%|  90%|  99%|Non-2xx|Socket errors|requests in"
  cat "$DATA/upload-$c.log"
  if echo "$out" | grep -qE "Non-2xx|Socket errors"; then fail=1; fi
done

echo "== per kind, 16 connections, ${KIND}s each (embedding job still running)"
printf "| kind | path | requests/s | p50 | p99 | non-2xx |\n|---|---|---|---|---|---|\n"
for k in "${KINDS[@]}"; do
  path=${k#*|}
  out=$(wrk -t2 -c16 -d"${KIND}s" --timeout 10s --latency "$BASE$path")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  bad=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  printf "| %s | \`%s\` | %s | %s | %s | %s |\n" "${k%%|*}" "$path" "$rps" "$p50" "$p99" "${bad:-0}"
  [ -n "$bad" ] && fail=1
done

echo "== embedding job: $(curl -s "$BASE/healthz")"
errors=$(grep -cE "ERROR|Exception" "$DATA/serve.log" || true)
echo "== server log: $errors lines with ERROR or Exception"
grep -E "ERROR|Exception" "$DATA/serve.log" | head -20 || true
[ "$errors" = 0 ] || fail=1
exit $fail
