#!/usr/bin/env python3
"""Draws the seventh held-out classification sample by the rule of
src/test/resources/eval/README.md ("Seventh held-out sample"): records of the whole shared-feed
import outside the corpus and outside the AI census's fully read pool, ordered by salted SHA-256,
the first 150. Writes their catalogue documents.

    python3 bench/classification-8-sample.py CATALOGUE.db OUT.json
"""
import json
import sqlite3
import sys

from classification_samples import census_documents, norm, order

SIZE = 150


def main(db, out):
    corpus = json.load(open("src/main/resources/corpus/starter.json", encoding="utf-8"))["records"]
    census = census_documents(db)
    taken_ids = {r["id"] for r in corpus} | set(census)
    taken_titles = ({norm(r) for r in corpus} | {norm(d) for d in census.values()}) - {""}
    con = sqlite3.connect("file:" + db + "?mode=ro", uri=True)
    rest = []
    for rid, doc in con.execute("select id, document from standard"):
        if rid in taken_ids:
            continue
        d = json.loads(doc)
        if norm(d) not in taken_titles:
            rest.append(d)
    drawn = order("aisx-classify-heldout-7:", rest)[:SIZE]
    print(json.dumps({"rest": len(rest), "drawn": len(drawn)}), file=sys.stderr)
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"records": drawn}, f, ensure_ascii=False, indent=1, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
