# A census of the strict-core AI records the tier leaves out, by the rule in
# src/test/resources/eval/ai-census.md (committed before this tool was run).
#
#   python3 bench/ai-census.py triage CATALOGUE.db CORE_IDS OUT_DIR PARTS
#        candidate counts; writes OUT_DIR/triage-NN.txt (PARTS files) for the triage judges
#   python3 bench/ai-census.py full CATALOGUE.db CORE_IDS OUT_DIR PARTS
#        after the triage file is committed: writes OUT_DIR/full-NN.txt, every `maybe` and the
#        triage-miss sample, shuffled together by the key so no judge can tell them apart
#   python3 bench/ai-census.py score CATALOGUE.db CORE_IDS
#        the figures, from the committed judgements
#   python3 bench/ai-census.py reviews
#        writes src/main/resources/classify/ai-tier-reviews.tsv: every record both judges of a
#        pair called core, reviewed core (read by org.aisx.classify.TierReviews)
#
# Read-only on the catalogue (sqlite URI mode=ro). The lexicons and the display are those of the
# tier-recall sample (bench/tier-recall-sample.py), imported from it.
import hashlib, importlib.util, json, os, re, sqlite3, sys

BENCH = os.path.dirname(os.path.abspath(__file__))
HERE = os.path.join(BENCH, '..', 'src/test/resources/eval')
SALT = 'aisx-ai-census-2026-12-05/'
MISS_SAMPLE = 100
# The supplement's Japanese lexicon (stratum S2j).
JAPANESE_RE = re.compile('人工知能|機械学習|深層学習|ニューラル|音声認識|画像認識|文字認識|パターン認識|自然言語'
                         '|機械翻訳|知識|推論|学習|認識|ロボット|自律')

spec = importlib.util.spec_from_file_location('recall', os.path.join(BENCH, 'tier-recall-sample.py'))
recall = importlib.util.module_from_spec(spec)
spec.loader.exec_module(recall)


def key(i):
    return hashlib.sha256((SALT + i).encode('utf-8')).hexdigest()


def reading_half(i):
    return key(i)[0] in '01234567'


def candidates(db, core_file):
    with open(core_file, encoding='utf-8') as f:
        core = {line.strip() for line in f if line.strip()}
    out, docs = {}, {}
    con = sqlite3.connect('file:' + db + '?mode=ro', uri=True)
    sizes = {'core': 0, 'S1a': 0, 'S1b': 0, 'S2x': 0, 'S2j': 0, 'S2y': 0}
    for rid, doc in con.execute('select id, document from standard'):
        d = json.loads(doc)
        if rid in core:
            sizes['core'] += 1
            continue
        t = recall.text_of(d)
        if recall.STRONG_RE.search(t):
            h = 'S1a'
        elif recall.BROAD_RE.search(t):
            h = 'S1b'
        elif recall.SECOND_RE.search(t):
            h = 'S2x'
        elif JAPANESE_RE.search(t):
            h = 'S2j'
        else:
            sizes['S2y'] += 1
            continue
        sizes[h] += 1
        out[rid] = h
        docs[rid] = d
    print('sizes', sizes, 'candidates', len(out))
    return out, docs


def triage_show(d):
    t = d.get('title') or {}
    a = d.get('abstract') or {}
    ab = (a.get('en') or next(iter(a.values()), '')) if a else ''
    if len(ab) > 300:
        ab = ab[:300] + ' [...]'
    titles = ' | '.join(f'{k}: {v}' for k, v in t.items())
    return f"{d['id']}\t{d.get('identifier')}\t{titles}\t{ab or '(none)'}".replace('\n', ' ')


