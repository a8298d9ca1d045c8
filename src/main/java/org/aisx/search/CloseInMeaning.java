package org.aisx.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.DocIdSetBuilder;

/**
 * Every record whose vector is at least a floor similar to a query vector, each scored by its
 * vector similarity as Lucene scores it ({@code (1 + cosine) / 2} for unit vectors and
 * DOT_PRODUCT).
 *
 * <p>Not {@code FloatVectorSimilarityQuery}: it walks the HNSW graph only through nodes at least
 * its traversal similarity close, so with the traversal similarity at the floor a query whose entry
 * point lies below it stops at a local best and finds nothing, and a second region above the floor
 * is never reached (on the bundled corpus it found 0.727 of the records above the floor for the
 * judged queries; {@code AboveFloorTest}). Instead, on rewrite:
 *
 * <ul>
 *   <li>up to {@link #exactUpTo} stored vectors, an exact scan of all of them (a dot product per
 *       record: on the bundled corpus cheaper than a graph search);
 *   <li>beyond that, Lucene's k-nearest-neighbour search ({@link KnnFloatVectorQuery}, whose beam
 *       of width k does not stop at a local best) with k = {@link #FIRST_K}, then the floor; while
 *       all k neighbours are above the floor there may be more, so k grows fourfold, until some
 *       neighbour falls below the floor or k reaches a quarter of the vectors, where the exact scan
 *       is cheaper than the graph.
 * </ul>
 *
 * The answer is the rewritten query: the matches with their scores ({@link ScoredDocs}), valid on
 * the searcher that rewrote it.
 */
public final class CloseInMeaning extends Query {
  /**
   * Up to this many stored vectors, the set is found by an exact scan. SimilarityFloorBenchmark
   * (BENCHMARKS.md): the scan was faster than the growing k-NN at 1k, 20k, 50k and 100k synthetic
   * vectors, because hundreds of records per query are above the floor and k must grow past them.
   * Over the whole shared-feed catalogue's 185,988 real vectors (17 segments; the 30 load-test
   * queries, one thread, quiet machine) the scan took 28-29 ms median and 29-30 ms p90, the k-NN
   * 21-35 ms median but 136-139 ms p90, and the k-NN missed 965 of the 67,747 records above the
   * floor (BENCHMARKS.md, "Every record's vector"). The graph pays only well beyond that size.
   */
  public static final int EXACT_UP_TO = 250_000;

  static final int FIRST_K = 256;

  private final String field;
  private final float[] target;
  private final float floorScore;
  private final int exactUpTo;

  /**
   * The int8 scan that finds the candidates of the exact scan first; null: every float vector. Not
   * part of the query's equality: the matches and scores are the same either way.
   */
  private final QuantizedScan quantized;

  /**
   * Where each segment's matches are kept between requests; null: nowhere. Not part of equality.
   */
  private final AboveFloorCache cache;

  /**
   * Records at least {@code floorCosine} similar to the unit vector {@code target} in the
   * DOT_PRODUCT vector field {@code field}, found as the class says.
   */
  public CloseInMeaning(String field, float[] target, double floorCosine) {
    this(field, target, floorCosine, EXACT_UP_TO);
  }

  /**
   * As {@link #CloseInMeaning(String, float[], double)} with another limit for the exact scan (0:
   * always the graph until k reaches a quarter of the vectors; benchmarks compare the two ways).
   */
  public CloseInMeaning(String field, float[] target, double floorCosine, int exactUpTo) {
    this(field, target, floorCosine, exactUpTo, null);
  }

  /**
   * As {@link #CloseInMeaning(String, float[], double, int)}, the exact scan reading first the
   * segments' int8 copies in {@code quantized} (null: none), then the float vectors of the records
   * that can be above the floor only: the same matches and scores, about a third of the time
   * (median) over the whole shared-feed catalogue (BENCHMARKS.md, "The default mode over the whole
   * shared-feed catalogue").
   */
  public CloseInMeaning(
      String field, float[] target, double floorCosine, int exactUpTo, QuantizedScan quantized) {
    this(field, target, floorCosine, exactUpTo, quantized, null);
  }

