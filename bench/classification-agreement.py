#!/usr/bin/env python3
"""The agreement sample's one measurement (src/test/resources/eval/README.md, "Agreement sample"):
per dimension, the second judge's precision and recall against the training labels, strict and
lenient, and the classifier's out-of-fold figures on the same records at the shipped thresholds.

    python3 bench/classification-agreement.py oof.tsv src/test/resources/eval/classification-agreement-1.json [ID,ID,...]

The optional third argument leaves records out (those whose judges saw a sibling's labels).
"""
import csv
import json
import math
import sys

DIMS = ["vertical", "activity", "application", "concern"]
SHIPPED = {"vertical": 0.25, "activity": 0.25, "application": 0.15, "concern": 0.15}


def wilson(k, n, z=1.96):
    if n == 0:
        return (float("nan"), float("nan"))
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return c - h, c + h


def fig(k, n):
    lo, hi = wilson(k, n)
    return f"{k / n:.3f} ({lo:.2f}-{hi:.2f}; {k}/{n})" if n else "-"


probe, judged = sys.argv[1], sys.argv[2]
left_out = set(sys.argv[3].split(",")) if len(sys.argv) > 3 else set()  # records not judged blind
second = {r["id"]: r for r in json.load(open(judged, encoding="utf-8"))["records"] if r["id"] not in left_out}
first = {}  # (id, dim, concept) -> (gold, maybe, p)
with open(probe, encoding="utf-8") as f:
    for r in csv.DictReader(f, delimiter="\t"):
        if r["id"] in second:
            first[(r["id"], r["dim"], r["concept"])] = (int(r["gold"]), int(r["maybe"]), float(r["p"]))
ids = sorted(second)
assert len(ids) == 100 - len(left_out) and {k[0] for k in first} == set(ids), "every sampled record in the probe"

print("| dimension | pairs judged positive: first, second | second judge against the first: P / R (strict) | lenient P / R | classifier out of fold: P / R (strict) | lenient P |")
print("|---|---|---|---|---|---|")
for dim in DIMS:
    keys = [k for k in first if k[1] == dim]
    g1 = {k for k in keys if first[k][0]}
    m1 = {k for k in keys if first[k][1]}
    g2 = {(i, dim, c) for i in ids for c in second[i].get(dim, [])}
    m2 = {(i, dim, c) for i in ids for c in second[i].get("maybe", {}).get(dim, [])}
    unknown = g2 - set(keys)
    assert not unknown, f"concepts not in the probe: {sorted(unknown)[:5]}"
    shown = {k for k in keys if first[k][2] >= SHIPPED[dim]}
    print(f"| {dim} | {len(g1)}, {len(g2)} | {fig(len(g2 & g1), len(g2))} / {fig(len(g2 & g1), len(g1))} "
          f"| {fig(len(g2 & (g1 | m1)), len(g2))} / {fig(len(g1 & (g2 | m2)), len(g1))} "
          f"| {fig(len(shown & g1), len(shown))} / {fig(len(shown & g1), len(g1))} | {fig(len(shown & (g1 | m1)), len(shown))} |")
