package org.aisx.search;

import static org.aisx.search.CloseInMeaningTest.gaussian;
import static org.aisx.search.CloseInMeaningTest.scored;
import static org.aisx.search.CloseInMeaningTest.unit;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The records close in meaning to a query, kept per segment between requests ({@link
 * AboveFloorCache}), are the records the scan finds, with the same scores: before and after
 * deletions, with a new segment, and within the cache's bound.
 */
class AboveFloorCacheTest {
  static final double FLOOR = CloseInMeaningTest.FLOOR;
  @TempDir Path dir;

  final Random random = new Random(33);
  final List<float[]> centres = new ArrayList<>();
  int next;

  /** Adds 20 clusters of 30 vectors around this test's centres, as one new segment. */
  void addSegment(IndexWriter w) throws IOException {
    for (int c = 0; c < 20; c++) {
      if (centres.size() <= c) {
        centres.add(unit(gaussian(random, 64, 1)));
      }
      for (int i = 0; i < 30; i++) {
        float[] noise = gaussian(random, 64, 0.08);
        float[] v = new float[64];
        for (int j = 0; j < 64; j++) {
          v[j] = centres.get(c)[j] + noise[j];
        }
        Document doc = new Document();
        doc.add(new StringField("id", Integer.toString(next++), Field.Store.NO));
        doc.add(new KnnFloatVectorField("v", unit(v), VectorSimilarityFunction.DOT_PRODUCT));
        w.addDocument(doc);
      }
    }
    w.commit();
  }

  Map<Integer, Float> cached(IndexSearcher s, AboveFloorCache cache, float[] q) throws IOException {
    return scored(s, new CloseInMeaning("v", q, FLOOR, Integer.MAX_VALUE, null, cache));
  }

  Map<Integer, Float> uncached(IndexSearcher s, float[] q) throws IOException {
    return scored(s, new CloseInMeaning("v", q, FLOOR, Integer.MAX_VALUE, null, null));
  }

  @Test
  void keptMatchesAreTheScannedOnesThroughDeletionsAndNewSegments() throws IOException {
    AboveFloorCache cache = new AboveFloorCache(AboveFloorCache.DEFAULT_MAX_BYTES);
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter w =
            new IndexWriter(d, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
      addSegment(w);
      addSegment(w);
      DirectoryReader reader = DirectoryReader.open(w);
      try {
        IndexSearcher s = new IndexSearcher(reader);
        assertThat(reader.leaves()).hasSize(2);
        for (float[] q : centres) {
          Map<Integer, Float> expected = uncached(s, q);
          assertThat(expected).hasSizeGreaterThan(40); // the cluster in both segments
          assertThat(cached(s, cache, q)).isEqualTo(expected); // scanned, then kept
          assertThat(cached(s, cache, q)).isEqualTo(expected); // from the cache
        }
        assertThat(cache.stats().hits()).isEqualTo(2L * centres.size());
        assertThat(cache.stats().misses()).isEqualTo(2L * centres.size());

        // Deletions: the same segments (entries kept), fewer live records.
        for (int id = 0; id < next; id += 3) {
          w.deleteDocuments(new Term("id", Integer.toString(id)));
        }
        addSegment(w); // and a third segment
        DirectoryReader newer = DirectoryReader.openIfChanged(reader, w);
        reader.close();
        reader = newer;
        s = new IndexSearcher(reader);
        long hitsBefore = cache.stats().hits();
        for (float[] q : centres) {
          Map<Integer, Float> expected = uncached(s, q);
          assertThat(cached(s, cache, q)).isEqualTo(expected);
        }
        // The two old segments answered from the cache, the new one was scanned.
        assertThat(cache.stats().hits() - hitsBefore).isEqualTo(2L * centres.size());
      } finally {
        reader.close();
      }
    }
  }

  @Test
  void theCacheStaysWithinItsBoundAndDropsTheSegmentsThatClose() throws IOException {
    AboveFloorCache small = new AboveFloorCache(3_000);
    AboveFloorCache ample = new AboveFloorCache(AboveFloorCache.DEFAULT_MAX_BYTES);
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
      addSegment(w);
      addSegment(w);
      try (DirectoryReader reader = DirectoryReader.open(w)) {
        IndexSearcher s = new IndexSearcher(reader);
        for (float[] q : centres) {
          assertThat(cached(s, small, q)).isEqualTo(uncached(s, q));
          assertThat(small.stats().bytes()).isLessThanOrEqualTo(3_000);
          cached(s, ample, q);
        }
        assertThat(small.stats().entries()).isBetween(1, 2 * centres.size() - 1);
        assertThat(ample.stats().entries()).isEqualTo(reader.leaves().size() * centres.size());
        w.forceMerge(1);
        w.commit();
      }
      // The old segments closed with the reader: their entries are gone.
      assertThat(ample.stats().entries()).isZero();
      assertThat(ample.stats().bytes()).isZero();
    }
  }
}
