#!/usr/bin/env python3
"""A digest of a stored catalogue with the times left out, to tell whether two upgrades of copies
of one store wrote the same: standard (id, revision, document), relation and relation_review rows,
history events in seq order (record, kind, field, old, new, actor, source, revision). Read-only.
usage: upgrade-digest.py sqlite DATA_DIR/catalogue.db | pg DATABASE   (psql -h 127.0.0.1 -U postgres)"""
import hashlib, subprocess, sys
kind, where = sys.argv[1], sys.argv[2]
def rows(sql):
    if kind == 'sqlite':
        import sqlite3
        c = sqlite3.connect('file:%s?mode=ro' % where, uri=True)
        return [tuple('' if v is None else str(v) for v in r) for r in c.execute(sql)]
    out = subprocess.run(['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', where, '-At', '-F', '\x1f', '-R', '\x1e', '-c', sql],
                         capture_output=True, text=True, check=True).stdout
    return [tuple(r.split('\x1f')) for r in out.split('\x1e') if r]
for name, sql in [
    ('standard', "SELECT id, revision, document FROM standard ORDER BY id"),
    ('relation', "SELECT source_id, type, target, target_id FROM relation ORDER BY source_id, type, target_id"),
    ('relation_review', "SELECT source_id, type, target, target_id FROM relation_review ORDER BY source_id, type, target_id"),
    ('history_event', "SELECT record_id, kind, field, old_value, new_value, actor, source, revision FROM history_event ORDER BY seq"),
]:
    r = rows(sql)
    h = hashlib.sha256()
    for t in r:
        h.update('\x1f'.join(t).encode()); h.update(b'\x1e')
    print(name, len(r), h.hexdigest()[:16])
