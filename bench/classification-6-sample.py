#!/usr/bin/env python3
"""Draws the fifth held-out classification sample by the rule of
src/test/resources/eval/README.md ("Fifth held-out sample"): the records the AI census read in
full, less the bundled corpus and drafts or editions of its documents, ordered by salted SHA-256,
the first 150. Reads only ids and English titles to draw; then writes the drawn records'
catalogue documents (as the whole shared-feed import stored them) to OUT.

    python3 bench/classification-6-sample.py CATALOGUE.db OUT.json
"""
import json
import sys

from classification_samples import census_documents, norm, order

SIZE = 150


def main(db, out):
    corpus = json.load(open("src/main/resources/corpus/starter.json", encoding="utf-8"))["records"]
    corpus_ids = {r["id"] for r in corpus}
    corpus_titles = {norm(r) for r in corpus} - {""}
    docs = census_documents(db)
    left = [d for rid, d in docs.items() if rid not in corpus_ids and norm(d) not in corpus_titles]
    drawn = order("aisx-classify-heldout-5:", left)[:SIZE]
    print(json.dumps({"pool": len(docs), "outside corpus": len(left), "drawn": len(drawn)}), file=sys.stderr)
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"records": drawn}, f, ensure_ascii=False, indent=1, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
