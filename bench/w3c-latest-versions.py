#!/usr/bin/env python3
"""What migration 24 (store/W3cLatestVersionsJoined) and the W3C latest-version rule act on, counted
in a stored catalogue: W3C records, the pairs of an undated latest version ("W3C speech-grammar")
and the dated edition of its date it links to ("W3C REC-speech-grammar-20040316", the pattern of
EditionRules.W3C_DATED), the type of that link, identical rows both ways, statuses, and the
history events the upgrade wrote (actor 'upgrade'). Read-only.

usage: w3c-latest-versions.py sqlite DATA_DIR/catalogue.db [RECORD_ID...] [--left]
       w3c-latest-versions.py pg DATABASE [RECORD_ID...] [--left]   (psql -h 127.0.0.1 -U postgres)
--left lists the pairs not linked identical (records the upgrade may not touch)."""
import json, re, subprocess, sys, collections
kind, where = sys.argv[1], sys.argv[2]
def rows(sql):
    if kind == 'sqlite':
        import sqlite3
        c = sqlite3.connect('file:%s?mode=ro' % where, uri=True)
        return [tuple(r) for r in c.execute(sql)]
    out = subprocess.run(['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', where, '-At', '-F', '\x1f', '-R', '\x1e', '-c', sql],
                         capture_output=True, text=True, check=True).stdout
    return [tuple(f.strip('\n') for f in r.split('\x1f')) for r in out.split('\x1e') if r.strip('\n')]
DATED = re.compile(r'^W3C [A-Z]+-(.+)-((?:19|20)\d{2})(\d{2})(\d{2})$')
LATEST = re.compile(r'^W3C [^\s]+$')
recs = {}
for i, ident, rev, doc in rows("SELECT id, identifier, revision, document FROM standard WHERE id LIKE 'w3c-%'"):
    recs[i.strip('\n')] = (ident, int(rev), json.loads(doc))
rels = collections.Counter(); ident_links = set()
for s, t, ty in rows("SELECT source_id, target_id, type FROM relation WHERE source_id LIKE 'w3c-%' AND target_id LIKE 'w3c-%'"):
    s = s.strip('\n'); rels[ty] += 1
    if ty == 'identical': ident_links.add((s, t))
undated = {i for i, (idt, _, d) in recs.items() if not DATED.match(idt) and LATEST.match(idt)}
print('w3c records', len(recs), '| undated latest versions', len(undated), '| dated', sum(1 for v in recs.values() if DATED.match(v[0])))
print('w3c->w3c relation rows by type', dict(sorted(rels.items())))
pairs = []; joined = 0; status_differs = 0
for s in undated:
    idt, _, d = recs[s]
    if d.get('sdo') != 'W3C' or not d.get('published'): continue
    short = idt[4:]
    for r in d.get('relations', []):
        m = DATED.match(r['target'])
        if not m or m.group(1) != short or d['published'] != '%s-%s-%s' % m.group(2, 3, 4): continue
        e = r.get('targetId')
        if e not in recs: continue
        ed = recs[e][2]
        both = (s, e) in ident_links and (e, s) in ident_links
        pairs.append((s, e, r['type'], both, d.get('status'), ed.get('status'), d.get('statusInferred')))
print('pairs (undated latest version -> dated edition of its date, linked)', len(pairs))
print('  link type from the undated side', dict(collections.Counter(p[2] for p in pairs)))
print('  identical both ways', sum(1 for p in pairs if p[3]))
print('  undated status != edition status', sum(1 for p in pairs if p[4] != p[5]),
      '(inferred:', sum(1 for p in pairs if p[4] != p[5] and p[6]), ')')
print('identical rows undated->dated', sum(1 for (s, t) in ident_links if s in undated and t in recs and DATED.match(recs[t][0])),
      '| dated->undated', sum(1 for (s, t) in ident_links if t in undated and s in recs and DATED.match(recs[s][0])))
st = collections.Counter(('undated' if i in undated else 'dated' if DATED.match(v[0]) else 'other', v[2].get('status')) for i, v in recs.items())
print('status', dict(sorted(st.items())))
print('w3c revision sum', sum(v[1] for v in recs.values()))
ev = rows("SELECT kind, coalesce(field,''), count(*), count(DISTINCT record_id) FROM history_event WHERE actor = 'upgrade' AND record_id LIKE 'w3c-%' GROUP BY kind, field")
print('upgrade history events on w3c records (kind, field, events, records)', ev)
print('all records, revision sum', rows("SELECT count(*), sum(revision) FROM standard"))
print("flyway", rows("SELECT version FROM flyway_schema_history ORDER BY installed_rank DESC LIMIT 1"))
ids = [a for a in sys.argv[3:] if not a.startswith('--')]
if ids:
    for i in ids:
        v = recs.get(i)
        print(i, v and (v[1], v[2].get('status'), [(r['type'], r['target']) for r in v[2].get('relations', []) if DATED.match(r['target']) or LATEST.match(r['target'])][:4]))
if '--left' in sys.argv:
    for p in sorted(pairs):
        if p[2] != 'identical': print('left', p, recs[p[0]][2].get('source'), recs[p[1]][2].get('source'))
