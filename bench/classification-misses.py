#!/usr/bin/env python3
"""Where the learned classifier's misses are (BENCHMARKS.md, "Classification suggestions", session
35): per concept of a dimension, on the training records the AI tier takes (core or adjacent), out
of fold at one threshold per dimension (default: the shipped ones), the judged positive pairs, those
shown right, those missed, the wrong shown pairs (of which judged doubtful), and how the misses
split: concepts without learned weights (left to the zero-shot rule), a probability within 0.1
below the threshold, or further below. Reads what org.aisx.classify.ConceptModelProbe writes.

    java -cp $CP org.aisx.classify.ConceptModelProbe oof.tsv     # about 1 minute on a quiet machine
    python3 bench/classification-misses.py oof.tsv activity concern
"""
import collections
import csv
import sys

SHIPPED = {"vertical": 0.25, "activity": 0.25, "application": 0.15, "concern": 0.15}
NEAR = 0.1


def main(path, dims):
    rows = [r for r in csv.DictReader(open(path, encoding="utf-8"), delimiter="\t") if r["tier"] != "OTHER"]
    print(len({r["row"] for r in rows}), "records of tier core or adjacent")
    for dim in dims:
        t = SHIPPED[dim]
        stats = collections.defaultdict(collections.Counter)
        for r in rows:
            if r["dim"] != dim:
                continue
            p, gold, c = float(r["p"]), r["gold"] == "1", stats[r["concept"]]
            shown = p >= t
            c["gold"] += gold
            c["right"] += gold and shown
            c["wrong"] += shown and not gold
            c["doubtful"] += shown and not gold and r["maybe"] == "1"
            if gold and not shown:
                c["missed"] += 1
                c["no weights" if p < 0 else "near" if p >= t - NEAR else "far"] += 1
        print(f"\n{dim} (threshold {t})")
        print("| concept | gold | shown right | missed | wrong shown (doubtful) | misses: no weights | within 0.1 below | further below |")
        print("|---|---|---|---|---|---|---|---|")
        total = collections.Counter()
        for k, c in sorted(stats.items(), key=lambda kv: (-kv[1]["missed"], kv[0])):
            total += c
            print(f"| {k} | {c['gold']} | {c['right']} | {c['missed']} | {c['wrong']} ({c['doubtful']}) "
                  f"| {c['no weights']} | {c['near']} | {c['far']} |")
        c = total
        print(f"| all | {c['gold']} | {c['right']} | {c['missed']} | {c['wrong']} ({c['doubtful']}) "
              f"| {c['no weights']} | {c['near']} | {c['far']} |")
        print(f"precision {c['right'] / max(c['right'] + c['wrong'], 1):.3f}, recall {c['right'] / max(c['gold'], 1):.3f}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:] or ["activity", "concern"])
