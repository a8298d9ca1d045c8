package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.HistoryEvent;
import org.aisx.catalog.Standard;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A changed field's values as the history, the change log and the feeds show them: plain text, not
 * the JSON an event stores.
 */
class HistoryValuesTest {
  @TempDir Path dir;

  private static HistoryEvent changed(String field, String oldValue, String newValue) {
    return new HistoryEvent(
        1,
        "x-1",
        Instant.EPOCH,
        HistoryEvent.Kind.FIELD_CHANGED,
        field,
        oldValue,
        newValue,
        "import",
        "a-feed",
        2);
  }

  @Test
  void aTextPerLanguageShowsTheChangedLanguagesAndAListItsWords() {
    assertThat(
            HistoryValues.of(
                changed("title", "{\"en\":\"QA test x\"}", "{\"en\":\"QA test y\"}"), "en"))
        .isEqualTo(new HistoryValues.Shown("QA test x", "QA test y"));
    assertThat(
            HistoryValues.of(
                changed("title", "{\"en\":\"QA test x\"}", "{\"en\":\"QA test y\"}"), "fr"))
        .isEqualTo(new HistoryValues.Shown("en: QA test x", "en: QA test y"));
    assertThat(
            HistoryValues.of(
                changed(
                    "title",
                    "{\"en\":\"Same\",\"fr\":\"Ancien\"}",
                    "{\"en\":\"Same\",\"fr\":\"Nouveau\",\"es\":\"Nuevo\"}"),
                "en"))
        .isEqualTo(new HistoryValues.Shown("fr: Ancien", "es: Nuevo · fr: Nouveau"));
    assertThat(HistoryValues.of(changed("title", null, "{\"en\":\"First\"}"), "en"))
        .isEqualTo(new HistoryValues.Shown(null, "First"));
    assertThat(HistoryValues.of(changed("keywords", "[\"a\",\"b\"]", "[]"), "en"))
        .isEqualTo(new HistoryValues.Shown("a, b", null));
    assertThat(HistoryValues.of(changed("status", "draft", "in-force"), "en"))
        .isEqualTo(new HistoryValues.Shown("draft", "in-force"));
    String identifiers = "[{\"type\":\"isbn\",\"value\":\"1\"}]";
    assertThat(HistoryValues.of(changed("identifiers", identifiers, "[]"), "en").oldValue())
        .isEqualTo(identifiers);
    assertThat(HistoryValues.of(changed("title", "{not json", "{\"en\":\"x\"}"), "en").oldValue())
        .isEqualTo("{not json");
  }

  @Test
  void theRecordsHistoryTheChangeLogAndTheFeedShowATitleChangeAsText() throws Exception {
    try (App app = Fixtures.empty(dir)) {
      Standard s =
          app.reader()
              .read(
                  app.json()
                      .readTree(
                          """
                          {"identifier": "IEEE 9000-2026", "sdo": "IEEE", "type": "international-standard",
                           "status": "in-force", "title": {"en": "QA test x"}}
                          """));
      app.catalog().save(s, "import", "a-feed", null);
      app.catalog()
          .save(
              s.toBuilder().title(java.util.Map.of("en", "QA test updated")).build(),
              "import",
              "a-feed",
              null);
      try (WebServer web = app.web().start(0)) {
        Http http = new Http(web.port());
        String record =
            Jsoup.parse(http.get("/standards/ieee-9000-2026").body())
                .select("table.history")
                .text();
        assertThat(record).contains("title: QA test x → QA test updated").doesNotContain("{");
        String changes = Jsoup.parse(http.get("/changes").body()).select("table.history").text();
        assertThat(changes)
            .contains("title: QA test x → QA test updated")
            .doesNotContain("{\"en\"");
        assertThat(http.get("/feeds/standards/ieee-9000-2026.atom").body())
            .contains("QA test x")
            .doesNotContain("{&quot;en&quot;")
            .doesNotContain("{\"en\"");
      }
    }
  }
}
