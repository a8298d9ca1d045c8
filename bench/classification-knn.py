#!/usr/bin/env python3
"""Session 40's idea (BENCHMARKS.md, "Classification suggestions"): label transfer from the judged
neighbours. For each training record r, the K = 10 training records of the other folds whose
record vector (bge-small, the one the model reads) is closest by cosine; knn(r, c) = sum cos *
gold(n, c) / sum cos over them (gold: judged positive; 'maybe' is not gold); p' = (p + knn) / 2
where the model has weights (p >= 0), else p as is (-1). Prints each dimension's precision and
recall at the writer's precision-first threshold for records the AI tier takes, and at the
left-out rule's threshold for those it leaves out, baseline (p) and kNN (p'), from one probe run;
in brackets right / shown / judged pairs.

    git apply bench/classification-knn.patch && mvn -B -o -q test-compile
    java -Dvectors=vectors.tsv -cp $CP org.aisx.classify.ConceptModelProbe oof.tsv
    python3 bench/classification-knn.py oof.tsv vectors.tsv
"""
import sys

import numpy as np

from classification_oof import DIMS, PRECISION, Probe, choose, choose_left_out

K = 10


def load_vectors(path, ids, fold):
    rows = {}
    for line in open(path, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        rows[int(f[0])] = (int(f[1]), np.array([float(x) for x in f[2:]]))
    assert all(rows[i][0] == fold[k] for k, i in enumerate(ids)), "folds differ from the probe's"
    v = np.array([rows[i][1] for i in ids])
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def knn(v, g, fold):
    cos = v @ v.T
    out = np.zeros(g.shape)
    for i in range(len(v)):
        c = np.where(fold == fold[i], -np.inf, cos[i])  # other folds only (r itself is in its fold)
        near = np.argsort(-c, kind="stable")[:K]
        w = cos[i, near]
        out[i] = w @ g[near] / w.sum()
    return out


def main(path, vectors):
    probe = Probe(path)
    ids, p, g, tier, fold = probe.ids, probe.p, probe.g, probe.tier, probe.fold
    v = load_vectors(vectors, ids, fold)
    near = knn(v, g, fold)
    q = np.where(p >= 0, (p + near) / 2, p)
    taken = tier != "OTHER"
    print(f"{len(ids)} records, {taken.sum()} of tier core or adjacent, K = {K}")
    for d in DIMS:
        cols = probe.columns(d)
        for name, pp in [("base", p), ("knn", q)]:
            pp = np.where(pp < 0, 0.0, pp)
            t, prec, rec, n = choose(pp[taken], g[taken], cols)
            line = f"{d:12s} {name:5s} core/adjacent: {t:.2f} P {prec:.3f} R {rec:.3f} min {min(prec, rec):.3f} ({n})"
            t, prec, rec, n = choose_left_out(pp[~taken], g[~taken], cols)
            if t is None:
                line += f" | other: none reaches {PRECISION} (best P {prec:.3f} at {rec}, {n})"
            else:
                line += f" | other: {t:.2f} P {prec:.3f} R {rec:.3f} ({n})"
            print(line)
        # Where the neighbours' labels stand, for records the tier takes, at the baseline's threshold.
        t = choose(np.where(p < 0, 0.0, p)[taken], g[taken], cols)[0]
        pp, gg, kk = p[taken][:, cols], g[taken][:, cols], near[taken][:, cols]
        missed, right, wrong = (pp < t) & (gg == 1), (pp >= t) & (gg == 1), (pp >= t) & (gg == 0)
        print(
            f"{'':12s} knn, mean: missed {kk[missed].mean():.3f} (none of 10 labelled: {(kk[missed] == 0).sum()}"
            f" of {missed.sum()}), shown right {kk[right].mean():.3f}, shown wrong {kk[wrong].mean():.3f}"
        )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
