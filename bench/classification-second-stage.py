#!/usr/bin/env python3
"""Second-stage ideas for the learned classifier, out of fold, on the training records only
(BENCHMARKS.md, "Classification suggestions"). Reads the out-of-fold probabilities that
org.aisx.classify.ConceptModelProbe writes, and prints, for records the AI tier takes:

  base:    one threshold per dimension (what ConceptModelWriter sweeps);
  concept: one threshold per concept, chosen on the other four folds (coordinate ascent on the
           dimension's min(P, R)), applied to the fifth;
  dim:     a per-concept logistic regression, fitted on the other folds, over the concept's logit,
           the best other logit of its dimension, their difference, how many of the dimension's
           concepts pass 0.5, the AI tier and the closeness;
  all:     the same over the logits of all 55 concepts (a classifier chain's information).

base, dim and all report the best single threshold over all folds at once (in-sample, as the
writer's sweep does); concept chooses its thresholds out of fold.

    java -cp $CP org.aisx.classify.ConceptModelProbe oof.tsv
    python3 bench/classification-second-stage.py oof.tsv
"""
import collections
import csv
import sys

import numpy as np

DIMS = ["vertical", "activity", "application", "concern"]
GRID = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9]


def load(path):
    by_row = collections.defaultdict(dict)
    meta = {}
    for r in csv.DictReader(open(path, encoding="utf-8"), delimiter="\t"):
        by_row[int(r["row"])][(r["dim"], r["concept"])] = (float(r["p"]), int(r["gold"]), float(r["cos"]))
        meta[int(r["row"])] = (r["tier"], int(r["fold"]))
    ids = sorted(by_row)
    concepts = sorted(by_row[ids[0]])
    p = np.array([[by_row[i][c][0] for c in concepts] for i in ids])
    g = np.array([[by_row[i][c][1] for c in concepts] for i in ids])
    cos = np.array([[by_row[i][c][2] for c in concepts] for i in ids])
    tier = np.array([meta[i][0] for i in ids])
    fold = np.array([meta[i][1] for i in ids])
    return concepts, np.where(p < 0, 0.0, p), g, cos, tier, fold


def pr(shown, gold):
    tp = (shown & gold).sum()
    return tp / max(shown.sum(), 1), tp / max(gold.sum(), 1)


def best(q, g):
    out = []
    for t in GRID:
        p, r = pr(q >= t, g == 1)
        out.append((min(p, r), t, p, r))
    return max(out)


def per_concept(p, g, fold, dim_cols):
    shown = np.zeros_like(p, dtype=bool)
    for f in range(5):
        tr, te = fold != f, fold == f
        glob = best(p[tr][:, dim_cols], g[tr][:, dim_cols])[1]
        thr = {c: glob for c in dim_cols}
        cur = min(pr(p[tr][:, dim_cols] >= glob, g[tr][:, dim_cols] == 1))
        for _ in range(2):
            for c in dim_cols:
                for t in GRID:
                    old, thr[c] = thr[c], t
                    s = np.stack([p[tr][:, k] >= thr[k] for k in dim_cols], 1)
                    v = min(pr(s, g[tr][:, dim_cols] == 1))
                    if v > cur + 1e-9:
                        cur = v
                    else:
                        thr[c] = old
        for k in dim_cols:
            shown[te, k] = p[te, k] >= thr[k]
    return pr(shown[:, dim_cols], g[:, dim_cols] == 1)


def logistic(x, y, lam):
    x = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(x.shape[1])
    reg = np.r_[np.ones(x.shape[1] - 1), 0] * lam
    for _ in range(50):
        q = 1 / (1 + np.exp(-x @ w))
        h = (x * (q * (1 - q))[:, None]).T @ x + np.diag(reg)
        w -= np.linalg.solve(h, x.T @ (q - y) + reg * w)
    return w


def stacked(concepts, p, g, cos, tier, fold, mode, lam):
    dims = np.array([c[0] for c in concepts])
    logit = np.log(np.clip(p, 1e-4, 1 - 1e-4) / (1 - np.clip(p, 1e-4, 1 - 1e-4)))
    core, adj = (tier == "CORE") * 1.0, (tier == "ADJACENT") * 1.0
    q = p.copy()
    for f in range(5):
        tr, te = fold != f, fold == f
        for ci, c in enumerate(concepts):
            if g[tr, ci].sum() < 2:
                continue
            same = np.where(dims == c[0])[0]
            if mode == "dim":
                other = np.max(np.where(same[None, :] != ci, logit[:, same], -20), axis=1)
                x = np.c_[logit[:, ci], other, logit[:, ci] - other, (p[:, same] > 0.5).sum(1), core, adj, cos[:, ci]]
            else:
                x = np.c_[logit, core, adj]
            mu, sd = x[tr].mean(0), x[tr].std(0) + 1e-9
            x = (x - mu) / sd
            w = logistic(x[tr], g[tr, ci], lam)
            q[te, ci] = 1 / (1 + np.exp(-np.hstack([x[te], np.ones((te.sum(), 1))]) @ w))
    return q


def main(path):
    concepts, p, g, cos, tier, fold = load(path)
    taken = tier != "OTHER"
    p, g, cos, tier, fold = p[taken], g[taken], cos[taken], tier[taken], fold[taken]
    dims = np.array([c[0] for c in concepts])
    q_dim = stacked(concepts, p, g, cos, tier, fold, "dim", 1.0)
    q_all = stacked(concepts, p, g, cos, tier, fold, "all", 10.0)
    for d in DIMS:
        cols = list(np.where(dims == d)[0])
        for name, (pp, rr) in [
            ("base", best(p[:, cols], g[:, cols])[2:]),
            ("concept", per_concept(p, g, fold, cols)),
            ("dim", best(q_dim[:, cols], g[:, cols])[2:]),
            ("all", best(q_all[:, cols], g[:, cols])[2:]),
        ]:
            print(f"{d:12s} {name:8s} P {pp:.3f} R {rr:.3f} min {min(pp, rr):.3f}")


if __name__ == "__main__":
    main(sys.argv[1])
