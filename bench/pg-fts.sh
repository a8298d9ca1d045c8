#!/usr/bin/env bash
# The search API's questions answered by PostgreSQL full-text search, as a user would build it
# (issue 17 item 6, issue 21): a tsvector column (identifier and English title weighted A, abstract
# C) with a GIN index, ts_rank ordering, the exact total, and one GROUP BY per facet (body, status,
# type) over the hits; run with pgbench at CONNECTIONS connections for SECONDS_RUN seconds.
#
#   SCHEMA=aisx_bench bench/pg-fts.sh "words|SDO" ...   # SDO may be empty; e.g. "machine learning|ITU-T"
#
# The catalogue is the aisx store in SCHEMA (java -jar target/aisx.jar import --db ...); the table
# fts_doc is derived from it on first use. Prints transactions/s and latency p50, p90, p99 (from
# pgbench's per-transaction log).
set -euo pipefail
PG=${PG:-host=127.0.0.1 user=postgres dbname=test}
SCHEMA=${SCHEMA:-aisx_bench}
C=${CONNECTIONS:-8}
D=${SECONDS_RUN:-30}
WORK=$(mktemp -d /tmp/aisx-pgfts.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
export PGOPTIONS="-c search_path=$SCHEMA"

if [ "$(psql "$PG" -tAc "SELECT to_regclass('$SCHEMA.fts_doc') IS NOT NULL")" != t ]; then
  echo "   building $SCHEMA.fts_doc (tsvector + GIN) from $SCHEMA.standard"
  psql "$PG" -q <<SQL
CREATE TABLE fts_doc AS
  SELECT id,
         document::jsonb ->> 'identifier' AS identifier,
         document::jsonb -> 'title' ->> 'en' AS title,
         document::jsonb ->> 'sdo' AS sdo,
         document::jsonb ->> 'status' AS status,
         document::jsonb ->> 'type' AS type,
         setweight(to_tsvector('english', coalesce(document::jsonb ->> 'identifier', '') || ' '
                                          || coalesce(document::jsonb -> 'title' ->> 'en', '')), 'A')
         || setweight(to_tsvector('english', coalesce(document::jsonb -> 'abstract' ->> 'en', '')), 'C')
           AS tsv
  FROM standard;
CREATE INDEX fts_doc_tsv ON fts_doc USING GIN (tsv);
CREATE INDEX fts_doc_sdo ON fts_doc (sdo);
ANALYZE fts_doc;
SQL
fi

ARGS=()
n=0
for q in "$@"; do
  words=${q%%|*}; sdo=${q#*|}
  filter=""
  [ -n "$sdo" ] && filter="AND sdo = '$sdo'"
  n=$((n + 1))
  cat > "$WORK/q$n.sql" <<SQL
WITH q AS (SELECT websearch_to_tsquery('english', '$words') AS q),
hits AS (SELECT d.id, d.identifier, d.title, d.sdo, d.status, d.type, ts_rank(d.tsv, q.q) AS rank
         FROM fts_doc d, q WHERE d.tsv @@ q.q $filter)
SELECT (SELECT json_agg(t) FROM (SELECT id, identifier, title FROM hits ORDER BY rank DESC, id LIMIT 20) t) AS items,
       (SELECT COUNT(*) FROM hits) AS total,
       (SELECT json_agg(f) FROM (SELECT sdo, COUNT(*) FROM hits GROUP BY sdo ORDER BY 2 DESC) f) AS sdo,
       (SELECT json_agg(f) FROM (SELECT status, COUNT(*) FROM hits GROUP BY status ORDER BY 2 DESC) f) AS status,
       (SELECT json_agg(f) FROM (SELECT type, COUNT(*) FROM hits GROUP BY type ORDER BY 2 DESC) f) AS type;
SQL
  ARGS+=(-f "$WORK/q$n.sql@1")
done
# Warm-up, then the measured run with a per-transaction log.
pgbench -h 127.0.0.1 -U postgres -n -c "$C" -j 2 -T 5 "${ARGS[@]}" test > /dev/null
(cd "$WORK" && pgbench -h 127.0.0.1 -U postgres -n -c "$C" -j 2 -T "$D" -l --log-prefix=pgb "${ARGS[@]}" test) \
  | grep -E "^(tps|latency average|number of failed)"
cat "$WORK"/pgb.* | awk '{print $3}' | sort -n > "$WORK/lat"
N=$(wc -l < "$WORK/lat")
pct() { sed -n "$(( ($1 * N + 99) / 100 ))p" "$WORK/lat" | awk '{printf "%.1f ms", $1/1000}'; }
echo "   transactions $N, p50 $(pct 50), p90 $(pct 90), p99 $(pct 99)"
