#!/usr/bin/env python3
"""Draws the third training sample by the rule of src/test/resources/eval/README.md ("Third
training sample"). Reads only ids and English titles; prints the id list."""
import json

from classification_samples import corpus, ids, order, unjudged

judged = set()
for name in ("classification.json", "classification-heldout.json",
             "classification-train-2.json", "classification-heldout-2.json"):
    judged |= ids(name)
pool = order("aisx-classify-train-3:", unjudged(corpus(), judged))
print(json.dumps({"pool": len(pool), "train": [r["id"] for r in pool[:200]]}, indent=1))
