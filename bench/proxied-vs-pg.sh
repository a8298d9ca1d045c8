#!/usr/bin/env bash
# Two running servers (e.g. two builds over copies of one data directory) each behind its own
# nginx (deploy/nginx.conf), against PostgreSQL full-text search, in one run so that the ratios
# count (issue 17 item 6): the 30 requests of bench/fts-queries.sh, 30 s of each mode on each
# server as warm-up, then ROUNDS rounds of: server A default, B default, A keyword, B keyword,
# PostgreSQL; 20 s each at CONNECTIONS connections, with the load average.
#
#   SCHEMA=aisx_full bench/proxied-vs-pg.sh http://127.0.0.1:PORT_A http://127.0.0.1:PORT_B [ROUNDS]
#
# SCHEMA holds the same catalogue as the servers' store (see bench/pg-fts.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/fts-queries.sh
. bench/nginx-front.sh
A=$1; B=$2; ROUNDS=${3:-2}; C=${CONNECTIONS:-8}
WORK=$(mktemp -d /tmp/aisx-proxied.XXXXXX)
trap 'nginx_stop "$WORK/a"; nginx_stop "$WORK/b"; rm -rf "$WORK"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
XA=$(free_port); XB=$(free_port)
nginx_front "$WORK/a" "$XA" "${A##*:}"; nginx_start "$WORK/a"
nginx_front "$WORK/b" "$XB" "${B##*:}"; nginx_start "$WORK/b"
PA=http://127.0.0.1:$XA; PB=http://127.0.0.1:$XB
fts_wrk_script "" > "$WORK/default.lua"
fts_wrk_script mode=keyword > "$WORK/keyword.lua"
run() { wrk -t2 -c"$C" -d"$1" --latency -s "$2" "$3" | grep -E "Requests/sec|  99%|Non-2xx|Socket errors" | tr -s ' ' | tr '\n' ' '; echo; }
for u in "$PA" "$PB"; do
  for m in default keyword; do wrk -t2 -c"$C" -d30s -s "$WORK/$m.lua" "$u" > /dev/null; done
done
for r in $(seq 1 "$ROUNDS"); do
  echo "== round $r, $(uptime | sed 's/.*load/load/')"
  for m in default keyword; do
    echo "   A ($A) through nginx, $m: $(run 20s "$WORK/$m.lua" "$PA")"
    echo "   B ($B) through nginx, $m: $(run 20s "$WORK/$m.lua" "$PB")"
  done
  echo "   PostgreSQL full-text search: $(CONNECTIONS=$C SECONDS_RUN=20 bench/pg-fts.sh "${QUERIES[@]}" | grep -E "tps|p99" | tr -s ' ' | tr '\n' ' ')"
done
echo "== after, $(uptime | sed 's/.*load/load/')"
