#!/usr/bin/env bash
# The attacks of issue 18 (bench/hostile.py all: chunked and slow bodies, gzip bomb and YAML
# alias/deep uploads, 125-250-word queries, //evil.example, forged X-Forwarded-For) against a
# running `serve`, under HTTP load (wrk: the 30 queries of bench/queries.txt on the search API in
# hybrid mode and on the search page), with /healthz polled every second. Then checks that every
# stored record is as it was (count and a SHA-256 over id, revision and document of every row of
# the SQLite store), that the server log has no OutOfMemoryError and the server is still up, and
# gives the server's peak RSS (VmHWM, reset just before the attacks) and its heap after a full GC.
#
#   AISX_ADMIN_EMAIL=... AISX_ADMIN_PASSWORD=... bench/attack-suite.sh PORT DATA_DIR [SERVER_LOG]
#
# GC_LOG: the server's -Xlog:gc file, for the largest heap left after a collection during the run.
# DATA_DIR is the server's --data directory (SQLite store: catalogue.db); the server's process is
# the one listening on PORT. Env: LOAD_SECONDS (60),
# LOAD_CONNECTIONS (8 on the API, half as many on the page). An admin account for the uploads:
#   AISX_PASSWORD=... java -jar target/aisx.jar user add --email E --role admin --data DATA_DIR
# Last line: PASS, or FAIL with the reasons. Loopback only; every attack is bounded (hostile.py).
set -uo pipefail
cd "$(dirname "$0")/.."
PORT=$1; DATA=$2; LOG=${3:-}
PID=$(ss -Hltnp "sport = :$PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
[ -n "$PID" ] || { echo "nothing listens on port $PORT"; exit 2; }
D=${LOAD_SECONDS:-60}
C=${LOAD_CONNECTIONS:-8}
BASE="http://127.0.0.1:$PORT"
FAIL=()
load() { uptime | sed 's/.*load average/load average/'; }

digest() { # count and SHA-256 of every stored record, read-only
  python3 - "$DATA/catalogue.db" <<'EOF'
import hashlib, sqlite3, sys
db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True, timeout=60)
h, n = hashlib.sha256(), 0
for row in db.execute("SELECT id, revision, document FROM standard ORDER BY id"):
    h.update(("%s\x00%d\x00%s\x01" % row).encode()); n += 1
print(n, h.hexdigest())
EOF
}
rss() { awk '/VmHWM|VmRSS/ {printf "%s %d MB  ", $1, $2/1024}' "/proc/$PID/status"; echo; }
heap_after_full_gc() { # the live set: heap in use right after a full collection (System.gc())
  jcmd "$PID" GC.run > /dev/null 2>&1 &&
    jcmd "$PID" GC.heap_info 2>/dev/null | awk '/heap +total/ {
      gsub(/[K,]/, ""); printf "%d MB in use of %d MB committed\n", $6 / 1024, $4 / 1024; exit }'
}
gc_log_peaks() { # from a -Xlog:gc log: the largest heap left after any collection since line $1
  tail -n +"$1" "$GC_LOG" | grep -oE 'Pause (Young|Full|Remark|Cleanup)[^)]*\)( \([^)]*\))* [0-9]+M->[0-9]+M\([0-9]+M\)' |
    awk '{ s = $NF; sub(/\(.*/, "", s); split(s, a, "->"); after = a[2] + 0; if (after > max) max = after; n++ }
         / Full/ { full++ } END { printf "%d collections, %d full; largest heap after a collection: %d MB\n", n, full, max }'
}

echo "== $(date -u +%FT%TZ) attack suite against port $PORT (pid $PID), $(load)"
read -r N_BEFORE SUM_BEFORE < <(digest)
echo "records before: $N_BEFORE ($SUM_BEFORE)"
echo "heap after a full GC, before: $(heap_after_full_gc)"
GC_LINE=$( [ -n "${GC_LOG:-}" ] && wc -l < "$GC_LOG" || echo 0 )
echo 5 > "/proc/$PID/clear_refs" 2>/dev/null || echo "(could not reset VmHWM)"
echo "RSS before: $(rss)"

WRK_OUT=$(mktemp)
( wrk -t2 -c"$C" -d"${D}s" --latency -s bench/rotate.lua "$BASE" -- /api/v1/standards > "$WRK_OUT.api" 2>&1 ) &
W1=$!
( wrk -t1 -c$(( (C + 1) / 2 )) -d"${D}s" --latency -s bench/rotate.lua "$BASE" -- /search > "$WRK_OUT.page" 2>&1 ) &
W2=$!
sleep 5 # the load is on before the attacks start
python3 bench/hostile.py "$PORT" all || FAIL+=("hostile.py (see its FAIL line above)")
wait "$W1" "$W2"
for f in api page; do
  echo "== load on $( [ $f = api ] && echo /api/v1/standards || echo /search ) (${D} s, rotating bench/queries.txt)"
  grep -E "Requests/sec|  50%|  99%|non-2xx|Socket errors" "$WRK_OUT.$f"
done
rm -f "$WRK_OUT" "$WRK_OUT.api" "$WRK_OUT.page"

echo "== after, $(load)"
echo "RSS peak during the load and attacks: $(rss)"
if kill -0 "$PID" 2> /dev/null; then
  [ -n "${GC_LOG:-}" ] && echo "GC during the load and attacks: $(gc_log_peaks $((GC_LINE + 1)))"
  echo "heap after a full GC, after: $(heap_after_full_gc)"
  code=$(curl -s -o /dev/null -m 1 -w '%{http_code} %{time_total}' "$BASE/healthz")
  echo "healthz: $code"
  [ "${code%% *}" = 200 ] || FAIL+=("healthz after: $code")
else
  FAIL+=("server $PID is gone")
fi
read -r N_AFTER SUM_AFTER < <(digest)
echo "records after: $N_AFTER ($SUM_AFTER)"
[ "$N_AFTER" = "$N_BEFORE" ] || FAIL+=("records: $N_BEFORE before, $N_AFTER after")
[ "$SUM_AFTER" = "$SUM_BEFORE" ] || FAIL+=("stored records changed")
if [ -n "$LOG" ]; then
  if grep -q OutOfMemoryError "$LOG"; then FAIL+=("OutOfMemoryError in $LOG"); fi
  echo "OutOfMemoryError in the server log: $(grep -c OutOfMemoryError "$LOG")"
fi
if [ ${#FAIL[@]} = 0 ]; then echo PASS; else echo "FAIL: ${FAIL[*]}"; exit 1; fi
