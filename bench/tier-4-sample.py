# The fourth AI tier sample, drawn by the rule in docs/ai-corpus.md ("Fourth sample (fixed before
# it was drawn)"), committed before this tool was first run.
#
#   python3 bench/tier-4-sample.py [--tiers TIERS.tsv]
#
# Needs the project built (mvn -o -q -DskipTests package, and target/cp.txt from
# mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test).
# Reads src/main/resources/corpus/starter.json; tiers every record with the build tool
# org.aisx.classify.CorpusTiers twice: under the fourth mapping (AiRelevance as built) and under the
# third (AiRelevance.java of commit 850539f, the fourth mapping's parent, THIRD_COMMIT below,
# compiled alone into a scratch directory and put first on the class path). Writes:
#
# - src/test/resources/eval/ai-tier-sample-4.json: samples 4a and 4b together, each record once,
#   with id, identifier, title, abstract and committee only (no tier, rule or membership), in the
#   order of SHA-256(ORDER_SALT + id), for a judge who works blind;
# - TIERS.tsv (default target/tier-4/ai-tier-sample-4-tiers.tsv, outside the committed tree until
#   the judgements are committed): per record of the file, its membership in 4a (rank) and 4b, the
#   tiers and rules of both mappings, its body and identifier, and which earlier tier sample held it.
#
# Prints the per-body counts under the fourth mapping, the third mapping's totals, the changes by
# kind and the sizes of the samples. Deterministic: the same corpus and code give the same files.
import collections, hashlib, json, os, subprocess, sys, tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
EVAL = os.path.join(ROOT, 'src/test/resources/eval')
CORPUS = os.path.join(ROOT, 'src/main/resources/corpus/starter.json')
OUT = os.path.join(EVAL, 'ai-tier-sample-4.json')
SALT = 'aisx-ai-tier-2026-12-05-d/'
ORDER_SALT = SALT + 'order/'
N_4A = 100
EARLIER = ['ai-tier-sample.json', 'ai-tier-sample-2.json', 'ai-tier-sample-3.json']
RECALL = 'ai-tier-recall-judged.json'
# The fourth mapping's parent: its AiRelevance.java is the third mapping.
THIRD_COMMIT = '850539f'
THIRD_SOURCE = 'src/main/java/org/aisx/classify/AiRelevance.java'


def key(salt, rid):
    return hashlib.sha256((salt + rid).encode('utf-8')).hexdigest()


def pick(texts):
    """English, else the first language given; '' when there is none (as Standard.titleIn)."""
    if not texts:
        return ''
    return texts.get('en') or next(iter(texts.values()))


def tiers(extra_classpath):
    target = os.path.join(ROOT, 'target')
    with open(os.path.join(target, 'cp.txt'), encoding='utf-8') as f:
        cp = f.read().strip()
    path = extra_classpath + [os.path.join(target, 'classes'), os.path.join(target, 'test-classes'), cp]
    out = subprocess.run(['java', '-cp', os.pathsep.join(path), 'org.aisx.classify.CorpusTiers', CORPUS],
                         check=True, capture_output=True, text=True, encoding='utf-8').stdout
    rows = collections.OrderedDict()
    for line in out.splitlines():
        rid, tier, rule, body, identifier = line.split('\t')
        rows[rid] = {'tier': tier, 'rule': rule, 'body': body, 'identifier': identifier}
    return rows


def third_mapping_classes(scratch):
    src = os.path.join(scratch, 'src', 'org', 'aisx', 'classify')
    os.makedirs(src)
    source = subprocess.run(['git', '-C', ROOT, 'show', THIRD_COMMIT + ':' + THIRD_SOURCE], check=True,
                            capture_output=True).stdout
    with open(os.path.join(src, 'AiRelevance.java'), 'wb') as f:
        f.write(source)
    classes = os.path.join(scratch, 'classes')
    with open(os.path.join(ROOT, 'target', 'cp.txt'), encoding='utf-8') as f:
        cp = f.read().strip()
    subprocess.run(['javac', '-nowarn', '-encoding', 'UTF-8', '-d', classes, '-cp',
                    os.pathsep.join([os.path.join(ROOT, 'target', 'classes'), cp]),
                    os.path.join(src, 'AiRelevance.java')], check=True)
    return classes


