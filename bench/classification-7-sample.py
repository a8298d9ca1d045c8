#!/usr/bin/env python3
"""Draws the sixth held-out and the fourth training classification samples by the rule of
src/test/resources/eval/README.md ("Sixth held-out sample and fourth training sample"), from the
pool of the fifth (bench/classification-6-sample.py). Writes the drawn records' catalogue
documents (as the whole shared-feed import stored them).

    python3 bench/classification-7-sample.py CATALOGUE.db HELDOUT.json TRAIN.json
"""
import json
import sys

from classification_samples import EVAL, census_documents, norm, order

SIZE = 150


def main(db, heldout_out, train_out):
    corpus = json.load(open("src/main/resources/corpus/starter.json", encoding="utf-8"))["records"]
    five = json.load(open(EVAL + "classification-heldout-5-records.json", encoding="utf-8"))["records"]
    taken_ids = {r["id"] for r in corpus} | {r["id"] for r in five}
    taken_titles = ({norm(r) for r in corpus} | {norm(r) for r in five}) - {""}
    docs = census_documents(db)
    rest = [d for rid, d in docs.items() if rid not in taken_ids and norm(d) not in taken_titles]
    heldout = order("aisx-classify-heldout-6:", rest)[:SIZE]
    held_titles = {norm(r) for r in heldout} - {""}
    held_ids = {r["id"] for r in heldout}
    train = [d for d in order("aisx-classify-train-4:", rest)
             if d["id"] not in held_ids and norm(d) not in held_titles]
    print(json.dumps({"pool": len(docs), "rest": len(rest), "heldout": len(heldout), "train": len(train)}),
          file=sys.stderr)
    for out, records in ((heldout_out, heldout), (train_out, train)):
        with open(out, "w", encoding="utf-8") as f:
            json.dump({"records": records}, f, ensure_ascii=False, indent=1, sort_keys=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
