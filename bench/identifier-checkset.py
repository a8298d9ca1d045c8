#!/usr/bin/env python3
"""Draws the fresh identifier check set (issue 12 item 1) from the whole catalogue, by a rule
written and committed before any search was judged on it (BENCHMARKS.md, "The identifier table at
that size").

Input: the TSV that `org.aisx.CatalogueTiers DATA_DIR` prints for the full shared-feed catalogue
(id, ai tier, status, type, published, body, identifier, other identifiers).

Rule:
1. Population: records whose `ai` tier is core and whose status is in-force, not amendments or
   corrigenda (type `amendment`, `corrigendum`).
2. A record's publication ("form A"): its identifier without its edition date: ISO/IEC/JIS
   ":YYYY", IEEE "-YYYY" (IEEE identifiers only: NBS IR 87-3529's "-3529" is no year; corrected
   after the first draw, before any search, when that draw showed it), ITU-T " (MM/YYYY)", W3C "-YYYYMMDD", NIST's edition "eYYYY" or revision
   "rN" at the end. Its key: form A in lower case, every run of characters other than letters and
   digits one space.
3. Order the population by SHA-256 of SALT + id (hex, ascending); walk it and take the first 40
   records whose key is new and is not the key of an expected record of identifiers.json (the
   judged table, which was used for tuning).
4. The k-th record taken (k = 0..39) is typed in form k mod 4:
     0 "as written": form A ("ISO/IEC 22989", "ITU-T F.742.1", "IEEE 2894", "RFC 9405");
     1 "without the body": form A without its leading body name (ISO/IEC, ISO/, ISO, IEC, ITU-T,
       IEEE, NIST, NBS, JIS, W3C, CEN-CENELEC; RFC is a series, not a body, and stays):
       "22989", "F.742.1", "2894", "TR 24291", "AI 100-1";
     2 "loose": the key ("iso iec 22989", "itu t f 742 1");
     3 "with its date": the identifier exactly as the record has it ("ISO/IEC 22989:2022",
       "ITU-T F.742.1 (12/2022)").
5. Expected record (the table's rule: the query names a publication; its current edition): among
   all records of the catalogue, any tier, whose key is the drawn record's key and whose status is
   in-force, the one published last (ties: the drawn record).
"""
import hashlib
import json
import re
import sys

SALT = "aisx-identifiers-fresh-2026-12-04:"
SIZE = 40
DATE_SUFFIX = [
    re.compile(r":\d{4}$"),
    re.compile(r"^(IEEE .*\d)-\d{4}$"),
    re.compile(r" \(\d{2}/\d{4}\)$"),
    re.compile(r"-\d{8}$"),
    re.compile(r"(?<=\d)e\d{4}$"),
    re.compile(r"(?<=\d)r\d+$"),
]
BODY = re.compile(r"^(ISO/IEC |ISO/|ISO |IEC |ITU-T |IEEE |NIST |NBS |JIS |W3C |CEN-CENELEC )")


def form_a(identifier):
    for p in DATE_SUFFIX:
        identifier = p.sub(r"\1" if p.groups else "", identifier)
    return identifier


def key(identifier):
    return re.sub(r"[^0-9a-z]+", " ", form_a(identifier).lower()).strip()


def typed(identifier, form):
    if form == 0:
        return form_a(identifier)
    if form == 1:
        return BODY.sub("", form_a(identifier))
    if form == 2:
        return key(identifier)
    return identifier


def main(tsv, table, out):
    rows = []
    with open(tsv, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            rows.append(dict(id=p[0], tier=p[1], status=p[2], type=p[3], published=p[4],
                             body=p[5], identifier=p[6]))
    by_id = {r["id"]: r for r in rows}
    in_force_by_key = {}
    for r in rows:
        if r["status"] == "in-force":
            in_force_by_key.setdefault(key(r["identifier"]), []).append(r)
    judged = json.load(open(table, encoding="utf-8"))["queries"]
    used = {key(by_id[q["expected"]]["identifier"]) for q in judged if q["expected"] in by_id}
    population = [r for r in rows if r["tier"] == "core" and r["status"] == "in-force"
                  and r["type"] not in ("amendment", "corrigendum")]
    population.sort(key=lambda r: hashlib.sha256((SALT + r["id"]).encode("utf-8")).hexdigest())
    taken, seen = [], set(used)
    for r in population:
        k = key(r["identifier"])
        if k in seen:
            continue
        seen.add(k)
        taken.append(r)
        if len(taken) == SIZE:
            break
    queries = []
    for i, r in enumerate(taken):
        k = key(r["identifier"])
        editions = sorted(in_force_by_key.get(k, [r]), key=lambda e: (e["published"], e["id"] == r["id"]))
        expected = editions[-1]
        queries.append(dict(query=typed(r["identifier"], i % 4), expected=expected["id"],
                            body=expected["body"], form=["as written", "without the body", "loose",
                                                         "with its date"][i % 4],
                            drawn=r["id"]))
    about = ("Fresh identifier check set (issue 12 item 1), drawn from the full shared-feed "
             "catalogue (185,988 records) by the rule in bench/identifier-checkset.py, written and "
             "committed before any search was judged on it; never used for tuning. Run by "
             "org.aisx.IdentifierTable like identifiers.json.")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(dict(about=about, salt=SALT, queries=queries), f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main(*sys.argv[1:4])
