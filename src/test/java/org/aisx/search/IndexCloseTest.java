package org.aisx.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.aisx.catalog.Json;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What closing the index keeps: the merges that opening it set off (so that the next start does not
 * merge the same segments again), never a write that {@code publish} has not committed.
 */
class IndexCloseTest {
  private static final int SEGMENTS = 15;

  @TempDir Path dir;

  /** An index of {@code SEGMENTS} one-document segments, committed with store mark 7. */
  private void manySegments() throws IOException {
    try (Directory d = FSDirectory.open(dir);
        IndexWriter w =
            new IndexWriter(d, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
      for (int i = 0; i < SEGMENTS; i++) {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.ID, "doc-" + i, StringField.Store.YES));
        w.addDocument(doc);
        w.setLiveCommitData(Map.of("storeMark", "7").entrySet());
        w.commit();
      }
    }
  }

  private SegmentInfos lastCommit() throws IOException {
    try (Directory d = FSDirectory.open(dir)) {
      return SegmentInfos.readLatestCommit(d);
    }
  }

  private static void awaitMerges(SearchIndex index) throws InterruptedException {
    for (int i = 0; i < 600 && index.merging(); i++) {
      Thread.sleep(50);
    }
    assertThat(index.merging()).as("merges still running after 30 s").isFalse();
  }

  @Test
  void anIndexAnotherProcessHoldsIsRefusedSayingSoAndWhatToDo() {
    try (SearchIndex first =
        SearchIndex.open(
            dir,
            org.aisx.catalog.Json.mapper(),
            VectorSource.NONE,
            SuggestionSource.NONE,
            SearchIndex.Marks.STORE_EVENTS,
            QueryExpansion.NONE)) {
      assertThat(first).isNotNull();
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  SearchIndex.open(
                      dir,
                      org.aisx.catalog.Json.mapper(),
                      VectorSource.NONE,
                      SuggestionSource.NONE,
                      SearchIndex.Marks.STORE_EVENTS,
                      QueryExpansion.NONE))
          .hasMessageContaining("another process holds it")
          .hasMessageContaining("'serve'")
          .hasMessageContaining("'backup'");
    }
  }

  @Test
  void mergesThatEndedBeforeCloseAreKeptUnderTheSameMark() throws Exception {
    manySegments();
    assertThat(lastCommit().size()).isEqualTo(SEGMENTS);

    SearchIndex index = SearchIndex.open(dir, Json.mapper());
    awaitMerges(index);
    index.close();

    SegmentInfos kept = lastCommit();
    assertThat(kept.size()).isLessThan(SEGMENTS);
    assertThat(kept.getUserData()).containsEntry("storeMark", "7");
    assertThat(kept.totalMaxDoc()).isEqualTo(SEGMENTS);
  }

  @Test
  void aWriteNotPublishedIsNotCommittedAtClose() throws Exception {
    manySegments();
    long generation = lastCommit().getGeneration();

    SearchIndex index = SearchIndex.open(dir, Json.mapper());
    index.upsert(
        Standard.builder("RFC 9110")
            .title(Map.of("en", "HTTP Semantics"))
            .sdo("IETF")
            .type(PublicationType.INTERNATIONAL_STANDARD)
            .status(Status.IN_FORCE)
            .published("2022-06")
            .build());
    awaitMerges(index);
    index.close();

    SegmentInfos kept = lastCommit();
    assertThat(kept.getGeneration()).isEqualTo(generation);
    assertThat(kept.totalMaxDoc()).isEqualTo(SEGMENTS);
  }
}
