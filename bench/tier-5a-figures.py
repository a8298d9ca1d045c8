# Figures of the fifth AI tier sample (5a) by the rule in docs/ai-corpus.md ("Fifth sample (fixed
# before it was drawn)", "Figures"), computed after the judgements were committed, and a stratified
# estimate of the fifth mapping's strict core precision over the whole corpus.
#
#   python3 bench/tier-5a-figures.py          (prints the figures and writes bench/tier-5a-figures.txt)
#
# Needs what bench/tier-5-sample.py needs (the project built, target/cp.txt) and reuses its code: the
# corpus, the list of earlier samples, and the tiers of every corpus record under the fifth mapping
# (AiRelevance as built) and the fourth (AiRelevance.java of commit 41e8f12), both by the build tool
# org.aisx.classify.CorpusTiers.
#
# Sample 5a: reads src/test/resources/eval/ai-tier-sample-5a.json (the judge's file, committed as bench/tier-5a-judged.json) and checks that it is
# bench/tier-5a-to-judge.json with only judged/doubt/note filled in, and that the tiers recorded at
# the draw (bench/tier-5a-tiers.tsv) are the tiers the mappings give now.
#
# - strict reading: a record is AI only when judged 'core';
# - lenient reading, as the fourth and fifth samples' rules define it: a record judged 'adjacent' and
#   marked doubtful counts as AI too (a doubtful 'not-ai' does not); shown also with every doubtful
#   non-core call counted as AI, which differs from it by one record here;
# - core precision = tiered core and AI / tiered core; core recall = tiered core and AI / AI; Wilson
#   95 % intervals.
#
# Whole corpus (an estimate): the corpus's records in three strata, by the earlier samples that
# bench/tier-5-sample.py excludes:
# - judged for the tier: in a tier sample (first, second, third, tier-recall, fourth with 4a and 4b);
#   a record judged in several takes the latest sample's judgement (in that order), and the count with
#   the earliest instead is printed beside it. The fifth mapping was tuned on these judgements;
# - in an earlier sample, but not judged for the tier (only in a classification sample or the
#   relevance rule's labelled sample): no strict judgement exists; 5a's precision stands in for it;
# - in no earlier sample (the pool 5a was drawn from): 5a's precision.
import collections, csv, hashlib, importlib.util, json, math, os, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location('tier_5_sample', os.path.join(HERE, 'tier-5-sample.py'))
ts = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ts)

ROOT = ts.ROOT
JUDGED = os.path.join(ROOT, 'src', 'test', 'resources', 'eval', 'ai-tier-sample-5a.json')
OUTPUT = os.path.join(ROOT, 'bench', 'tier-5a-figures.txt')
# The tier samples in the order they were judged (a later judgement of the same record wins).
TIER_SAMPLES = ['ai-tier-sample.json', 'ai-tier-sample-2.json', 'ai-tier-sample-3.json',
                'ai-tier-recall-judged.json', 'ai-tier-sample-4.json']
JUDGE_FIELDS = ('judged', 'doubt', 'note')

lines = []


def out(s=''):
    lines.append(s)
    print(s)


