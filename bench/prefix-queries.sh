#!/usr/bin/env bash
# Four-prefix queries (the costliest kind a search takes), each new to the server, keyword and
# hybrid, timed by curl on a fresh copy of a data directory: prints jar tag, round, mode, query,
# status, seconds, total. usage: bench/prefix-queries.sh JAR TAG ROUND DATA_DIR [SCRATCH_DIR]
JAR=$1; TAG=$2; ROUND=$3; DATA=$4; OUT=${5:-/tmp}
set -u
rm -rf "$OUT/run" && cp -a "$DATA" "$OUT/run"
java -Xmx1536m -jar $JAR serve --port 7480 --data $OUT/run > $OUT/server-$TAG-$ROUND.log 2>&1 &
PID=$!
for i in $(seq 1 120); do sleep 2; t=$(curl -s 'http://127.0.0.1:7480/api/v1/standards?q=management&size=1&mode=keyword' | python3 -c 'import sys,json; print(json.load(sys.stdin)["total"])' 2>/dev/null); [ -n "$t" ] && [ "$t" -gt 0 ] && break; done
# warm-up: words and prefixes not used below
for q in "network" "safety" "quality management" "ele* vid*" "aut* veh*"; do curl -s -o /dev/null "http://127.0.0.1:7480/api/v1/standards?mode=keyword&q=$(python3 -c "import urllib.parse,sys;print(urllib.parse.quote(sys.argv[1]))" "$q")"; done
python3 - <<'PY' > $OUT/queries.txt
import random
P="con pro int sta com man inf sys tec dat app ser req des gen met ope str mea tes eva ass per dev"
P=P.split(); r=random.Random(7)
seen=set()
while len(seen)<12:
    q=" ".join(p+"*" for p in r.sample(P,4))
    seen.add(q)
for q in sorted(seen): print(q)
PY
while read -r q; do
  enc=$(python3 -c "import urllib.parse,sys;print(urllib.parse.quote(sys.argv[1]))" "$q")
  for mode in keyword hybrid; do
    out=$(curl -s -o $OUT/body -w '%{http_code} %{time_total}' --max-time 120 "http://127.0.0.1:7480/api/v1/standards?mode=$mode&q=$enc")
    tot=$(python3 -c 'import sys,json; print(json.load(open(sys.argv[1]))["total"])' "$OUT/body" 2>/dev/null)
    echo -e "$TAG\t$ROUND\t$mode\t$q\t$out\t$tot"
  done
done < $OUT/queries.txt
kill $PID; wait $PID 2>/dev/null
