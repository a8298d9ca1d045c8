package org.aisx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.aisx.catalog.Progress;
import org.aisx.catalog.Standard;
import org.aisx.search.Hit;
import org.aisx.search.SearchRequest;
import org.aisx.store.StoreConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21 item 2: a fresh {@code serve} unpacks the build's ready-made catalogue instead of
 * loading the bundled corpus record by record, and what it unpacks is what the loading would have
 * made.
 */
class StarterImageTest {
  @TempDir Path unpacked;
  @TempDir Path loaded;
  @TempDir Path other;

  @Test
  void theImageHoldsWhatAFirstStartWouldHaveLoadedAndOpensInStep() throws Exception {
    assertThat(StarterImage.class.getResource(StarterImage.RESOURCE))
        .as("the build's image (StarterImageWriter, before the tests)")
        .isNotNull();
    assertThat(StarterImage.unpackIfFresh(unpacked)).isTrue();
    // The image's index is merged to one segment holding no replaced documents, so that its BM25
    // statistics are those of the records alone (StarterImageWriter.mergeToOneSegment).
    try (DirectoryReader image =
        DirectoryReader.open(FSDirectory.open(unpacked.resolve(App.INDEX_DIR)))) {
      assertThat(image.leaves()).hasSize(1);
      assertThat(image.maxDoc()).isEqualTo(image.numDocs());
    }
    Map<String, List<String>> imageRanks = new TreeMap<>();
    try (App fromImage = Fixtures.empty(unpacked);
        App fromCorpus = Fixtures.empty(loaded)) {
      App.Seeded seeded = fromCorpus.beginSeeding().orElseThrow().run(Progress.SILENT);
      assertThat(seeded.corpus().createdCount()).isPositive();

      // Open without a rebuild, and a first serve there has nothing left to load.
      assertThat(fromImage.index().inStepWith(fromImage.store)).isTrue();
      App.Seeding seeding = fromImage.beginSeeding().orElseThrow();
      assertThat(seeding.corpus()).isFalse();
      App.Seeded none = seeding.run(Progress.SILENT);
      assertThat(none.resources().created()).isZero();
      assertThat(none.curatedSuites()).isZero();

      assertThat(records(fromImage)).isEqualTo(records(fromCorpus));
      assertThat(fromImage.store.lastEventSeq()).isEqualTo(fromCorpus.store.lastEventSeq());
      assertThat(fromImage.vectors().count())
          .isEqualTo(fromCorpus.vectors().count())
          .isEqualTo(fromCorpus.catalog().count());
      assertThat(fromImage.resources().count())
          .isEqualTo(fromCorpus.resources().count())
          .isPositive();
      assertThat(fromImage.suites().published()).hasSameSizeAs(fromCorpus.suites().published());
      for (String q : QUERIES) {
        imageRanks.put(q, ranked(fromImage, q));
        assertThat(imageRanks.get(q)).as(q).isNotEmpty();
      }
      // The topics were computed into the image: the first start serves them at once.
      fromImage.startTopics(Progress.SILENT);
      assertThat(fromImage.topics().current()).isPresent();
    }
    // Words rank alike once the loaded index has reclaimed its replaced documents. Loading the
    // corpus writes some records to the index more than once, and until Lucene's merges reclaim
    // the replaced documents BM25 still counts them in its statistics (measured: 1,498 documents
    // for 1,202 records); the image is merged to one segment without them. So the loaded index is
    // merged the same way here, and then the rankings must be the same.
    StarterImageWriter.mergeToOneSegment(loaded.resolve(App.INDEX_DIR));
    try (App fromCorpus = Fixtures.empty(loaded)) {
      assertThat(fromCorpus.index().inStepWith(fromCorpus.store)).isTrue();
      for (String q : QUERIES) {
        assertThat(ranked(fromCorpus, q)).as(q).isEqualTo(imageRanks.get(q));
      }
    }
  }

  private static final List<String> QUERIES =
      List.of("42001", "Y.3172", "management system", "bias");

  @Test
  void aDirectoryWithAStoreOrAnIndexIsLeftAlone() throws Exception {
    try (App app = Fixtures.empty(unpacked)) {
      assertThat(app.catalog().count()).isZero();
    }
    assertThat(StarterImage.unpackIfFresh(unpacked)).isFalse();
    try (App app = Fixtures.empty(unpacked)) {
      assertThat(app.catalog().count()).isZero();
    }

    Files.createDirectories(other.resolve(App.INDEX_DIR));
    assertThat(StarterImage.fresh(other)).isFalse();
    assertThat(StarterImage.unpackIfFresh(other)).isFalse();
    assertThat(other.resolve(StoreConfig.EMBEDDED_FILE)).doesNotExist();
  }

  @Test
  void anUnpackingStoppedHalfWayIsDoneAgainFromTheStart() throws Exception {
    Path leftover = Files.createDirectories(unpacked.resolve(".starter-image.partial/index"));
    Files.writeString(leftover.resolve("_0.cfs"), "half a file", StandardCharsets.UTF_8);
    assertThat(StarterImage.unpackIfFresh(unpacked)).isTrue();
    assertThat(unpacked.resolve(".starter-image.partial")).doesNotExist();
    try (App app = Fixtures.empty(unpacked)) {
      assertThat(app.catalog().count()).isPositive();
      assertThat(app.index().inStepWith(app.store)).isTrue();
    }
  }

  @Test
  void anImageWithAnEntryOutsideItsFilesIsRefusedAndNothingIsMovedIn() throws Exception {
    for (String entry : List.of("../outside.txt", "notes.txt")) {
      byte[] zip =
          zip(Map.of(StoreConfig.EMBEDDED_FILE, "store", "index/segments_1", "index", entry, "x"));
      Path dir = Files.createDirectories(other.resolve(entry.length() + "-" + entry.hashCode()));
      assertThatThrownBy(() -> StarterImage.unpack(new ByteArrayInputStream(zip), dir))
          .isInstanceOf(IOException.class)
          .hasMessageContaining(entry);
      assertThat(StarterImage.fresh(dir)).as(entry).isTrue();
      assertThat(other.resolve("outside.txt")).doesNotExist();
    }
    byte[] withoutIndex = zip(Map.of(StoreConfig.EMBEDDED_FILE, "store"));
    assertThatThrownBy(() -> StarterImage.unpack(new ByteArrayInputStream(withoutIndex), unpacked))
        .hasMessageContaining("lacks its store or its index");
    assertThat(StarterImage.fresh(unpacked)).isTrue();
  }

  private static Map<String, Standard> records(App app) {
    Map<String, Standard> all = new TreeMap<>();
    app.catalog().forEach(s -> all.put(s.id(), s));
    return all;
  }

  private static List<String> ranked(App app, String q) {
    SearchRequest request =
        new SearchRequest(
            q,
            Map.of(),
            null,
            null,
            SearchRequest.Sort.RELEVANCE,
            1,
            10,
            SearchRequest.Mode.KEYWORD);
    return app.index().search(request).items().stream().map(Hit::id).toList();
  }

  private static byte[] zip(Map<String, String> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, String> e : new TreeMap<>(entries).entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
