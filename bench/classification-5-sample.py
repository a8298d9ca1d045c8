#!/usr/bin/env python3
"""Draws the fourth held-out classification sample by the rule of
src/test/resources/eval/README.md ("Fourth held-out sample"). Reads only ids and English titles;
prints the id list."""
import json

from classification_samples import corpus, ids, order, unjudged

judged = set()
for name in ("classification.json", "classification-heldout.json",
             "classification-train-2.json", "classification-train-3.json",
             "classification-heldout-2.json", "classification-heldout-3.json"):
    judged |= ids(name)
pool = order("aisx-classify-heldout-4:", unjudged(corpus(), judged))
print(json.dumps({"pool": len(pool), "heldout": [r["id"] for r in pool]}, indent=1))
