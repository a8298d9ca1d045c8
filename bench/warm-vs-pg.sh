#!/usr/bin/env bash
# The search API of a running server, warmed up first, against PostgreSQL full-text search over the
# 30 requests of bench/fts-queries.sh (issue 21): 30 s default mode, 30 s keyword mode and 15 s of
# the search page as warm-up, then ROUNDS rounds of default, keyword and PostgreSQL, 20 s each at
# CONNECTIONS connections; then the page, a static file (the HTTP path alone), and requests never
# repeated (bench/unique-queries.py over DATA_DIR), with the server's kept-answer counts.
#
#   SCHEMA=aisx_full bench/warm-vs-pg.sh http://127.0.0.1:7331 DATA_DIR [ROUNDS]
#
# SCHEMA holds the same catalogue as the server's store (see bench/pg-fts.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/fts-queries.sh
B=$1; DATA=$2; ROUNDS=${3:-3}; C=${CONNECTIONS:-8}
WORK=$(mktemp -d /tmp/aisx-warm-vs-pg.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
fts_wrk_script "" > "$WORK/default.lua"
fts_wrk_script mode=keyword > "$WORK/keyword.lua"
sed 's#/api/v1/standards?#/search?#' "$WORK/default.lua" > "$WORK/page.lua"
python3 bench/unique-queries.py "$DATA" 40000 > "$WORK/unique.lua"
run() { wrk -t2 -c"$C" -d"$1" --latency -s "$2" "$B" | grep -E "Requests/sec|  50%|  99%|Non-2xx|Socket errors" || true; }
wrk -t2 -c"$C" -d30s -s "$WORK/default.lua" "$B" > /dev/null
wrk -t2 -c"$C" -d30s -s "$WORK/keyword.lua" "$B" > /dev/null
wrk -t2 -c"$C" -d15s -s "$WORK/page.lua" "$B" > /dev/null
for r in $(seq 1 "$ROUNDS"); do
  echo "== round $r, default mode, $(uptime | sed 's/.*load/load/')"; run 20s "$WORK/default.lua"
  echo "== round $r, keyword mode"; run 20s "$WORK/keyword.lua"
  echo "== round $r, PostgreSQL full-text search"
  CONNECTIONS=$C SECONDS_RUN=20 bench/pg-fts.sh "${QUERIES[@]}" | grep -E "tps|p99"
done
echo "== the search page"; run 20s "$WORK/page.lua"
echo "== a static file"; wrk -t2 -c"$C" -d20s "$B/static/favicon.svg" | grep -E "Requests/sec"
echo "== requests never repeated"; run 20s "$WORK/unique.lua"
curl -s "$B/metrics" | grep '^aisx_search_kept' || true
