#!/usr/bin/env python3
"""Draws the second classification samples (training and held-out) by the fixed rule of
src/test/resources/eval/README.md, "Second classification samples". Reads only ids and English
titles; prints the two id lists. Usage: bench/classification-2-sample.py [starter.json]"""
import hashlib
import json
import re
import sys

EVAL = "src/test/resources/eval/"
corpus = sys.argv[1] if len(sys.argv) > 1 else "src/main/resources/corpus/starter.json"
records = json.load(open(corpus, encoding="utf-8"))["records"]


def norm(record):
    return re.sub(r"[^a-z0-9]", "", (record.get("title") or {}).get("en", "").lower())


def order(salt, pool):
    return sorted(pool, key=lambda r: hashlib.sha256((salt + r["id"]).encode()).hexdigest())


earlier = {r["id"] for f in ("classification.json", "classification-heldout.json")
           for r in json.load(open(EVAL + f, encoding="utf-8"))["records"]}
by_id = {r["id"]: r for r in records}
taken_titles = {norm(by_id[i]) for i in earlier if i in by_id}
pool = [r for r in records if r["id"] not in earlier and norm(r) not in taken_titles]
train = order("aisx-classify-train-2:", pool)[:200]
train_titles = {norm(r) for r in train}
rest = [r for r in pool if r not in train and norm(r) not in train_titles]
heldout = order("aisx-classify-heldout-2:", rest)[:120]
print(json.dumps({"pool": len(pool), "rest": len(rest),
                  "train": [r["id"] for r in train],
                  "heldout": [r["id"] for r in heldout]}, indent=1))