  /**
   * As {@link #CloseInMeaning(String, float[], double, int, QuantizedScan)}, the exact scan's
   * matches of each segment kept in {@code cache} (null: none) and taken from it when the same
   * query comes again: the same matches and scores.
   */
  CloseInMeaning(
      String field,
      float[] target,
      double floorCosine,
      int exactUpTo,
      QuantizedScan quantized,
      AboveFloorCache cache) {
    this.cache = cache;
    this.quantized = quantized;
    this.field = Objects.requireNonNull(field, "field");
    this.target = target.clone();
    this.floorScore = (float) ((1 + floorCosine) / 2);
    this.exactUpTo = exactUpTo;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    long vectors = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
      vectors += values == null ? 0 : values.size();
    }
    if (vectors == 0) {
      return new MatchNoDocsQuery("no vectors");
    }
    if (vectors <= exactUpTo) {
      return exact(searcher).query();
    }
    for (long k = FIRST_K; 4 * k < vectors; k *= 4) {
      TopDocs top = searcher.search(new KnnFloatVectorQuery(field, target, (int) k), (int) k);
      ScoreDoc[] hits = top.scoreDocs;
      if (hits.length < k || hits[hits.length - 1].score < floorScore) {
        return aboveFloor(hits).query();
      }
    }
    return exact(searcher).query();
  }

  private ScoredDocs aboveFloor(ScoreDoc[] hits) {
    ScoreDoc[] kept =
        Arrays.stream(hits)
            .filter(h -> h.score >= floorScore)
            .sorted((a, b) -> Integer.compare(a.doc, b.doc))
            .toArray(ScoreDoc[]::new);
    int[] docs = new int[kept.length];
    float[] scores = new float[kept.length];
    for (int i = 0; i < kept.length; i++) {
      docs[i] = kept[i].doc;
      scores[i] = kept[i].score;
    }
    return ScoredDocs.sorted(docs, scores);
  }

  /**
   * Every live record's similarity, kept at the floor or above; leaves in order, so docs ascend.
   */
  private ScoredDocs exact(IndexSearcher searcher) throws IOException {
    int[] docs = new int[64];
    float[] scores = new float[64];
    int n = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      AboveFloorCache.Matches m =
          cache == null ? null : cache.get(leaf.reader(), field, floorScore, target);
      if (m == null) {
        m = scan(leaf);
        if (m == null) {
          continue;
        }
        if (cache != null) {
          cache.put(leaf.reader(), field, floorScore, target, m);
        }
      }
      Bits live = leaf.reader().getLiveDocs();
      for (int i = 0; i < m.docs().length; i++) {
        if (live != null && !live.get(m.docs()[i])) {
          continue;
        }
        if (n == docs.length) {
          docs = Arrays.copyOf(docs, n * 2);
          scores = Arrays.copyOf(scores, n * 2);
        }
        docs[n] = leaf.docBase + m.docs()[i];
        scores[n] = m.scores()[i];
        n++;
      }
    }
    return ScoredDocs.sorted(Arrays.copyOf(docs, n), Arrays.copyOf(scores, n));
  }

  /**
   * The documents of one segment with a vector at least the floor similar, deleted or not (the
   * caller applies the live documents, so that the answer can be kept whatever is deleted later);
   * null when the segment has no vectors.
   */
  private AboveFloorCache.Matches scan(LeafReaderContext leaf) throws IOException {
    FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
    if (values == null) {
      return null;
    }
    FieldInfo info = leaf.reader().getFieldInfos().fieldInfo(field);
    DocIdSetIterator which = values;
    if (quantized != null) {
      QuantizedVectors q = quantized.of(leaf.reader()).orElse(null);
      if (q != null) {
        which =
            candidates(
                q.candidates(target, 2.0 * floorScore - 1, quantized.product()),
                leaf.reader().maxDoc());
      }
    }
    int[] docs = new int[16];
    float[] scores = new float[16];
    int n = 0;
    for (int d = which.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = which.nextDoc()) {
      if (which != values && values.advance(d) != d) {
        throw new IllegalStateException("no vector for candidate " + d + " of " + leaf);
      }
      float score = info.getVectorSimilarityFunction().compare(target, values.vectorValue());
      if (score >= floorScore) {
        if (n == docs.length) {
          docs = Arrays.copyOf(docs, n * 2);
          scores = Arrays.copyOf(scores, n * 2);
        }
        docs[n] = d;
        scores[n] = score;
        n++;
      }
    }
    return new AboveFloorCache.Matches(Arrays.copyOf(docs, n), Arrays.copyOf(scores, n));
  }

  /** The segment's documents {@code docs} (ascending), as an iterator. */
  private static DocIdSetIterator candidates(int[] docs, int maxDoc) throws IOException {
    DocIdSetBuilder set = new DocIdSetBuilder(maxDoc);
    DocIdSetBuilder.BulkAdder adder = set.grow(docs.length);
    for (int d : docs) {
      adder.add(d);
    }
    DocIdSetIterator it = set.build().iterator();
    return it == null ? DocIdSetIterator.empty() : it;
  }

  @Override
  public void visit(QueryVisitor visitor) {
    if (visitor.acceptField(field)) {
      visitor.visitLeaf(this);
    }
  }

  @Override
  public String toString(String defaultField) {
    return "CloseInMeaning[" + field + ", score >= " + floorScore + "]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CloseInMeaning c
        && c.field.equals(field)
        && c.floorScore == floorScore
        && c.exactUpTo == exactUpTo
        && Arrays.equals(c.target, target);
  }

  @Override
  public int hashCode() {
    return Objects.hash(field, floorScore, exactUpTo, Arrays.hashCode(target));
  }
}
