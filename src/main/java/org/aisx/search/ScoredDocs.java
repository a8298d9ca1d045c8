package org.aisx.search;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * Every match of a query on one searcher, with its score, computed once: hybrid search needs the
 * keyword and the vector matches for its hit set, its facet counts, each ranked list and the "found
 * by meaning" marks, and evaluating the many-field keyword query (or the vector search) once per
 * use was most of its cost (JFR: term lookups and weights). {@link #query} replays the matches with
 * their scores as a Lucene query, so that drill-down filters and collectors apply to them as to the
 * original, with the same scores and so the same ranking.
 */
final class ScoredDocs {
  private final int[] docs; // global doc ids, ascending
  private final float[] scores;

  private ScoredDocs(int[] docs, float[] scores) {
    this.docs = docs;
    this.scores = scores;
  }

  /** The matches of {@code query} on {@code searcher}, scored as the query scores them. */
  static ScoredDocs of(IndexSearcher searcher, Query query) throws IOException {
    Gather gather = new Gather();
    searcher.search(query, gather);
    return new ScoredDocs(
        Arrays.copyOf(gather.docs, gather.size), Arrays.copyOf(gather.scores, gather.size));
  }

  /** Matches given by global doc id, ascending, each with its score. */
  static ScoredDocs sorted(int[] docs, float[] scores) {
    if (docs.length != scores.length) {
      throw new IllegalArgumentException("docs and scores differ in length");
    }
    for (int i = 1; i < docs.length; i++) {
      if (docs[i - 1] >= docs[i]) {
        throw new IllegalArgumentException("docs not ascending at " + i);
      }
    }
    return new ScoredDocs(docs, scores);
  }

  int size() {
    return docs.length;
  }

  /** Whether {@code doc} (a global id) is a match. */
  boolean contains(int doc) {
    return Arrays.binarySearch(docs, doc) >= 0;
  }

  /** The matches of both, scores left out (constant). */
  static ScoredDocs union(ScoredDocs a, ScoredDocs b) {
    int[] out = new int[a.docs.length + b.docs.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.docs.length || j < b.docs.length) {
      int next;
      if (j == b.docs.length || (i < a.docs.length && a.docs[i] < b.docs[j])) {
        next = a.docs[i++];
      } else if (i == a.docs.length || b.docs[j] < a.docs[i]) {
        next = b.docs[j++];
      } else {
        next = a.docs[i++];
        j++;
      }
      out[n++] = next;
    }
    return new ScoredDocs(Arrays.copyOf(out, n), new float[n]);
  }

  static ScoredDocs none() {
    return new ScoredDocs(new int[0], new float[0]);
  }

  /** The matches as a query on the same searcher's reader, each with its score. */
  Query query() {
    return new Replay(this);
  }

  /** Collects every match in doc order (leaves are searched in order, one at a time). */
  private static final class Gather implements Collector {
    int[] docs = new int[64];
    float[] scores = new float[64];
    int size;

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) {
      int base = context.docBase;
      return new LeafCollector() {
        Scorable scorer;

        @Override
        public void setScorer(Scorable scorer) {
          this.scorer = scorer;
        }

        @Override
        public void collect(int doc) throws IOException {
          if (size == docs.length) {
            docs = Arrays.copyOf(docs, size * 2);
            scores = Arrays.copyOf(scores, size * 2);
          }
          docs[size] = base + doc;
          scores[size] = scorer.score();
          size++;
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE;
    }
  }

  /** {@link ScoredDocs} as a query: only valid on the reader it was gathered from. */
  private static final class Replay extends Query {
    private final ScoredDocs matches;

    Replay(ScoredDocs matches) {
      this.matches = matches;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
      return new Weight(this) {
        @Override
        public Scorer scorer(LeafReaderContext context) {
          int base = context.docBase;
          int from = lowerBound(matches.docs, base);
          int to = lowerBound(matches.docs, base + context.reader().maxDoc());
          if (from == to) {
            return null;
          }
          return new ReplayScorer(this, matches, base, from, to, boost);
        }

        @Override
        public boolean isCacheable(LeafReaderContext ctx) {
          return false; // a per-request set, never worth caching
        }

        @Override
        public Explanation explain(LeafReaderContext context, int doc) {
          int i = Arrays.binarySearch(matches.docs, context.docBase + doc);
          return i >= 0
              ? Explanation.match(boost * matches.scores[i], "replayed score")
              : Explanation.noMatch("not a replayed match");
        }
      };
    }

    @Override
    public void visit(QueryVisitor visitor) {
      visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
      return "ScoredDocs(" + matches.docs.length + " docs)";
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Replay r && r.matches == matches;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(matches);
    }
  }

  /** The first index of {@code sorted} whose value is at least {@code key}. */
  static int lowerBound(int[] sorted, int key) {
    int i = Arrays.binarySearch(sorted, key);
    if (i >= 0) {
      return i;
    }
    return -i - 1;
  }

  private static final class ReplayScorer extends Scorer {
    private final ScoredDocs matches;
    private final int base;
    private final int from;
    private final int to;
    private final float boost;
    private int at;

    ReplayScorer(Weight weight, ScoredDocs matches, int base, int from, int to, float boost) {
      super(weight);
      this.matches = matches;
      this.base = base;
      this.from = from;
      this.to = to;
      this.boost = boost;
      this.at = from - 1;
    }

    @Override
    public int docID() {
      if (at < from) {
        return -1;
      }
      return at >= to ? DocIdSetIterator.NO_MORE_DOCS : matches.docs[at] - base;
    }

    @Override
    public float score() {
      return boost * matches.scores[at];
    }

    @Override
    public float getMaxScore(int upTo) {
      return Float.POSITIVE_INFINITY;
    }

    @Override
    public DocIdSetIterator iterator() {
      return new DocIdSetIterator() {
        @Override
        public int docID() {
          return ReplayScorer.this.docID();
        }

        @Override
        public int nextDoc() {
          at = Math.max(at + 1, from);
          return docID();
        }

        @Override
        public int advance(int target) {
          // In long: base + NO_MORE_DOCS (a conjunction advances to it) overflows an int, which
          // found the leaf's first match instead of the end (LandscapeTest: Lucene's assertion).
          long key = (long) base + target;
          int i =
              key > matches.docs[to - 1]
                  ? to
                  : Arrays.binarySearch(matches.docs, from, to, (int) key);
          if (i < 0) {
            i = -i - 1;
          }
          at = Math.max(Math.max(i, at + 1), from);
          return docID();
        }

        @Override
        public long cost() {
          return to - from;
        }
      };
    }
  }
}
