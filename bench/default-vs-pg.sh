#!/usr/bin/env bash
# The search API of a running server, in its default mode (hybrid) and in keyword mode, against
# PostgreSQL full-text search over the same 30 requests (bench/fts-queries.sh), at the same number
# of connections, one after the other on the same machine (issue 21 item 4, issue 17 item 6).
#
#   SCHEMA=aisx_full bench/default-vs-pg.sh http://127.0.0.1:7331 [CONNECTIONS] [SECONDS]
#
# SCHEMA holds the same catalogue as the server's store, as bench/pg-fts.sh expects (a `standard`
# table with the records' JSON documents). Prints wrk's requests/s and latency percentiles for each
# mode, then pgbench's, with the load average before each run.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/fts-queries.sh
B=$1; C=${2:-8}; D=${3:-20}
WORK=$(mktemp -d /tmp/aisx-default-vs-pg.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
for mode in default keyword; do
  lua="$WORK/$mode.lua"
  if [ "$mode" = keyword ]; then fts_wrk_script mode=keyword; else fts_wrk_script ""; fi > "$lua"
  echo "== $mode mode, $C connections, ${D}s, $(uptime | sed 's/.*load/load/')"
  CONNECTIONS=$C SECONDS_RUN=$D fts_wrk_run "$B" "$lua"
done
echo "== PostgreSQL full-text search, $C connections, ${D}s, $(uptime | sed 's/.*load/load/')"
CONNECTIONS=$C SECONDS_RUN=$D bench/pg-fts.sh "${QUERIES[@]}"
