#!/usr/bin/env python3
"""One more second stage for the learned classifier, out of fold, on the training records the AI
tier takes (BENCHMARKS.md, "Classification suggestions", session 34): show a concept when its
probability passes the dimension's threshold t, or when it is the record's most likely concept of
the dimension (or within a share a of it) and passes a lower floor tl. (t, tl, a) are chosen on
four folds (precision 0.85 first, then the best min(P, R)) and applied to the fifth.

    java -cp $CP org.aisx.classify.ConceptModelProbe oof.tsv
    python3 bench/classification-top-concept.py oof.tsv
"""
import sys
import collections
import csv

import numpy as np
rows=collections.defaultdict(dict); meta={}
for r in csv.DictReader(open(sys.argv[1], encoding='utf-8'),delimiter='\t'):
    rows[int(r['row'])][(r['dim'],r['concept'])]=(max(float(r['p']),0),int(r['gold']))
    meta[int(r['row'])]=(r['tier'],int(r['fold']))
ids=[i for i in sorted(rows) if meta[i][0] in ('CORE','ADJACENT')]
print(len(ids), collections.Counter(meta[i][0] for i in sorted(rows)))
concepts=sorted(rows[ids[0]])
P=np.array([[rows[i][c][0] for c in concepts] for i in ids]); G=np.array([[rows[i][c][1] for c in concepts] for i in ids])
F=np.array([meta[i][1] for i in ids])
def pr(S,g): tp=(S&(g==1)).sum(); return tp/max(S.sum(),1), tp/max((g==1).sum(),1)
for dim,t0 in [('vertical',0.25),('activity',0.25),('application',0.15),('concern',0.15)]:
    cols=[k for k,c in enumerate(concepts) if c[0]==dim]
    p=P[:,cols]; g=G[:,cols]
    print(dim,'base',t0,'P/R %.3f %.3f'%pr(p>=t0,g), 'records with gold:',(g.sum(1)>0).mean().round(3))
    def rule(p,t,tl,a):
        mx=p.max(1,keepdims=True)
        return (p>=t)|((p==mx)&(p>=tl))|((p>=a*mx)&(p>=tl))
    grid=[(t,tl,a) for t in [0.15,0.2,0.25,0.3,0.35,0.4,0.5] for tl in [0.02,0.05,0.08,0.1,0.15,0.2] for a in [1.0,0.8,0.6,0.5] if tl<=t]
    # in-sample best min with P>=0.85
    best=max(((min(*pr(rule(p,*x),g)),x,pr(rule(p,*x),g)) for x in grid))
    print('  in-sample best min',best)
    # nested: choose on other folds by rule precision>=.85 then max recall; else max min
    S=np.zeros_like(p,dtype=bool)
    for f in sorted(set(F)):
        tr=F!=f
        cands=[(pr(rule(p[tr],*x),g[tr]),x) for x in grid]
        ok=[c for c in cands if c[0][0]>=0.85]
        ch=max(ok,key=lambda c:min(c[0]))[1] if ok else max(cands,key=lambda c:c[0][0])[1]
        S[~tr]=rule(p[~tr],*ch)
    print('  nested P/R %.3f %.3f'%pr(S,g))
