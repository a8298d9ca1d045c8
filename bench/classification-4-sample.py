#!/usr/bin/env python3
"""Draws the third held-out classification sample by the rule of
src/test/resources/eval/README.md ("Third held-out sample"). Reads only ids and English titles;
prints the id list."""
import hashlib
import json
import re
import sys

EVAL = "src/test/resources/eval/"
corpus = sys.argv[1] if len(sys.argv) > 1 else "src/main/resources/corpus/starter.json"
records = json.load(open(corpus, encoding="utf-8"))["records"]


def norm(record):
    return re.sub(r"[^a-z0-9]", "", (record.get("title") or {}).get("en", "").lower())


def ids(name):
    return {r["id"] for r in json.load(open(EVAL + name, encoding="utf-8"))["records"]}


by_id = {r["id"]: r for r in records}
judged = set()
for name in ("classification.json", "classification-heldout.json",
             "classification-train-2.json", "classification-train-3.json",
             "classification-heldout-2.json"):
    judged |= ids(name)
taken = {norm(by_id[i]) for i in judged if i in by_id}
pool = [r for r in records if r["id"] not in judged and norm(r) not in taken]
pool.sort(key=lambda r: hashlib.sha256(("aisx-classify-heldout-3:" + r["id"]).encode()).hexdigest())
print(json.dumps({"pool": len(pool), "heldout": [r["id"] for r in pool]}, indent=1))
