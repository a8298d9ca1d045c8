#!/usr/bin/env bash
# HTTP load on the real server: starts target/aisx.jar on a fresh data directory (the bundled
# corpus), then runs wrk against the search API, a search page and a record page.
# Usage: bench/http-load.sh [threads] [connections] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
T=${1:-2}; C=${2:-16}; D=${3:-20}
PORT=${PORT:-7199}
DATA=$(mktemp -d)
trap 'kill $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT
java -Xmx1g -jar target/aisx.jar serve --port "$PORT" --data "$DATA" > "$DATA/serve.log" 2>&1 &
PID=$!
for _ in $(seq 1 120); do curl -sf "http://localhost:$PORT/healthz" >/dev/null && break; sleep 0.5; done
curl -s "http://localhost:$PORT/healthz"; echo
BASE="http://localhost:$PORT"
for path in \
  "/api/v1/standards?q=management+system&sdo=ISO%2FIEC" \
  "/api/v1/standards?q=machine+learning+network" \
  "/api/v1/standards?q=42001" \
  "/api/v1/standards" \
  "/search?q=management+system&sdo=ISO%2FIEC" \
  "/standards/iso-iec-42001-2023"; do
  # warm up, then measure
  wrk -t"$T" -c"$C" -d3s "$BASE$path" > /dev/null
  echo "== $path"
  wrk -t"$T" -c"$C" -d"${D}s" --latency "$BASE$path" | grep -E "Requests/sec|Latency  |  50%|  99%|Non-2xx"
done
