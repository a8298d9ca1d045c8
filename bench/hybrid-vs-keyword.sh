#!/usr/bin/env bash
# Keyword vs hybrid (default) vs the HTML search page, over the same 30 queries (bench/queries.txt,
# rotated by bench/rotate.lua), on a server already running at $1 (e.g. http://localhost:7291).
# Usage: bench/hybrid-vs-keyword.sh BASE [connections] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
B=$1; C=${2:-8}; D=${3:-15}
wrk -t2 -c"$C" -d5s -s bench/rotate.lua "$B" -- /api/v1/standards > /dev/null   # warm-up
for kind in "keyword|/api/v1/standards|mode=keyword" "hybrid|/api/v1/standards|" "page|/search|"; do
  IFS='|' read -r name path extra <<< "$kind"
  echo "== $name $(uptime | sed 's/.*load/load/')"
  wrk -t2 -c"$C" -d"${D}s" --latency -s bench/rotate.lua "$B" -- "$path" "$extra" \
    | grep -E "Requests/sec|  50%|  99%|non-2xx"
done