def sha256(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


def wilson(k, n, z=1.96):
    if n == 0:
        return (float('nan'), float('nan'))
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / (1 + z * z / n)
    return (centre - half, centre + half)


def fig(k, n):
    lo, hi = wilson(k, n)
    return '%d/%d = %.3f [%.3f, %.3f]' % (k, n, k / n, lo, hi)


def figures(rows, tier, ai):
    """Core precision and recall: rows are the sample's records, tier(r) the mapping's, ai(r) the reading."""
    core = [r for r in rows if tier(r) == 'core']
    judged = [r for r in rows if ai(r)]
    both = [r for r in core if ai(r)]
    return len(both), len(core), len(judged)


def main(argv):
    if argv:
        sys.exit('usage: tier-5a-figures.py')
    out('Sample 5a, figures (bench/tier-5a-figures.py)')
    for path in (ts.OUT, JUDGED, os.path.join(ROOT, 'bench', 'tier-5a-tiers.tsv')):
        out('  sha256 %s  %s' % (sha256(path), os.path.relpath(path, ROOT)))

    with open(ts.OUT, encoding='utf-8') as f:
        blind = json.load(f)
    with open(JUDGED, encoding='utf-8') as f:
        judged = json.load(f)
    assert {k: v for k, v in blind.items() if k != 'records'} == \
        {k: v for k, v in judged.items() if k != 'records'}, 'header changed'
    assert len(blind['records']) == len(judged['records']) == ts.N_5A
    for b, j in zip(blind['records'], judged['records']):
        assert set(b) == set(j), b['id']
        for k in b:
            if k not in JUDGE_FIELDS:
                assert b[k] == j[k], (b['id'], k)
        assert j['judged'] in ('core', 'adjacent', 'not-ai'), j['id']
    rows = judged['records']

    with open(ts.TIERS, encoding='utf-8', newline='') as f:
        drawn = {r['id']: r for r in csv.DictReader(f, delimiter='\t')}
    with open(ts.CORPUS, encoding='utf-8') as f:
        records = {r['id']: r for r in json.load(f)['records']}
    fifth = ts.tiers([])
    with tempfile.TemporaryDirectory(prefix='aisx-fourth-mapping-') as scratch:
        fourth = ts.tiers([ts.fourth_mapping_classes(scratch)])
    assert set(fifth) == set(fourth) == set(records)
    for r in rows:
        assert drawn[r['id']]['tier_fifth'] == fifth[r['id']]['tier'], r['id']
        assert drawn[r['id']]['tier_fourth'] == fourth[r['id']]['tier'], r['id']
    out('  the judged file is the blind file with only judged/doubt/note filled in; the tiers of the'
        ' draw are the tiers the mappings give now')

    calls = collections.Counter(r['judged'] for r in rows)
    doubt = collections.Counter(r['judged'] for r in rows if r['doubt'])
    out('  judged: %d core, %d adjacent, %d not-ai; doubtful: %d (core %d, adjacent %d, not-ai %d)'
        % (calls['core'], calls['adjacent'], calls['not-ai'], sum(doubt.values()), doubt['core'],
           doubt['adjacent'], doubt['not-ai']))

    readings = [
        ('strict', lambda r: r['judged'] == 'core'),
        ('lenient (core, or adjacent and doubtful)',
         lambda r: r['judged'] == 'core' or (r['judged'] == 'adjacent' and r['doubt'])),
        ('lenient, any doubtful call counted as AI (not the rule\'s reading)',
         lambda r: r['judged'] == 'core' or r['doubt']),
    ]
    mappings = [('fifth', lambda r: fifth[r['id']]['tier']), ('fourth', lambda r: fourth[r['id']]['tier'])]
    out()
    out('%-68s %-7s %-32s %s' % ('reading', 'mapping', 'core precision', 'core recall'))
    for rname, ai in readings:
        for mname, tier in mappings:
            both, core, judged_ai = figures(rows, tier, ai)
            out('%-68s %-7s %-32s %s' % (rname, mname, fig(both, core), fig(both, judged_ai)))

    out()
    for mname, tier in mappings:
        out('strict disagreements, %s mapping:' % mname)
        for r in rows:
            if (tier(r) == 'core') != (r['judged'] == 'core'):
                out('  %s: tiered %s, judged %s%s (%s)' % (r['identifier'], tier(r), r['judged'],
                                                          ', doubtful' if r['doubt'] else '', r['note']))
    moved = [r for r in rows if fifth[r['id']]['tier'] != fourth[r['id']]['tier']]
    out('records of 5a whose tier differs between the mappings: %d' % len(moved))
    for r in moved:
        out('  %s: fourth %s, fifth %s, judged %s%s' % (r['identifier'], fourth[r['id']]['tier'],
                                                       fifth[r['id']]['tier'], r['judged'],
                                                       ', doubtful' if r['doubt'] else ''))

    # Whole corpus, by stratum.
    history = collections.defaultdict(list)
    for name in TIER_SAMPLES:
        with open(os.path.join(ts.EVAL, name), encoding='utf-8') as f:
            for r in json.load(f)['records']:
                if r['id'] in records:
                    history[r['id']].append((name, r['judged']))
    earlier = set()
    for name in ts.EARLIER:
        with open(os.path.join(ts.EVAL, name), encoding='utf-8') as f:
            earlier |= {r['id'] for r in json.load(f)['records']}
    with open(ts.RELEVANCE, encoding='utf-8', newline='') as f:
        labelled = {row['identifier'] for row in csv.DictReader(f)}
    earlier |= {rid for rid, r in records.items() if r.get('identifier') in labelled}
    earlier &= set(records)
    tier_judged = set(history)
    assert tier_judged <= earlier
    untiered = earlier - tier_judged
    pool = set(records) - earlier
    sample = {r['id'] for r in rows}
    assert sample <= pool

    several = {rid: h for rid, h in history.items() if len(h) > 1}
    conflicts = {rid: h for rid, h in several.items() if len({j == 'core' for _, j in h}) > 1}
    out()
    out('Whole corpus (%d records), strata:' % len(records))
    out('  judged for the tier in an earlier tier sample: %d (%d of them in more than one, %d of those'
        ' with judgements on both sides of core)' % (len(tier_judged), len(several), len(conflicts)))
    for rid, h in sorted(conflicts.items()):
        out('    %s (fifth %s): %s' % (records[rid].get('identifier'), fifth[rid]['tier'],
                                       ', '.join('%s %s' % (n, j) for n, j in h)))
    out('  in an earlier sample but not judged for the tier (classification or relevance samples only):'
        ' %d' % len(untiered))
    out('  in no earlier sample: %d (sample 5a: %d of them)' % (len(pool), len(sample)))

    for mname, tiers in (('fifth', fifth), ('fourth', fourth)):
        cores = {rid for rid, t in tiers.items() if t['tier'] == 'core'}
        s5 = figures(rows, lambda r: tiers[r['id']]['tier'], lambda r: r['judged'] == 'core')
        p5, (lo5, hi5) = s5[0] / s5[1], wilson(s5[0], s5[1])
        out()
        out('%s mapping: %d cores in the corpus; 5a core precision %s' % (mname, len(cores), fig(s5[0], s5[1])))
        for pick, label in ((lambda h: h[-1][1], 'latest'), (lambda h: h[0][1], 'earliest')):
            jc = cores & tier_judged
            good = len([rid for rid in jc if pick(history[rid]) == 'core'])
            agree = len([rid for rid in tier_judged
                         if (tiers[rid]['tier'] == 'core') == (pick(history[rid]) == 'core')])
            uc = len(cores & untiered)
            pc = len(cores & pool)
            est = good + (uc + pc) * p5
            lo, hi = good + (uc + pc) * lo5, good + (uc + pc) * hi5
            out('  judged stratum (%s judgement wins): cores judged core %s; core/non-core agreement over'
                ' all %d judged records %d/%d = %.3f' % (label, fig(good, len(jc)), len(tier_judged),
                                                         agree, len(tier_judged), agree / len(tier_judged)))
            out('  not judged for the tier: %d cores x 5a precision; in no earlier sample: %d cores x 5a'
                ' precision' % (uc, pc))
            out('  strict-core records among the %d cores, estimate: %.0f [%.0f, %.0f]; precision %.3f'
                ' [%.3f, %.3f]' % (len(cores), est, lo, hi, est / len(cores), lo / len(cores),
                                   hi / len(cores)))
            exact = len([r for r in rows if tiers[r['id']]['tier'] == 'core' and r['judged'] == 'core'])
            rest = len((cores & pool) - sample)
            est2 = good + exact + (uc + rest) * p5
            out('    (with 5a\'s own %d records counted as judged and the rate for the other %d + %d: %.0f,'
                ' %.3f)' % (len(cores & sample), uc, rest, est2, est2 / len(cores)))
            if mname == 'fifth' and label == 'latest':
                for rate, why in ((0.859, 'the fourth mapping\'s 4a precision'),
                                  (0.913, 'the fifth mapping\'s (tuned) 4a precision')):
                    e = good + uc * rate + pc * p5
                    out('    sensitivity: the not-judged stratum at %.3f (%s): %.0f, %.3f'
                        % (rate, why, e, e / len(cores)))
                e0, e1 = good + pc * p5, good + uc + pc * p5
                out('    bounds for the not-judged stratum (none / all of its %d cores strict core): %.0f to'
                    ' %.0f, %.3f to %.3f' % (uc, e0, e1, e0 / len(cores), e1 / len(cores)))

    with open(OUTPUT, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')
    print('wrote %s' % os.path.relpath(OUTPUT, ROOT))


if __name__ == '__main__':
    main(sys.argv[1:])
