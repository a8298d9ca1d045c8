package org.aisx.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceNamesTest {
  @Test
  void aSourceKeepsEverythingButTheAddressAnOlderVersionWrote() {
    assertThat(SourceNames.publishable("edit:coordinator@example.org")).isEqualTo("edit");
    assertThat(SourceNames.publishable("edit:coordinator")).isEqualTo("edit:coordinator");
    // A feed's name with an @ that is no address stays as it is.
    assertThat(SourceNames.publishable("iso@2025-06")).isEqualTo("iso@2025-06");
    assertThat(SourceNames.publishable("https://host/feed@v2")).isEqualTo("https://host/feed@v2");
    assertThat(SourceNames.publishable("relaton-ieee-2025")).isEqualTo("relaton-ieee-2025");
    assertThat(SourceNames.publishable("submission:42")).isEqualTo("submission:42");
    assertThat(SourceNames.publishable("someone@example.org")).isEqualTo(SourceNames.WITHHELD);
    assertThat(SourceNames.publishable(null)).isNull();
  }

  @Test
  void recordsEventsAndReviewsReadFromAnywhereCarryNoAddress() {
    Standard s =
        Standard.builder("X 1")
            .source("edit:a@example.org")
            .fieldSources(Map.of("title", List.of("edit:a@example.org", "edit", "relaton-x")))
            .build();
    assertThat(s.source()).isEqualTo("edit");
    assertThat(s.fieldSources()).containsEntry("title", List.of("edit", "relaton-x"));
    HistoryEvent e =
        new HistoryEvent(
            1,
            "x-1",
            Instant.EPOCH,
            HistoryEvent.Kind.CREATED,
            null,
            null,
            null,
            "a@example.org",
            "edit:a@example.org",
            1);
    assertThat(e.source()).isEqualTo("edit");
    assertThat(e.actor()).as("who did it, for admins").isEqualTo("a@example.org");
  }
}
