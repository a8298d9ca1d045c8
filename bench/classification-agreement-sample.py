#!/usr/bin/env python3
"""Draws the agreement sample by the rule of src/test/resources/eval/README.md ("Agreement sample")
and writes the judges' two batches: the records' texts only, and the calibration examples.

    java -cp $CP org.aisx.classify.ConceptModelProbe oof.tsv
    python3 bench/classification-agreement-sample.py oof.tsv OUTDIR
"""
import csv
import json
import os
import sys

from classification_samples import EVAL, norm, order

probe, out = sys.argv[1], sys.argv[2]
ids = set()
with open(probe, encoding="utf-8") as f:
    for row in csv.DictReader(f, delimiter="\t"):
        if row["tier"] in ("CORE", "ADJACENT"):
            ids.add(row["id"])
records = {r["id"]: r for r in json.load(open("src/main/resources/corpus/starter.json", encoding="utf-8"))["records"]}
missing = sorted(i for i in ids if i not in records)
if missing:
    sys.exit(f"not in the corpus: {missing}")
sample = order("aisx-classify-agreement-1:", [records[i] for i in ids])[:100]
print(json.dumps({"pool": len(ids), "sample": [r["id"] for r in sample]}))

TEXT = ("id", "identifier", "sdo", "type", "title", "abstract", "keywords")
taken = {r["id"] for r in sample}
titles = {norm(r) for r in sample}
calibration = []
for name in ("classification.json", "classification-heldout.json"):
    for r in json.load(open(EVAL + name, encoding="utf-8"))["records"]:
        rec = records.get(r["id"])
        if r["id"] in taken or (rec is not None and norm(rec) in titles):
            continue
        example = {k: rec[k] for k in TEXT if rec is not None and k in rec}
        example.update({k: r[k] for k in r if k not in ("judge",)})
        calibration.append(example)
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "calibration.json"), "w", encoding="utf-8") as f:
    json.dump({"records": calibration}, f, ensure_ascii=False, indent=1)
for n, batch in enumerate((sample[:50], sample[50:]), start=1):
    with open(os.path.join(out, f"batch-{n}.json"), "w", encoding="utf-8") as f:
        json.dump({"records": [{k: r[k] for k in TEXT if k in r} for r in batch]}, f, ensure_ascii=False, indent=1)
print(f"calibration examples: {len(calibration)}", file=sys.stderr)
