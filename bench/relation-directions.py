# Which way the ISO and IEC Relaton feeds point their `updates` and `obsoletes` links, measured
# over whole feeds: python3 bench/relation-directions.py ../shared/data/relaton-iso.yaml.gz ...
#
# A link joins the record's primary identifier (docid primary, else the first) and its bibitem's.
# Edition year: the first ":YYYY" of an identifier (as IsoIecRules.updatesDirection reads it).
# Same document: the identifiers equal once every ":YYYY" and a trailing "(E)" are taken out
# ("ISO 12813:2015" and "ISO 12813:2019"; "ISO 12813:2015/Amd 1:2017" is another document).
import collections, gzip, re, sys
import yaml

YEAR = re.compile(r':((?:19|20)\d{2})\b')
LOADER = getattr(yaml, 'CSafeLoader', yaml.SafeLoader)


def primary(docids):
    if isinstance(docids, dict):
        docids = [docids]
    if not docids:
        return None
    for d in docids:
        if isinstance(d, dict) and d.get('primary'):
            return str(d.get('id'))
    d = docids[0]
    return str(d.get('id')) if isinstance(d, dict) else None


def stage(doc):
    # The harmonized stage code: below 60 a draft, else the code as the feed gives it.
    s = ((doc.get('docstatus') or {}).get('stage') or {})
    value = str(s.get('value') if isinstance(s, dict) else s)
    return 'draft' if value[:2].isdigit() and int(value[:2]) < 60 else value


DRAFT = re.compile(r'\b(PWI|NP|AWI|WD|CD|DIS|FDIS|PRF|DTS|DTR|DPAS|DAmd|FDAmd|PDAM|DAM|DCOR|FDCOR)\b')
# IsoIecRules.willBeReplacedBy (EditionKey.namesIsoDraft, EditionKey.dated): the obsoletes links the
# importer reads as replaced-by, ISO's "Will be replaced by".
ISO_DRAFT = re.compile(r'^(?:ISO|IEC)\b.*?\b(?:PWI|NP|AWI|WD|CD|DIS|FDIS|PRF|(?:P|F)?D(?:TR|TS|PAS)'
                       r'|(?:P|F)?DAmd|(?:P|F)?DAM|F?DCOR|F?DCor|F?DGuide)\b')


def will_be_replaced_by(source, target):
    return bool(YEAR.search(source)) and not YEAR.search(target) and bool(ISO_DRAFT.search(target.strip()))


def year(identifier):
    m = YEAR.search(identifier)
    return int(m.group(1)) if m else 0


def document(identifier):
    return re.sub(r'\([A-Z]\)$', '', YEAR.sub('', identifier)).strip()


def documents(path):
    # One '---' document per record, parsed one by one (as RelatonReader does), so that the few
    # records YAML refuses are counted, not fatal.
    lines = []
    with gzip.open(path, 'rt', encoding='utf-8') as f:
        for line in f:
            if line.startswith('---') or line.startswith('...'):
                if lines:
                    yield ''.join(lines)
                lines = []
            else:
                lines.append(line)
    if lines:
        yield ''.join(lines)


def census(path):
    counts = collections.Counter()
    examples = collections.defaultdict(list)
    pairs = collections.defaultdict(set)
    links = collections.defaultdict(set)
    for text in documents(path):
        try:
            doc = yaml.load(text, Loader=LOADER)
        except yaml.YAMLError:
            counts['unreadable record'] += 1
            continue
        if not isinstance(doc, dict):
            continue
        counts['records'] += 1
        source = primary(doc.get('docid'))
        for rel in doc.get('relation') or []:
            if not isinstance(rel, dict):
                continue
            kind = rel.get('type')
            if kind not in ('updates', 'obsoletes'):
                counts['other relation ' + str(kind)] += 1
                continue
            counts[kind] += 1
            target = primary((rel.get('bibitem') or {}).get('docid'))
            links[kind].add((source, target))
            if not source or not target:
                counts[kind + ': no identifier'] += 1
                continue
            if kind == 'obsoletes' and source != target and will_be_replaced_by(source, target):
                counts['obsoletes: read as replaced-by (IsoIecRules.willBeReplacedBy)'] += 1
            ys, yt = year(source), year(target)
            if source == target:
                counts[f'{kind}: to itself'] += 1
                continue
            same = document(source) == document(target)
            where = 'same document' if same else 'other documents'
            if not ys or not yt:
                cls = 'undated ' + ('source' if not ys else 'target') + (
                    ' (source stage ' + stage(doc) + ')' if not ys else '')
                if ys and not yt:
                    cls += ' (a draft)' if DRAFT.search(target) else ' (not a draft)'
                    pairs[kind].add((source, target))
            elif yt > ys:
                cls = 'target newer'
            elif yt < ys:
                cls = 'target older'
            else:
                cls = 'same year'
            counts[f'{kind}: {where}, {cls}'] += 1
            key = f'{kind}: {where}, {cls}'
            if len(examples[key]) < 4:
                examples[key].append(f'{source} -> {target}')
    # A dated edition pointing to an undated one: does the undated one point back the same way?
    for kind, found in pairs.items():
        for source, target in found:
            back = (target, source) in links[kind]
            counts[f'{kind}: dated -> undated, distinct pairs, the undated one {kind} it too: {back}'] += 1
    return counts, examples


for path in sys.argv[1:]:
    counts, examples = census(path)
    print(f'## {path}')
    for k in sorted(counts):
        print(f'{counts[k]:>8}  {k}')
    for k in sorted(examples):
        print(f'   e.g. {k}: ' + '; '.join(examples[k]))
