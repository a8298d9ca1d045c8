"""Reading `ConceptModelProbe`'s out-of-fold probabilities and choosing thresholds as
`ConceptModelWriter` does, for the experiments of BENCHMARKS.md, "Classification suggestions"
(`classification-group-pooling.py`, `classification-knn.py`)."""
import collections
import csv

import numpy as np

DIMS = ["vertical", "activity", "application", "concern"]
# ConceptModelWriter.THRESHOLDS
GRID = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9]
PRECISION = 0.85
LEFT_OUT_MIN_SHOWN = 10  # ConceptModelWriter.LEFT_OUT_MIN_SHOWN


class Probe:
    """One probe output: a row per training record, a column per concept ((dim, concept), sorted);
    p the out-of-fold probability (-1: no weights), g 1 where judged positive ('maybe' is not)."""

    def __init__(self, path):
        by_row = collections.defaultdict(dict)
        meta = {}
        for r in csv.DictReader(open(path, encoding="utf-8"), delimiter="\t"):
            by_row[int(r["row"])][(r["dim"], r["concept"])] = (float(r["p"]), int(r["gold"]))
            meta[int(r["row"])] = (r["tier"], int(r["fold"]), r["group"])
        self.ids = sorted(by_row)
        self.concepts = sorted(by_row[self.ids[0]])
        self.p = np.array([[by_row[i][c][0] for c in self.concepts] for i in self.ids])
        self.g = np.array([[by_row[i][c][1] for c in self.concepts] for i in self.ids])
        self.tier = np.array([meta[i][0] for i in self.ids])
        self.fold = np.array([meta[i][1] for i in self.ids])
        self.group = np.array([meta[i][2] for i in self.ids])

    def columns(self, dim):
        return list(np.where(np.array([c[0] for c in self.concepts]) == dim)[0])


def _at(p, g, cols, t):
    """At threshold t: (precision, recall, 'right/shown/judged'), or None when nothing is shown."""
    shown = p[:, cols] >= t
    judged = (g[:, cols] == 1).sum()
    tp = (shown & (g[:, cols] == 1)).sum()
    n = shown.sum()
    if n == 0:
        return None
    return tp / n, tp / max(judged, 1), n, f"{tp}/{n}/{judged}"


def choose(p, g, cols):
    """The writer's rule for records the tier takes: over the precision bar, the best min(P, R),
    the higher threshold on a tie; else the most precise. Returns (t, P, R, counts)."""
    best, out = -1, None
    for t in GRID:
        at = _at(p, g, cols, t)
        if at is None:
            continue
        prec, rec, _, counts = at
        key = 1 + min(prec, rec) if prec >= PRECISION else prec
        if key >= best:
            best, out = key, (t, prec, rec, counts)
    return out


def choose_left_out(p, g, cols):
    """The writer's rule for records the tier leaves out: the lowest threshold whose precision
    reaches the bar over at least LEFT_OUT_MIN_SHOWN shown pairs, as (t, P, R, counts); else
    (None, best P, its threshold, counts)."""
    best = (0.0, None, "")
    for t in GRID:
        at = _at(p, g, cols, t)
        if at is None:
            continue
        prec, rec, n, counts = at
        if n >= LEFT_OUT_MIN_SHOWN and prec >= PRECISION:
            return t, prec, rec, counts
        if prec > best[0]:
            best = (prec, t, counts)
    return None, best[0], best[1], best[2]
