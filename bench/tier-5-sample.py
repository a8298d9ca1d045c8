# The fifth AI tier sample (5a), drawn by the rule in docs/ai-corpus.md ("Fifth sample (fixed before
# it was drawn)"), committed before this tool was first run and before the corpus was rebuilt under
# the fifth mapping.
#
#   python3 bench/tier-5-sample.py
#
# Needs the project built (mvn -o -q test-compile, and target/cp.txt from
# mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test).
# Reads src/main/resources/corpus/starter.json; tiers every record with the build tool
# org.aisx.classify.CorpusTiers twice: under the fifth mapping (AiRelevance as built) and under the
# fourth (AiRelevance.java of commit 41e8f12, the fifth mapping's parent, FOURTH_COMMIT below,
# compiled alone into a scratch directory and put first on the class path). Writes:
#
# - bench/tier-5a-to-judge.json: the 100 records of sample 5a with id, identifier, body, type,
#   committee, title and abstract only (no tier, rule or reason), in the order of
#   SHA-256(ORDER_SALT + id), for a judge who works blind;
# - bench/tier-5a-tiers.tsv: per record of 5a, its rank in the draw, the tiers and rules of the
#   fifth and fourth mappings, its body and identifier. Not to be shown to the judge.
#
# Prints the per-body counts under the fifth mapping, both mappings' totals, the records whose tier
# moves between them (counts only) and the sizes of the pool and the sample. Deterministic: the same
# corpus and code give the same files.
import collections, csv, hashlib, json, os, subprocess, sys, tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
EVAL = os.path.join(ROOT, 'src/test/resources/eval')
CORPUS = os.path.join(ROOT, 'src/main/resources/corpus/starter.json')
OUT = os.path.join(ROOT, 'bench', 'tier-5a-to-judge.json')
TIERS = os.path.join(ROOT, 'bench', 'tier-5a-tiers.tsv')
SALT = 'aisx-ai-tier-2026-12-05-e/'
ORDER_SALT = SALT + 'order/'
N_5A = 100
# Every earlier sample, by id: the first three tier samples, the fourth (4a and 4b together), the
# tier-recall sample, and the classification samples (training and held-out).
EARLIER = ['ai-tier-sample.json', 'ai-tier-sample-2.json', 'ai-tier-sample-3.json',
           'ai-tier-sample-4.json', 'ai-tier-recall-judged.json', 'classification.json',
           'classification-heldout.json', 'classification-heldout-2.json',
           'classification-heldout-3.json', 'classification-train-2.json',
           'classification-train-3.json']
# The relevance rule's labelled sample (AiRelevanceTest), by identifier.
RELEVANCE = os.path.join(ROOT, 'src/test/resources/corpus/relevance-sample.csv')
# The fifth mapping's parent: its AiRelevance.java is the fourth mapping.
FOURTH_COMMIT = '41e8f12'
FOURTH_SOURCE = 'src/main/java/org/aisx/classify/AiRelevance.java'


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


