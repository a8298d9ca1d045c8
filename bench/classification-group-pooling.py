#!/usr/bin/env python3
"""Session 38's idea (BENCHMARKS.md, "Classification suggestions"): a record's out-of-fold
probability for a concept pooled with its group's (a document's drafts and editions, the training
pipeline's group key): p' = (p + mean of the group's others) / 2; a record alone keeps p.
Prints, for records the AI tier takes, each dimension's precision and recall at the threshold the
writer's precision-first rule chooses, unpooled (baseline) and pooled, from one probe output.

    java -cp $CP org.aisx.classify.ConceptModelProbe oof.tsv
    python3 bench/classification-group-pooling.py oof.tsv
"""
import collections
import csv
import sys

import numpy as np

DIMS = ["vertical", "activity", "application", "concern"]
# ConceptModelWriter.THRESHOLDS
GRID = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9]
PRECISION = 0.85


def load(path):
    by_row = collections.defaultdict(dict)
    meta = {}
    for r in csv.DictReader(open(path, encoding="utf-8"), delimiter="\t"):
        by_row[int(r["row"])][(r["dim"], r["concept"])] = (float(r["p"]), int(r["gold"]))
        meta[int(r["row"])] = (r["tier"], r["group"])
    ids = sorted(by_row)
    concepts = sorted(by_row[ids[0]])
    p = np.array([[by_row[i][c][0] for c in concepts] for i in ids])
    g = np.array([[by_row[i][c][1] for c in concepts] for i in ids])
    tier = np.array([meta[i][0] for i in ids])
    group = np.array([meta[i][1] for i in ids])
    return concepts, p, g, tier, group


def pooled(p, group):
    q = p.copy()
    known = p >= 0
    members = collections.defaultdict(list)
    for i, k in enumerate(group):
        members[k].append(i)
    for k, rows in members.items():
        if len(rows) < 2:
            continue
        for i in rows:
            others = [j for j in rows if j != i]
            q[i] = np.where(known[i], (p[i] + p[others].mean(0)) / 2, p[i])
    return q


def choose(p, g, cols):
    """The writer's rule: over the precision bar, the best min(P, R), the higher on a tie; else
    the most precise."""
    best, out = -1, None
    for t in GRID:
        shown = p[:, cols] >= t
        tp = (shown & (g[:, cols] == 1)).sum()
        n = shown.sum()
        if n == 0:
            continue
        prec, rec = tp / n, tp / max((g[:, cols] == 1).sum(), 1)
        key = 1 + min(prec, rec) if prec >= PRECISION else prec
        if key >= best:
            best, out = key, (t, prec, rec)
    return out


def main(path):
    concepts, p, g, tier, group = load(path)
    taken = tier != "OTHER"
    q = pooled(p, group)  # pooled over every training record of the group, as the product would
    p, q, g, group = p[taken], q[taken], g[taken], group[taken]
    sizes = collections.Counter(group)
    print(f"{taken.sum()} records of tier core or adjacent, {sum(1 for k in group if sizes[k] > 1)} in a group of two or more")
    dims = np.array([c[0] for c in concepts])
    for d in DIMS:
        cols = list(np.where(dims == d)[0])
        for name, pp in [("base", np.where(p < 0, 0.0, p)), ("pooled", np.where(q < 0, 0.0, q))]:
            t, prec, rec = choose(pp, g, cols)
            print(f"{d:12s} {name:7s} threshold {t:.2f} P {prec:.3f} R {rec:.3f} min {min(prec, rec):.3f}")


if __name__ == "__main__":
    main(sys.argv[1])