def write_parts(od, prefix, lines, parts, header=''):
    os.makedirs(od, exist_ok=True)
    size = -(-len(lines) // parts)
    for n in range(parts):
        chunk = lines[n * size:(n + 1) * size]
        with open(os.path.join(od, f'{prefix}-{n + 1:02d}.txt'), 'w', encoding='utf-8') as f:
            f.write(header)
            f.write('\n'.join(chunk) + '\n')
        print(f'{prefix}-{n + 1:02d}: {len(chunk)} records')


def load(name):
    with open(os.path.join(HERE, name), encoding='utf-8') as f:
        return {r['id']: r for r in json.load(f)['records']}


def triage_calls():
    return load('ai-census-triage.json')


def miss_sample(cands):
    calls = triage_calls()
    nos = [r for r in cands if calls[r]['call'] == 'no']
    return sorted(nos, key=key)[:MISS_SAMPLE], nos


def kappa(a, b):
    n = len(a)
    po = sum(x == y for x, y in zip(a, b)) / n
    pa, pb = sum(a) / n, sum(b) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    return (po - pe) / (1 - pe) if pe < 1 else 1.0


def pairs():
    """The judge pairs whose files exist: (1, 2) for pass 2, (3, 4) for the second triage."""
    out = []
    for a, b in ((1, 2), (3, 4)):
        if os.path.exists(os.path.join(HERE, f'ai-census-judged-{a}.json')):
            out.append((load(f'ai-census-judged-{a}.json'), load(f'ai-census-judged-{b}.json')))
    return out


def earlier_not_core():
    """Ids an earlier committed tier judgement called other than core (supplement 3)."""
    out = set()
    for name in sorted(os.listdir(HERE)):
        if (name.startswith('ai-tier-sample') or name == 'ai-tier-recall-judged.json') \
                and name.endswith('.json'):
            for r in load(name).values():
                if r.get('judged') not in (None, 'core'):
                    out.add(r['id'])
    return out


def reviews():
    rows = {}
    against = earlier_not_core()
    for j1, j2 in pairs():
        for r in j1:
            if r in j2 and j1[r]['judged'] == 'core' and j2[r]['judged'] == 'core':
                if r in against:
                    print(f'not reviewed, an earlier judge called it other than core: {r}')
                    continue
                notes = '; '.join(' '.join(j[r].get('note', '').split()) for j in (j1, j2))
                rows[r] = f'AI census 2026-12-05, core by both judges ({notes})'
    out = os.path.join(BENCH, '..', 'src/main/resources/classify/ai-tier-reviews.tsv')
    with open(out, 'w', encoding='utf-8') as f:
        f.write('# The ai tiers an editorial review decided (org.aisx.classify.TierReviews).\n'
                '# Written by bench/ai-census.py reviews from the committed census judgements\n'
                '# (src/test/resources/eval/ai-census*.json, rule ai-census.md); never by hand.\n'
                '# id<TAB>tier<TAB>basis\n')
        for r in sorted(rows):
            f.write(f'{r}\tcore\t{rows[r]}\n')
    print(f'{len(rows)} reviews written to {out}')


def main():
    if sys.argv[1] == 'reviews':
        reviews()
        return
    cmd, db, core_file = sys.argv[1], sys.argv[2], sys.argv[3]
    cands, docs = candidates(db, core_file)
    order = sorted(cands, key=key)
    if cmd == 'triage':
        lines = [triage_show(docs[r]) for r in order]
        write_parts(sys.argv[4], 'triage', lines, int(sys.argv[5]),
                    'id\tidentifier\ttitles\tabstract (first 300 characters)\n')
        return
    calls = triage_calls()
    missing = [r for r in cands if r not in calls]
    if missing:
        sys.exit(f'{len(missing)} candidates have no triage call, e.g. {missing[:3]}')
    sample, nos = miss_sample(cands)
    maybes = [r for r in cands if calls[r]['call'] == 'maybe']
    print(f'triage: maybe {len(maybes)}, no {len(nos)}, miss sample {len(sample)}')
    full = sorted(maybes + sample, key=key)
    if cmd == 'full':
        write_parts(sys.argv[4], 'full', [recall.show(docs[r], 0) for r in full], int(sys.argv[5]))
        return
    j1, j2 = load('ai-census-judged-1.json'), load('ai-census-judged-2.json')
    lack = [r for r in full if r not in j1 or r not in j2]
    if lack:
        sys.exit(f'{len(lack)} records lack a judgement, e.g. {lack[:3]}')

    def core(j, r, strict=True):
        return j[r]['judged'] == 'core' and not (strict and j[r].get('doubt', False))

    a = [core(j1, r, False) for r in full]
    b = [core(j2, r, False) for r in full]
    print(f'agreement core/not core: {sum(x == y for x, y in zip(a, b))}/{len(full)},'
          f' kappa {kappa(a, b):.3f}')
    for name, in_set in (('maybe', set(maybes)), ('miss sample', set(sample))):
        rs = [r for r in full if r in in_set]
        both = [r for r in rs if core(j1, r) and core(j2, r)]
        both_any = [r for r in rs if core(j1, r, False) and core(j2, r, False)]
        either = [r for r in rs if core(j1, r, False) or core(j2, r, False)]
        print(f'{name} ({len(rs)}): both core, no doubt {len(both)}; both core {len(both_any)};'
              f' either core {len(either)}')
        if name == 'miss sample':
            p, lo, hi = recall.wilson(len(both), len(rs))
            print(f'  triage misses: {len(both)}/{len(rs)} = {p:.3f} [{lo:.3f}, {hi:.3f}]'
                  f' x {len(nos)} no = {p * len(nos):.0f} [{lo * len(nos):.0f}, {hi * len(nos):.0f}]')
        by_body = {}
        for r in both:
            s = docs[r].get('sdo') or '?'
            by_body[s] = by_body.get(s, 0) + 1
        print('  strict census by body:', dict(sorted(by_body.items(), key=lambda x: -x[1])))
        halves = sum(reading_half(r) for r in both)
        print(f'  of them in the reading half {halves}, held-out half {len(both) - halves}')
    if len(pairs()) > 1:
        j3, j4 = pairs()[1]
        second = load('ai-census-triage-2.json')
        maybe2 = [r for r in second if second[r]['call'] == 'maybe']
        both = [r for r in maybe2 if core(j3, r, False) and core(j4, r, False)]
        either = [r for r in maybe2 if core(j3, r, False) or core(j4, r, False)]
        print(f'second triage: maybe {len(maybe2)} of {len(second)}; both core {len(both)}'
              f' ({sum(core(j3, r) and core(j4, r) for r in maybe2)} with no doubt);'
              f' either core {len(either)}; no by both triages {len(second) - len(maybe2)}')


if __name__ == '__main__':
    main()
