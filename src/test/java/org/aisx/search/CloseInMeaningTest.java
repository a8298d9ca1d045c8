package org.aisx.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both ways of {@link CloseInMeaning} (exact scan, k-NN with growing k) give the records at least
 * the floor similar, as a cosine over every vector computed here gives them: 40 clusters of 60 unit
 * vectors around random centres (seed 21), each centre a query with its cluster above the floor.
 */
class CloseInMeaningTest {
  static final double FLOOR = 0.64;
  @TempDir Path dir;

  @Test
  void bothWaysFindExactlyTheVectorsAboveTheFloor() throws IOException {
    Random r = new Random(21);
    List<float[]> centres = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    for (int c = 0; c < 40; c++) {
      float[] centre = unit(gaussian(r, 64, 1));
      centres.add(centre);
      for (int i = 0; i < 60; i++) {
        float[] noise = gaussian(r, 64, 0.08);
        float[] v = new float[64];
        for (int j = 0; j < 64; j++) {
          v[j] = centre[j] + noise[j];
        }
        vectors.add(unit(v));
      }
    }
    try (FSDirectory d = FSDirectory.open(dir)) {
      try (IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
        for (float[] v : vectors) {
          Document doc = new Document();
          doc.add(new KnnFloatVectorField("v", v, VectorSimilarityFunction.DOT_PRODUCT));
          w.addDocument(doc);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(d)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        int nonEmpty = 0;
        for (float[] q : centres) {
          Set<Integer> expected = new TreeSet<>();
          for (int i = 0; i < vectors.size(); i++) {
            if (dot(q, vectors.get(i)) >= FLOOR) {
              expected.add(i); // one segment, documents in insertion order
            }
          }
          nonEmpty += expected.isEmpty() ? 0 : 1;
          assertThat(matches(searcher, new CloseInMeaning("v", q, FLOOR))).isEqualTo(expected);
          assertThat(matches(searcher, new CloseInMeaning("v", q, FLOOR, 0))).isEqualTo(expected);
        }
        assertThat(nonEmpty).isEqualTo(centres.size());
      }
    }
  }

  static Set<Integer> matches(IndexSearcher searcher, Query query) throws IOException {
    return scored(searcher, query).keySet();
  }

  /** Every match of {@code query} (global doc id) with its score. */
  static java.util.Map<Integer, Float> scored(IndexSearcher searcher, Query query)
      throws IOException {
    java.util.Map<Integer, Float> out = new java.util.TreeMap<>();
    searcher.search(
        query,
        new SimpleCollector() {
          int base;
          org.apache.lucene.search.Scorable scorer;

          @Override
          protected void doSetNextReader(LeafReaderContext context) {
            base = context.docBase;
          }

          @Override
          public void setScorer(org.apache.lucene.search.Scorable scorer) {
            this.scorer = scorer;
          }

          @Override
          public void collect(int doc) throws IOException {
            out.put(base + doc, scorer.score());
          }

          @Override
          public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE;
          }
        });
    return out;
  }

  static float[] gaussian(Random r, int n, double sd) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (sd * r.nextGaussian());
    }
    return v;
  }

  static float[] unit(float[] v) {
    double norm = Math.sqrt(dot(v, v));
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / norm);
    }
    return out;
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
