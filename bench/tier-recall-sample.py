# How many strict-core AI records the shared feeds hold: strata, draw and figures, by the rule in
# src/test/resources/eval/ai-tier-recall.md (committed before this tool was run).
#
#   python3 bench/tier-recall-sample.py draw CATALOGUE.db OUT_DIR    strata sizes; writes the
#        samples to OUT_DIR/<stratum>.txt (id, identifier, committee, titles, abstract) for judging
#   python3 bench/tier-recall-sample.py score CATALOGUE.db [--supplement]   figures from the
#        judgements; --supplement estimates S2 as S2x + S2y (the supplement's strata)
#
# Read-only on the catalogue (sqlite URI mode=ro).
import hashlib, json, math, os, re, sqlite3, sys

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src/test/resources/eval')
SALT = 'aisx-tier-recall-2026-12-04/'
N = {'S1a': 75, 'S1b': 75, 'S2': 150, 'C': 100, 'S2x': 75}

STRONG = [r'(?i:artificial intelligen)', r'\bAI\b', r'\bAI[-/]', r'\bML\b', r'\bAIoT\b', r'\bAIGC\b',
          r'(?i:machine learning)', r'(?i:deep learning)', r'(?i:learning[- ]based)',
          r'(?i:reinforcement learning)', r'(?i:federated learning)', r'(?i:\bneural)',
          r'(?i:computer vision)', r'(?i:machine vision)', r'(?i:language model)',
          r'(?i:natural language)', r'(?i:machine translation)', r'(?i:chatbot)',
          r'(?i:dialogue system)', r'(?i:data mining)', r'(?i:knowledge graph)',
          r'(?i:knowledge representation)', r'(?i:expert system)', r'(?i:\bfuzzy\b)',
          r'(?i:\bclassifier)', r'(?i:foundation model)', r'(?i:inference engine)']
WEAK = [r'(?i:\bintelligen(t|ce)\b)', r'(?i:\bautonom(ous|y))', r'(?i:\brobot)',
        r'(?i:recognition)', r'(?i:conversational)', r'(?i:\bcognitive\b)',
        r'(?i:training data)', r'(?i:generative)', r'(?i:knowledge[- ]based)']
STRONG_RE = re.compile('|'.join(STRONG))
BROAD_RE = re.compile('|'.join(STRONG + WEAK))
# The supplement's second lexicon, which splits S2 into S2x (matches) and S2y.
SECOND_RE = re.compile(r'(?i:biometric|\bfac(e|es|ial)\b|fingerprint|\biris\b|\bspeaker\b'
                       r'|\bagents?\b|ontolog|\blearning\b|\bvision\b|\bspeech\b|\bsemantic'
                       r'|predict|heuristic|translation)')


def key(i):
    return hashlib.sha256((SALT + i).encode('utf-8')).hexdigest()


def ids(name):
    with open(os.path.join(HERE, name), encoding='utf-8') as f:
        return {line.strip() for line in f if line.strip()}


def text_of(d):
    parts = []
    for field in ('title', 'abstract'):
        v = d.get(field) or {}
        parts.extend(v.values() if isinstance(v, dict) else [str(v)])
    return '\n'.join(p for p in parts if p)


def strata(db):
    core = ids('ai-tier-recall-core-ids.txt')
    out = {'C': [], 'S1a': [], 'S1b': [], 'S2': [], 'S2x': []}
    docs = {}
    con = sqlite3.connect('file:' + db + '?mode=ro', uri=True)
    for rid, doc in con.execute('select id, document from standard'):
        d = json.loads(doc)
        t = text_of(d)
        if rid in core:
            h = 'C'
        elif STRONG_RE.search(t):
            h = 'S1a'
        elif BROAD_RE.search(t):
            h = 'S1b'
        else:
            h = 'S2'
            if SECOND_RE.search(t):
                out['S2x'].append(rid)
        out[h].append(rid)
        docs[rid] = d
    return out, docs


def drawn(out):
    return {h: sorted(v, key=key)[:N[h]] for h, v in out.items()}


def show(d, cut):
    t = d.get('title') or {}
    a = (d.get('abstract') or {})
    ab = a.get('en') or next(iter(a.values()), '') if a else ''
    if cut and len(ab) > cut:
        ab = ab[:cut] + ' [...]'
    titles = ' | '.join(f'{k}: {v}' for k, v in t.items())
    return (f"## {d['id']}\n{d.get('identifier')} ; {d.get('sdo')} ; {d.get('committee') or ''}"
            f" ; {d.get('type') or ''}\nTITLE {titles}\nABSTRACT {ab or '(none)'}\n")


def wilson(k, n, z=1.96):
    if n == 0:
        return (0.0, 0.0, 1.0)
    p = k / n
    den = 1 + z * z / n
    c = (p + z * z / (2 * n)) / den
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / den
    return (p, max(0.0, c - h), min(1.0, c + h))


