# The rule (fixed before looking at the files): per target, the long run's generated corpus sorted
# by (size, name); the entries at 10 evenly spaced ranks (0, (n-1)/9, ..., n-1, rounded down);
# an entry whose bytes the repository's corpus folder already holds is skipped (not replaced).
import hashlib, os, sys
repo = sys.argv[1]  # the checkout to add to; usage: python3 bench/fuzz-corpus-sample.py . GENERATED_CORPUS_DIR
gen = sys.argv[2] if len(sys.argv) > 2 else '.cifuzz-corpus'
targets = {'relaton':'org.aisx.ingest.FeedParsersFuzzTest','rfcIndex':'org.aisx.ingest.FeedParsersFuzzTest',
  'isoOpenData':'org.aisx.ingest.FeedParsersFuzzTest','csv':'org.aisx.ingest.FeedParsersFuzzTest',
  'ris':'org.aisx.ingest.FeedParsersFuzzTest','search':'org.aisx.web.SearchQueryFuzzTest'}
total = 0
for t, cls in targets.items():
    src = os.path.join(gen, cls, t)
    if not os.path.isdir(src): print(t, 'no corpus'); continue
    pkg = cls.rsplit('.',1)[0].replace('.','/'); name = cls.rsplit('.',1)[1]
    dst = os.path.join(repo, 'src/test/resources', pkg, name + 'Inputs', t)
    have = {hashlib.sha1(open(os.path.join(dst,f),'rb').read()).hexdigest() for f in os.listdir(dst)}
    files = sorted(os.listdir(src), key=lambda f: (os.path.getsize(os.path.join(src,f)), f))
    n = len(files); picks = sorted({(i*(n-1))//9 for i in range(10)})
    added = 0; size = 0
    for i in picks:
        f = files[i]; b = open(os.path.join(src,f),'rb').read()
        h = hashlib.sha1(b).hexdigest()
        if h in have: continue
        open(os.path.join(dst,'fuzzed-'+h),'wb').write(b); added += 1; size += len(b); have.add(h)
    total += size
    print(t, 'generated', n, 'added', added, 'bytes', size)
print('total bytes', total)
