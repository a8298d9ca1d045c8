package org.aisx.search;

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
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The int8 scan in front of {@link CloseInMeaning}'s exact scan changes nothing: the same records
 * with the same scores as reading every float vector, over 384-dimension unit vectors whose
 * similarities to the queries are spread across the floor (so that many lie within the bound's
 * width of it), in three segments, one with deletions. Run here with the plain int8 loop; {@code
 * SimdInt8DotTest} runs it with the JDK's vector API.
 */
class QuantizedVectorsTest {
  static final double FLOOR = 0.64;
  static final int DIM = 384;
  @TempDir Path dir;
  List<float[]> queries;

  @BeforeEach
  void index() throws IOException {
    queries = index(dir);
  }

  /**
   * Writes the vectors (twelve clusters of 250, four per segment) into {@code dir}; returns the
   * queries: the twelve centres and one between two of them (which finds nothing).
   */
  static List<float[]> index(Path dir) throws IOException {
    List<float[]> queries = new ArrayList<>();
    Random r = new Random(7);
    IndexWriterConfig config = new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE);
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, config)) {
      int id = 0;
      for (int segment = 0; segment < 3; segment++) {
        for (int c = 0; c < 4; c++) {
          float[] centre = CloseInMeaningTest.unit(CloseInMeaningTest.gaussian(r, DIM, 1));
          queries.add(centre);
          for (int i = 0; i < 250; i++) {
            // cosine to the centre uniform in [0.45, 0.85] for half of them, in [0.635, 0.645] for
            // the others: within the rounding error of the int8 codes of the floor
            double cos = i % 2 == 0 ? 0.45 + 0.4 * r.nextDouble() : 0.635 + 0.01 * r.nextDouble();
            float[] v = towards(centre, cos, r);
            Document doc = new Document();
            doc.add(new StringField("id", Integer.toString(id++), Field.Store.NO));
            doc.add(new KnnFloatVectorField("v", v, VectorSimilarityFunction.DOT_PRODUCT));
            w.addDocument(doc);
          }
        }
        w.commit();
      }
      for (int i = 0; i < 3000; i += 7) {
        w.deleteDocuments(new Term("id", Integer.toString(i)));
      }
      w.commit();
    }
    queries.add(CloseInMeaningTest.unit(sum(queries.get(0), queries.get(1))));
    return queries;
  }

  @Test
  void theInt8ScanFindsTheSameRecordsWithTheSameScoresAsTheFloatScan() throws IOException {
    assertSameAsFloatScan(dir, queries, new QuantizedScan("v", Int8Dot.SCALAR));
  }

  @Test
  void theBoundLetsThroughFewRecordsBelowTheFloor() throws IOException {
    QuantizedScan scan = new QuantizedScan("v", Int8Dot.SCALAR);
    try (FSDirectory d = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(d)) {
      long candidates = 0;
      long above = 0;
      long all = 0;
      for (float[] q : queries) {
        for (LeafReaderContext leaf : reader.leaves()) {
          QuantizedVectors vectors = scan.of(leaf.reader()).orElseThrow();
          candidates += vectors.candidates(q, FLOOR, Int8Dot.SCALAR).length;
          all += leaf.reader().maxDoc();
        }
        above +=
            CloseInMeaningTest.matches(new IndexSearcher(reader), new CloseInMeaning("v", q, FLOOR))
                .size();
      }
      // deleted records are candidates too, so compare with a margin over the live matches
      assertThat(candidates).isLessThan(2 * above).isLessThan(all / 4);
    }
  }

  /**
   * For each query, the int8 scan's matches and scores equal the float scan's, and these are the
   * records at least the floor similar; some lie within the bound's width (0.03) of the floor.
   */
  static void assertSameAsFloatScan(Path dir, List<float[]> queries, QuantizedScan scan)
      throws IOException {
    try (FSDirectory d = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(d)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      int nearFloor = 0;
      int nonEmpty = 0;
      for (float[] q : queries) {
        Map<Integer, Float> floats =
            CloseInMeaningTest.scored(
                searcher, new CloseInMeaning("v", q, FLOOR, Integer.MAX_VALUE));
        Map<Integer, Float> int8 =
            CloseInMeaningTest.scored(
                searcher, new CloseInMeaning("v", q, FLOOR, Integer.MAX_VALUE, scan));
        assertThat(int8).isEqualTo(floats);
        nonEmpty += floats.isEmpty() ? 0 : 1;
        for (float score : floats.values()) {
          nearFloor += 2 * score - 1 < FLOOR + 0.03 ? 1 : 0;
        }
      }
      assertThat(nonEmpty).isEqualTo(12);
      assertThat(nearFloor).isGreaterThan(100);
    }
  }

  static float[] towards(float[] centre, double cos, Random r) {
    float[] noise = CloseInMeaningTest.gaussian(r, centre.length, 1);
    double along = CloseInMeaningTest.dot(noise, centre);
    for (int j = 0; j < noise.length; j++) {
      noise[j] -= (float) (along * centre[j]);
    }
    float[] u = CloseInMeaningTest.unit(noise);
    double sin = Math.sqrt(1 - cos * cos);
    float[] v = new float[centre.length];
    for (int j = 0; j < v.length; j++) {
      v[j] = (float) (cos * centre[j] + sin * u[j]);
    }
    return CloseInMeaningTest.unit(v);
  }

  static float[] sum(float[] a, float[] b) {
    float[] out = new float[a.length];
    for (int j = 0; j < a.length; j++) {
      out[j] = a[j] + b[j];
    }
    return out;
  }
}
