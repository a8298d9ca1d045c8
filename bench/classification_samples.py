"""What the classification sample scripts share (src/test/resources/eval/README.md): the bundled
corpus, the normalised English title that groups a document's drafts and editions, the ids of a
judged sample, and the fixed order by salted SHA-256."""
import hashlib
import json
import re
import sqlite3
import sys

EVAL = "src/test/resources/eval/"


def corpus():
    path = sys.argv[1] if len(sys.argv) > 1 else "src/main/resources/corpus/starter.json"
    return json.load(open(path, encoding="utf-8"))["records"]


def norm(record):
    return re.sub(r"[^a-z0-9]", "", (record.get("title") or {}).get("en", "").lower())


def ids(name):
    return {r["id"] for r in json.load(open(EVAL + name, encoding="utf-8"))["records"]}


def order(salt, pool):
    return sorted(pool, key=lambda r: hashlib.sha256((salt + r["id"]).encode()).hexdigest())


def unjudged(records, judged):
    """The records not in `judged` (ids) and not a version (same normalised title) of one."""
    by_id = {r["id"]: r for r in records}
    taken = {norm(by_id[i]) for i in judged if i in by_id}
    return [r for r in records if r["id"] not in judged and norm(r) not in taken]


def census_documents(db):
    """The catalogue documents (a whole shared-feed import's, read-only) of the records the AI
    census read in full (ai-census-judged-1.json to -4.json), by id, in id order."""
    pool = set()
    for n in range(1, 5):
        pool |= {r["id"] for r in json.load(open(f"{EVAL}ai-census-judged-{n}.json", encoding="utf-8"))["records"]}
    con = sqlite3.connect("file:" + db + "?mode=ro", uri=True)
    docs = {}
    for rid in sorted(pool):
        row = con.execute("select document from standard where id = ?", (rid,)).fetchone()
        if row is None:
            sys.exit(f"census record {rid} is not in the catalogue {db}")
        docs[rid] = json.loads(row[0])
    return docs
