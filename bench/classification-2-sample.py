#!/usr/bin/env python3
"""Draws the second classification samples (training and held-out) by the fixed rule of
src/test/resources/eval/README.md, "Second classification samples". Reads only ids and English
titles; prints the two id lists. Usage: bench/classification-2-sample.py [starter.json]"""
import json

from classification_samples import corpus, ids, norm, order, unjudged

records = corpus()
pool = unjudged(records, ids("classification.json") | ids("classification-heldout.json"))
train = order("aisx-classify-train-2:", pool)[:200]
train_titles = {norm(r) for r in train}
rest = [r for r in pool if r not in train and norm(r) not in train_titles]
heldout = order("aisx-classify-heldout-2:", rest)[:120]
print(json.dumps({"pool": len(pool), "rest": len(rest),
                  "train": [r["id"] for r in train],
                  "heldout": [r["id"] for r in heldout]}, indent=1))