def fourth_mapping_classes(scratch):
    src = os.path.join(scratch, 'src', 'org', 'aisx', 'classify')
    os.makedirs(src)
    source = subprocess.run(['git', '-C', ROOT, 'show', FOURTH_COMMIT + ':' + FOURTH_SOURCE], check=True,
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
    if argv:
        sys.exit('usage: tier-5-sample.py')
    with open(CORPUS, encoding='utf-8') as f:
        records = {r['id']: r for r in json.load(f)['records']}
    fifth = tiers([])
    with tempfile.TemporaryDirectory(prefix='aisx-fourth-mapping-') as scratch:
        fourth = tiers([fourth_mapping_classes(scratch)])
    assert list(fifth) == list(fourth) and set(fifth) == set(records), 'tiered ids differ'

    earlier = set()
    for name in EARLIER:
        with open(os.path.join(EVAL, name), encoding='utf-8') as f:
            earlier |= {r['id'] for r in json.load(f)['records']}
    with open(RELEVANCE, encoding='utf-8', newline='') as f:
        labelled = {row['identifier'] for row in csv.DictReader(f)}
    earlier |= {rid for rid, r in records.items() if r.get('identifier') in labelled}

    # Sample 5a: the first 100 of the records in no earlier sample, by SHA-256(SALT + id).
    pool = [rid for rid in records if rid not in earlier]
    sample = sorted(pool, key=lambda rid: key(SALT, rid))[:N_5A]
    rank = {rid: i + 1 for i, rid in enumerate(sample)}
    shown = sorted(sample, key=lambda rid: key(ORDER_SALT, rid))

    out = []
    for rid in shown:
        r = records[rid]
        out.append({'id': rid, 'identifier': r.get('identifier') or '', 'body': r.get('sdo') or '',
                    'type': r.get('type') or '', 'committee': r.get('committee') or '',
                    'title': pick(r.get('title')), 'abstract': pick(r.get('abstract')),
                    'judged': '', 'doubt': False, 'note': ''})
    about = (
        "Fifth AI tier sample, 5a (docs/ai-corpus.md, 'Fifth sample (fixed before it was drawn)'), drawn "
        "by bench/tier-5-sample.py from src/main/resources/corpus/starter.json as rebuilt under the fifth "
        "mapping (%d records): of the %d records in no earlier sample (the tier samples 1-4 with 4a and "
        "4b, the tier-recall sample, the classification samples, the relevance rule's labelled sample), "
        "the first %d by the lowercase hexadecimal SHA-256 of '%s' + id; here in the order of the SHA-256 "
        "of '%s' + id, with id, identifier, body, type, committee, title and abstract only. Title and "
        "abstract are the English ones, else the first language the record gives; an empty abstract or "
        "committee means the record has none. To be judged blind (without bench/tier-5a-tiers.tsv, any "
        "tier or the mapping's code) by the judging rule in docs/ai-corpus.md ('The judging rule "
        "(written before judging)') from these fields only: set 'judged' to 'core', 'adjacent' or "
        "'not-ai'; a doubtful call by its most likely reading with \"doubt\": true; a note may say why."
        % (len(records), len(pool), N_5A, SALT, ORDER_SALT))
    with open(OUT, 'w', encoding='utf-8') as f:
        json.dump({'about': about, 'seed': SALT, 'records': out}, f, ensure_ascii=False, indent=1)
        f.write('\n')

    with open(TIERS, 'w', encoding='utf-8') as f:
        f.write('id\trank_5a\ttier_fifth\ttier_fourth\trule_fifth\trule_fourth\tbody\tidentifier\n')
        for rid in shown:
            f.write('\t'.join([rid, str(rank[rid]), fifth[rid]['tier'], fourth[rid]['tier'],
                               fifth[rid]['rule'], fourth[rid]['rule'], fifth[rid]['body'],
                               fifth[rid]['identifier']]) + '\n')

    per_body = collections.defaultdict(collections.Counter)
    for rid, t in fifth.items():
        per_body[t['body']][t['tier']] += 1
    print('fifth mapping, per body (records, core, adjacent, other):')
    for body, c in sorted(per_body.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
        print('  %-12s %5d %5d %5d %5d' % (body, sum(c.values()), c['core'], c['adjacent'], c['other']))
    for name, t in (('fifth', fifth), ('fourth', fourth)):
        c = collections.Counter(v['tier'] for v in t.values())
        print('%s mapping, all %d: core %d, adjacent %d, other %d'
              % (name, len(t), c['core'], c['adjacent'], c['other']))
    moved = [rid for rid in records if fourth[rid]['tier'] != fifth[rid]['tier']]
    kinds = collections.Counter('%s -> %s' % (fourth[rid]['tier'], fifth[rid]['tier']) for rid in moved)
    print('changes fourth -> fifth: %d records %s, %d of them in an earlier sample, %d in sample 5a'
          % (len(moved), dict(sorted(kinds.items())), len([r for r in moved if r in earlier]),
             len([r for r in moved if r in rank])))
    # The sample's tiers are not printed: they stay in the tiers file until the judgements are in.
    print('pool (in no earlier sample): %d records; sample 5a: %d' % (len(pool), len(sample)))
    print('wrote %s and %s' % (os.path.relpath(OUT, ROOT), os.path.relpath(TIERS, ROOT)))


if __name__ == '__main__':
    main(sys.argv[1:])
