package org.aisx.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ScoredDocs#top} ranks the matches as Lucene's {@code FunctionScoreQuery.boostByValue}
 * replayed through a searcher does: the same documents in the same order with the same float
 * scores, ties and documents without a value included, across segments.
 */
class ScoredDocsTopTest {
  @TempDir Path dir;

  @Test
  void theTopMatchesByScoreTimesValueAreLucenesOwn() throws Exception {
    Random r = new Random(7);
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter w =
            new IndexWriter(d, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
      for (int segment = 0; segment < 3; segment++) {
        for (int i = 0; i < 400; i++) {
          Document doc = new Document();
          doc.add(new StringField("id", segment + "-" + i, Field.Store.NO));
          if (i % 7 != 0) { // every seventh without a value: it keeps its score
            double[] currencies = {0.9, 0.95, 1.0};
            doc.add(new DoubleDocValuesField("c", currencies[r.nextInt(3)]));
          }
          w.addDocument(doc);
        }
        w.commit();
      }
      try (DirectoryReader reader = DirectoryReader.open(w)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        assertThat(reader.leaves()).hasSize(3);
        int max = reader.maxDoc();
        for (int trial = 0; trial < 20; trial++) {
          int[] docs = r.ints(r.nextInt(600) + 1, 0, max).distinct().sorted().toArray();
          float[] scores = new float[docs.length];
          for (int i = 0; i < docs.length; i++) {
            // Few distinct scores, so that many ties are ranked by document.
            scores[i] = 0.6f + 0.05f * r.nextInt(5);
          }
          ScoredDocs matches = ScoredDocs.sorted(docs, scores);
          DoubleValuesSource c = DoubleValuesSource.fromDoubleField("c");
          for (int k : new int[] {1, 10, 100, docs.length + 5}) {
            ScoreDoc[] lucene =
                searcher.search(FunctionScoreQuery.boostByValue(matches.query(), c), k).scoreDocs;
            ScoreDoc[] ours = matches.top(searcher, k, c);
            assertThat(Arrays.stream(ours).mapToInt(s -> s.doc).toArray())
                .as("trial %d, k %d", trial, k)
                .containsExactly(Arrays.stream(lucene).mapToInt(s -> s.doc).toArray());
            for (int i = 0; i < ours.length; i++) {
              assertThat(ours[i].score).isEqualTo(lucene[i].score);
            }
          }
        }
      }
    }
  }
}