def main(argv):
    tiers_out = os.path.join(ROOT, 'target', 'tier-4', 'ai-tier-sample-4-tiers.tsv')
    if len(argv) == 2 and argv[0] == '--tiers':
        tiers_out = argv[1]
    elif argv:
        sys.exit('usage: tier-4-sample.py [--tiers TIERS.tsv]')

    with open(CORPUS, encoding='utf-8') as f:
        records = {r['id']: r for r in json.load(f)['records']}
    fourth = tiers([])
    with tempfile.TemporaryDirectory(prefix='aisx-third-mapping-') as scratch:
        third = tiers([third_mapping_classes(scratch)])
    assert list(fourth) == list(third) and set(fourth) == set(records), 'tiered ids differ'

    earlier = {}
    for name in EARLIER:
        with open(os.path.join(EVAL, name), encoding='utf-8') as f:
            for r in json.load(f)['records']:
                earlier.setdefault(r['id'], name)
    with open(os.path.join(EVAL, RECALL), encoding='utf-8') as f:
        recall = {r['id'] for r in json.load(f)['records']}

    # Sample 4a: the first 100 of the records outside the first three samples, by SHA-256(SALT + id).
    sample_a = sorted((rid for rid in records if rid not in earlier), key=lambda rid: key(SALT, rid))[:N_4A]
    rank_a = {rid: i + 1 for i, rid in enumerate(sample_a)}
    # Sample 4b: every record whose tier moves between the third and the fourth mapping.
    sample_b = sorted(rid for rid in records if third[rid]['tier'] != fourth[rid]['tier'])
    union = sorted(set(sample_a) | set(sample_b), key=lambda rid: key(ORDER_SALT, rid))

    out = []
    for rid in union:
        r = records[rid]
        out.append({'id': rid, 'identifier': r.get('identifier') or '', 'title': pick(r.get('title')),
                    'abstract': pick(r.get('abstract')), 'committee': r.get('committee') or ''})
    about = (
        "Fourth AI tier sample (docs/ai-corpus.md, 'Fourth sample (fixed before it was drawn)'), drawn by "
        "bench/tier-4-sample.py from src/main/resources/corpus/starter.json as rebuilt under the fourth "
        "mapping (%d records): sample 4a, the first %d records outside the first three tier samples by "
        "the lowercase hexadecimal SHA-256 of '%s' + id, and sample 4b, every record whose tier moves "
        "between the third and the fourth mapping; here together, each record once (%d records), in the "
        "order of the SHA-256 of '%s' + id, with id, identifier, title, abstract and committee only: which "
        "sample a record belongs to and its tiers are kept apart until the judgements are committed. "
        "Title and abstract are the English ones, else the first language the record gives; an empty "
        "abstract or committee means the record has none. To be judged by the judging rule in "
        "docs/ai-corpus.md ('The judging rule (written before judging)') from these fields only, as "
        "'core', 'adjacent' or 'not-ai', a doubtful call by its most likely reading with \"doubt\": true; "
        "strict reading first, lenient second." % (len(records), N_4A, SALT, len(union), ORDER_SALT))
    with open(OUT, 'w', encoding='utf-8') as f:
        json.dump({'about': about, 'seed': SALT, 'records': out}, f, ensure_ascii=False, indent=1)
        f.write('\n')

    os.makedirs(os.path.dirname(os.path.abspath(tiers_out)), exist_ok=True)
    with open(tiers_out, 'w', encoding='utf-8') as f:
        f.write('id\tin_4a\tin_4b\ttier_third\ttier_fourth\trule_third\trule_fourth\tbody\tidentifier'
                '\tearlier_sample\n')
        for rid in union:
            was = [earlier[rid]] if rid in earlier else []
            if rid in recall:
                was.append(RECALL)
            f.write('\t'.join([rid, str(rank_a.get(rid, '')), 'yes' if rid in sample_b else '',
                               third[rid]['tier'], fourth[rid]['tier'], third[rid]['rule'],
                               fourth[rid]['rule'], fourth[rid]['body'], fourth[rid]['identifier'],
                               ' '.join(was)]) + '\n')

    per_body = collections.defaultdict(collections.Counter)
    for rid, t in fourth.items():
        per_body[t['body']][t['tier']] += 1
    print('fourth mapping, per body (records, core, adjacent, other):')
    for body, c in sorted(per_body.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
        print('  %-12s %5d %5d %5d %5d' % (body, sum(c.values()), c['core'], c['adjacent'], c['other']))
    for name, t in (('fourth', fourth), ('third', third)):
        c = collections.Counter(v['tier'] for v in t.values())
        print('%s mapping, all %d: core %d, adjacent %d, other %d'
              % (name, len(t), c['core'], c['adjacent'], c['other']))
    kinds = collections.Counter('%s -> %s' % (third[rid]['tier'], fourth[rid]['tier']) for rid in sample_b)
    print('changes (sample 4b, %d records): %s' % (len(sample_b), dict(sorted(kinds.items()))))
    print('sample 4a: %d records (%d also in 4b, %d in the tier-recall sample); union written: %d records'
          % (len(sample_a), len(set(sample_a) & set(sample_b)), len(set(sample_a) & recall), len(union)))
    print('sample 4b: %d also in the first three samples, %d in the tier-recall sample'
          % (len([r for r in sample_b if r in earlier]), len([r for r in sample_b if r in recall])))
    print('wrote %s and %s' % (os.path.relpath(OUT, ROOT), tiers_out))


if __name__ == '__main__':
    main(sys.argv[1:])