def main():
    cmd, db = sys.argv[1], sys.argv[2]
    out, docs = strata(db)
    sizes = {h: len(v) for h, v in out.items()}
    print('strata sizes', sizes, 'total', sum(v for h, v in sizes.items() if h != 'S2x'))
    sample = drawn(out)
    # The supplement: S2 = S2x + S2y; the S2y sample is the S2 sample's records not in S2x.
    in_x = set(out['S2x'])
    sizes['S2y'] = sizes['S2'] - sizes['S2x']
    sample['S2y'] = [r for r in sample['S2'] if r not in in_x]
    print('S2x', sizes['S2x'], 'S2y', sizes['S2y'], 'S2y sample', len(sample['S2y']))
    if cmd == 'draw':
        od = sys.argv[3]
        os.makedirs(od, exist_ok=True)
        for h, rs in sample.items():
            with open(os.path.join(od, h + '.txt'), 'w', encoding='utf-8') as f:
                for r in rs:
                    f.write(show(docs[r], 600 if h == 'S2' else 0) + '\n')
        return
    with open(os.path.join(HERE, 'ai-tier-recall-judged.json'), encoding='utf-8') as f:
        judged = {r['id']: r for r in json.load(f)['records']}
    adjacent = ids('ai-tier-recall-adjacent-ids.txt')
    miss_lo = miss_hi = miss = var = 0.0
    print('estimate over', ' + '.join(('S1a', 'S1b', 'S2x', 'S2y') if '--supplement' in sys.argv
                                      else ('S1a', 'S1b', 'S2')))
    miss_len = miss_len_lo = miss_len_hi = 0.0
    estimate = ('S1a', 'S1b', 'S2x', 'S2y') if '--supplement' in sys.argv else ('S1a', 'S1b', 'S2')
    for h in ('S1a', 'S1b', 'S2', 'S2x', 'S2y', 'C'):
        rs = sample[h]
        missing = [r for r in rs if r not in judged]
        if missing:
            print(h, 'not judged:', len(missing))
            continue
        strict = sum(judged[r]['judged'] == 'core' for r in rs)
        lenient = sum(judged[r]['judged'] == 'core' or judged[r].get('doubt', False)
                      and judged[r]['judged'] == 'adjacent' for r in rs)
        counts = {}
        for r in rs:
            counts[judged[r]['judged']] = counts.get(judged[r]['judged'], 0) + 1
        n, size = len(rs), sizes[h]
        for name, k in (('strict', strict), ('lenient', lenient)):
            p, lo, hi = wilson(k, n)
            line = f'{h} {name}: {k}/{n} = {p:.3f} [{lo:.3f}, {hi:.3f}]'
            if h != 'C':
                line += f' x {size} = {size * p:.0f} [{size * lo:.0f}, {size * hi:.0f}]'
                if h not in estimate:
                    pass
                elif name == 'strict':
                    miss += size * p
                    miss_lo += size * lo
                    miss_hi += size * hi
                    var += size * size * p * (1 - p) / n
                else:
                    miss_len += size * p
                    miss_len_lo += size * lo
                    miss_len_hi += size * hi
            print(line)
        print(f'  {h} labels {counts}')
        if h != 'C':
            cores = [r for r in rs if judged[r]['judged'] == 'core']
            for r in cores:
                tier = 'adjacent' if r in adjacent else 'other'
                print(f"    miss ({tier}): {r}: {judged[r].get('note', '')}")
        else:
            for r in rs:
                if judged[r]['judged'] != 'core':
                    print(f"    false core ({judged[r]['judged']}): {r}: {judged[r].get('note', '')}")
    sd = math.sqrt(var)
    # The tier's own share (core records judged core) and the total, strict reading; bounds added.
    cs = sample['C']
    k = sum(judged[r]['judged'] == 'core' for r in cs)
    p, lo, hi = wilson(k, len(cs))
    own = sizes['C']
    print(f'core records judged core: {own * p:.0f} [{own * lo:.0f}, {own * hi:.0f}]')
    print(f'total strict-core records: {own * p + miss:.0f} [{own * lo + miss_lo:.0f},'
          f' {own * hi + miss_hi:.0f}]')
    # Sensitivity (not the rule's reading): biometric recognition judged not core.
    nb = 0.0
    for h in estimate:
        rs = sample[h]
        kb = sum(judged[r]['judged'] == 'core'
                 and not judged[r].get('note', '').startswith('biometric:') for r in rs)
        nb += sizes[h] * kb / len(rs)
    kc = sum(judged[r]['judged'] == 'core'
             and not judged[r].get('note', '').startswith('biometric:') for r in cs)
    print(f'without biometric recognition as core: misses {nb:.0f},'
          f' core share {own * kc / len(cs):.0f}, total {own * kc / len(cs) + nb:.0f}')
    print(f'misses, strict: {miss:.0f}, sum of Wilson bounds [{miss_lo:.0f}, {miss_hi:.0f}],'
          f' normal [{max(0, miss - 1.96 * sd):.0f}, {miss + 1.96 * sd:.0f}]')
    print(f'misses, lenient: {miss_len:.0f}, sum of Wilson bounds [{miss_len_lo:.0f},'
          f' {miss_len_hi:.0f}]')


if __name__ == '__main__':
    main()
