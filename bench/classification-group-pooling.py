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
import sys

import numpy as np

from classification_oof import DIMS, Probe, choose


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


def main(path):
    probe = Probe(path)
    p, g, tier, group = probe.p, probe.g, probe.tier, probe.group
    taken = tier != "OTHER"
    q = pooled(p, group)  # pooled over every training record of the group, as the product would
    p, q, g, group = p[taken], q[taken], g[taken], group[taken]
    sizes = collections.Counter(group)
    print(f"{taken.sum()} records of tier core or adjacent, {sum(1 for k in group if sizes[k] > 1)} in a group of two or more")
    for d in DIMS:
        cols = probe.columns(d)
        for name, pp in [("base", np.where(p < 0, 0.0, p)), ("pooled", np.where(q < 0, 0.0, q))]:
            t, prec, rec, _ = choose(pp, g, cols)
            print(f"{d:12s} {name:7s} threshold {t:.2f} P {prec:.3f} R {rec:.3f} min {min(prec, rec):.3f}")


if __name__ == "__main__":
    main(sys.argv[1])
