# The 30 search requests of the load figures (issues 17 and 21): words, and for a third of them a
# body, as "words|SDO". The same for the search API (wrk) and for PostgreSQL full-text search
# (bench/pg-fts.sh). Sourced by bench/cluster-load.sh and bench/default-vs-pg.sh, which make the
# wrk script of the search API's requests with fts_wrk_script.
# shellcheck disable=SC2034 # used by the scripts that source this file
QUERIES=(
  "artificial intelligence|" "machine learning|ITU-T" "neural network|" "risk management|"
  "management system|IEC" "cybersecurity|" "privacy|" "data quality|IEEE" "interoperability|"
  "autonomous vehicles|" "speech recognition|ITU-T" "image processing|" "smart grid|"
  "internet of things|ITU-T" "cloud computing|" "blockchain|" "robotics|IEEE" "quality of service|"
  "energy efficiency|" "network management|ITU-T" "video coding|" "wireless power|" "safety|IEC"
  "trustworthiness|" "explainability|" "bias|IEEE" "transport protocol|" "routing|IETF"
  "semiconductor test|" "functional safety|IEC")

# Prints a wrk script that sends the 30 requests to the search API in turn; EXTRA (e.g.
# "mode=keyword", or empty for the default mode) is added to each.
fts_wrk_script() { # EXTRA
  local q words sdo path
  echo "local paths = {"
  for q in "${QUERIES[@]}"; do
    words=${q%%|*}; sdo=${q#*|}
    path="/api/v1/standards?q=${words// /+}"
    [ -n "$1" ] && path="$path&$1"
    [ -n "$sdo" ] && path="$path&sdo=$sdo"
    echo "  \"$path\","
  done
  echo "}"
  echo 'local i = 0'
  echo 'request = function() i = i % #paths + 1; return wrk.format("GET", paths[i]) end'
}

# wrk over the wrk script LUA at URL: 5 s of warm-up, then SECONDS_RUN seconds at CONNECTIONS
# connections with its requests/s and latency percentiles.
fts_wrk_run() { # URL LUA
  wrk -t2 -c"$CONNECTIONS" -d5s -s "$2" "$1" > /dev/null   # warm-up
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_RUN}s" --latency -s "$2" "$1" \
    | grep -E "Requests/sec|Latency  |  50%|  90%|  99%|Non-2xx|Socket errors"
}
