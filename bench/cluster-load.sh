#!/usr/bin/env bash
# Load figures for several nodes (issue 17 item 6), all in one run so that the ratios count:
#   1. the search API through nginx (deploy/nginx.conf) to one node, then to two nodes, over one
#      PostgreSQL catalogue (30 queries rotating, wrk), in each of MODES: keyword (what full-text
#      search does) and default (hybrid, the mode users get), each after WARMUP seconds of its
#      own requests;
#   2. the same 30 queries answered by PostgreSQL full-text search (bench/pg-fts.sh: tsvector +
#      GIN + GROUP BY facets), with pgbench at the same number of connections;
#   3. memory (RSS) per node after the load, and how many topic clusterings each node computed;
#   4. start to first page: a node restarted on its existing data directory, until /search answers.
# `uptime` is printed with each figure: the machine may be shared.
#
#   bench/cluster-load.sh [FEED...]    # default: the ITU-T, IEC, IEEE and RFC feeds in ../shared/data
#
# Env: PG (psql connection, default "host=127.0.0.1 user=postgres dbname=test"), SCHEMA
# (aisx_bench; the catalogue is imported into it once and kept, KEEP_SCHEMA=0 drops it at the end),
# CONNECTIONS (8), SECONDS_RUN (30), JAR (target/aisx.jar), XMX (1g; 1536m for the whole
# shared-feed catalogue, as bin/aisx documents), MODES ("keyword default"), WARMUP (5 s per mode
# and upstream set), SETTLE (0: seconds to wait after the nodes answer, for their start-up work).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/nginx-front.sh
PG=${PG:-host=127.0.0.1 user=postgres dbname=test}
SCHEMA=${SCHEMA:-aisx_bench}
C=${CONNECTIONS:-8}
D=${SECONDS_RUN:-30}
JAR=${JAR:-target/aisx.jar}
XMX=${XMX:-1g}
MODES=${MODES:-keyword default}
WARMUP=${WARMUP:-5}
DB="jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=$SCHEMA"
if [ $# -gt 0 ]; then FEEDS=("$@"); else
  FEEDS=(../shared/data/relaton-itu-t.yaml.gz ../shared/data/relaton-iec.yaml.gz
         ../shared/data/relaton-ieee.yaml.gz ../shared/data/rfc-index.txt.gz)
fi
WORK=$(mktemp -d /tmp/aisx-cluster.XXXXXX)
PIDS=()
cleanup() {
  nginx_stop "$WORK/nginx"
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ "${KEEP_SCHEMA:-1}" = 1 ] || psql "$PG" -qc "DROP SCHEMA $SCHEMA CASCADE" || true
  mkdir -p "$WORK.logs" && cp "$WORK"/*.log "$WORK.logs/" 2>/dev/null && echo "node logs kept in $WORK.logs"
  rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
load() { echo "   load: $(uptime | sed 's/.*load average/load average/')"; }

psql "$PG" -qc "CREATE SCHEMA IF NOT EXISTS $SCHEMA"
RECORDS=$(psql "$PG" -tAc "SELECT COUNT(*) FROM $SCHEMA.standard" 2>/dev/null || echo 0)
if [ "$RECORDS" = 0 ]; then
  echo "== importing ${FEEDS[*]} into PostgreSQL schema $SCHEMA"
  /usr/bin/time -f "   import: wall %e s, max RSS %M KB" \
    java -Xmx$XMX -jar "$JAR" import --db "$DB" --data "$WORK/import" "${FEEDS[@]}" | tail -3
  RECORDS=$(psql "$PG" -tAc "SELECT COUNT(*) FROM $SCHEMA.standard")
fi
echo "== catalogue: $RECORDS records"

# The 30 queries: words (and, for a third of them, a body), the same for the API and for SQL.
. bench/fts-queries.sh
fts_wrk_script mode=keyword > "$WORK/keyword.lua"
fts_wrk_script "" > "$WORK/default.lua"

start_node() { # name port -> pid; waits for /healthz
  local name=$1 port=$2
  # As bin/aisx starts it: the vector module for the int8 scan of searches by meaning.
  java -Xmx$XMX --add-modules jdk.incubator.vector -jar "$JAR" serve --db "$DB" --data "$WORK/$name" --port "$port" --behind-proxy yes \
    > "$WORK/$name.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 1200); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
  echo $pid
}
first_page() { # port: seconds since $START until the search page answers 200
  local port=$1
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/search?q=machine+learning")" = 200 ]; do
    sleep 0.05
  done
  echo "$(( $(date +%s%N) - START ))" | awk '{printf "%.1f", $1/1e9}'
}

PA=$(free_port); PB=$(free_port); PX=$(free_port)
echo "== starting node A (builds its index from the store)"; START=$(date +%s%N)
A=$(start_node a "$PA"); PIDS+=("$A"); echo "   node A first page after $(first_page "$PA") s (index built from $RECORDS records)"; load
echo "== starting node B"; START=$(date +%s%N)
B=$(start_node b "$PB"); PIDS+=("$B"); echo "   node B first page after $(first_page "$PB") s"; load

run_wrk() { # label: each mode in MODES after WARMUP seconds of its own requests
  local mode
  for mode in $MODES; do
    echo "== $1, $mode mode: search API through nginx, $C connections, ${D}s"
    wrk -t2 -c"$C" -d"${WARMUP}s" -s "$WORK/$mode.lua" "http://127.0.0.1:$PX" > /dev/null
    CONNECTIONS=$C SECONDS_RUN=$D fts_wrk_run "http://127.0.0.1:$PX" "$WORK/$mode.lua"
    load
  done
}
if [ "${SETTLE:-0}" != 0 ]; then echo "== settling ${SETTLE}s"; sleep "$SETTLE"; load; fi
nginx_front "$WORK/nginx" "$PX" "$PA"
nginx_start "$WORK/nginx"
run_wrk "one node"
nginx_front "$WORK/nginx" "$PX" "$PA" "$PB"
nginx_reload "$WORK/nginx"; sleep 1
run_wrk "two nodes"

echo "== PostgreSQL full-text search, the same 30 queries, $C connections, ${D}s"
SCHEMA=$SCHEMA PG="$PG" CONNECTIONS=$C SECONDS_RUN=$D bench/pg-fts.sh "${QUERIES[@]}"
load

echo "== memory per node after the load (RSS), and topic clusterings each computed (one node computes)"
for p in "$A" "$B"; do echo "   pid $p: $(( $(ps -o rss= -p "$p") / 1024 )) MB"; done
for port in "$PA" "$PB"; do
  echo "   port $port: $(curl -s "http://127.0.0.1:$port/metrics" | grep '^aisx_topics_computations_total' || echo 'no topics counter')"
done

echo "== start to first page, node A restarted on its existing data directory"
kill "$A"; wait "$A" 2>/dev/null || true
START=$(date +%s%N)
A=$(start_node a "$PA"); PIDS+=("$A"); echo "   node A first page after $(first_page "$PA") s"; load
