package org.aisx.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Progress;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.aisx.search.Hit;
import org.aisx.search.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background job embeds what is written while the service runs, and a changed text makes the
 * old vector void until the new one is computed. Real model, real store, real index.
 */
class EmbeddingJobTest {
  @TempDir Path dir;

  @Test
  void aRecordWrittenWhileServingIsEmbeddedAndFoundByMeaning() throws Exception {
    try (App app = Fixtures.starter(dir)) {
      app.startEmbedding(Progress.SILENT);
      // The RFC fixtures have no bundled vectors: the job's catch-up embeds them.
      Standard rfc = app.catalog().get("rfc-9110");
      awaitVector(app, rfc);

      Standard written =
          Standard.builder("IEEE P9999")
              .title(Map.of("en", "Standard for Beekeeping Robots that Inspect Hives"))
              .summary(
                  Map.of(
                      "en",
                      "Autonomous machines that open honeybee hives, photograph the frames and"
                          + " detect varroa mites with computer vision."))
              .sdo("IEEE")
              .type(PublicationType.INTERNATIONAL_STANDARD)
              .status(Status.DRAFT)
              .build();
      app.catalog().save(written, "test", "test", null);
      Standard stored = app.catalog().get(written.id());
      awaitVector(app, stored);

      // The job stores the vector, then re-indexes the record and publishes: wait for that.
      SearchRequest byMeaning =
          new SearchRequest(
              "robots checking beehives for mites",
              Map.of(),
              null,
              null,
              SearchRequest.Sort.RELEVANCE,
              1,
              3,
              SearchRequest.Mode.SEMANTIC);
      List<Hit> hits = app.hybridSearch().search(byMeaning).items();
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (hits.stream().noneMatch(h -> h.id().equals(stored.id()))
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
        hits = app.hybridSearch().search(byMeaning).items();
      }
      assertThat(hits).extracting(Hit::id).first().isEqualTo(stored.id());

      // New text: the stored vector no longer counts, until the job has computed the new one.
      Standard edited =
          stored.toBuilder()
              .summary(Map.of("en", "Measuring the noise of wind turbines near homes."))
              .build();
      app.catalog().save(edited, "test", "test", stored.revision());
      Standard current = app.catalog().get(written.id());
      float[] before = app.vectors().vectorFor(stored);
      awaitVector(app, current);
      assertThat(app.vectors().vectorFor(current)).isNotEqualTo(before);
    }
  }

  private static void awaitVector(App app, Standard s) throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (app.vectors().vectorFor(s) == null && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(app.vectors().vectorFor(s)).as("vector of " + s.id()).isNotNull();
  }
}
