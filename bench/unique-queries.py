#!/usr/bin/env python3
"""Distinct search requests for the search API, none repeated (issue 21): the cost of a query the
service has not seen, where bench/fts-queries.sh's 30 requests repeat.

Usage: bench/unique-queries.py DATA_DIR [COUNT] [EXTRA] > unique.lua
       wrk -t2 -c8 -d20s -s unique.lua http://127.0.0.1:PORT

The rule, fixed before any run: the records of the embedded store in DATA_DIR ordered by id, every
k-th (k = records // COUNT), each giving the first five words of its English title as the query
words; EXTRA (e.g. "mode=keyword") is added to every request. wrk's threads each start at their own
offset and step through the list once; a run that sends more requests than COUNT repeats queries,
so COUNT must exceed what the run sends (the script prints the count to stderr).
"""

import re
import sqlite3
import sys
import urllib.parse

data, count = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 20000
extra = sys.argv[3] if len(sys.argv) > 3 else ""
db = sqlite3.connect(f"file:{data}/catalogue.db?mode=ro", uri=True)
ids = [r[0] for r in db.execute("SELECT id FROM standard ORDER BY id")]
step = max(1, len(ids) // count)
queries, seen = [], set()
for i in range(0, len(ids), step):
    (doc,) = db.execute(
        "SELECT json_extract(document, '$.title.en') FROM standard WHERE id = ?", (ids[i],)
    ).fetchone()
    words = re.findall(r"[A-Za-z][A-Za-z-]+", doc or "")[:5]
    q = " ".join(words).lower()
    if len(words) >= 2 and q not in seen:
        seen.add(q)
        queries.append(q)
print(f"{len(queries)} distinct queries", file=sys.stderr)
print("local paths = {")
for q in queries:
    path = "/api/v1/standards?q=" + urllib.parse.quote_plus(q) + (("&" + extra) if extra else "")
    print(f'  "{path}",')
print("}")
print("local counter = 0")
print("function setup(thread) thread:set('offset', counter * math.floor(#paths / 2)); counter = counter + 1 end")
print("local i = 0")
print("request = function() i = i + 1; return wrk.format('GET', paths[(offset + i) % #paths + 1]) end")
