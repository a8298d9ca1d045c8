package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.HistoryEvent;
import org.aisx.catalog.Standard;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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

  private static Messages t(String lang) {
    return new Messages(java.util.Locale.forLanguageTag(lang));
  }

  @Test
  void aTextPerLanguageShowsTheChangedLanguagesByNameAndAListItsWords() {
    assertThat(
            HistoryValues.of(
                changed("title", "{\"en\":\"QA test x\"}", "{\"en\":\"QA test y\"}"), t("en")))
        .isEqualTo(new HistoryValues.Shown("QA test x", "QA test y"));
    assertThat(
            HistoryValues.of(
                changed("title", "{\"en\":\"QA test x\"}", "{\"en\":\"QA test y\"}"), t("fr")))
        .isEqualTo(new HistoryValues.Shown("anglais\u00a0: QA test x", "anglais\u00a0: QA test y"));
    assertThat(
            HistoryValues.of(
                changed(
                    "title",
                    "{\"en\":\"Same\",\"fr\":\"Ancien\"}",
                    "{\"en\":\"Same\",\"fr\":\"Nouveau\",\"es\":\"Nuevo\"}"),
                t("en")))
        .isEqualTo(new HistoryValues.Shown("French: Ancien", "Spanish: Nuevo · French: Nouveau"));
    assertThat(HistoryValues.of(changed("title", null, "{\"en\":\"First\"}"), t("en")))
        .isEqualTo(new HistoryValues.Shown(null, "First"));
    assertThat(HistoryValues.of(changed("keywords", "[\"a\",\"b\"]", "[]"), t("en")))
        .isEqualTo(new HistoryValues.Shown("a, b", null));
    assertThat(
            HistoryValues.of(changed("title", "{not json", "{\"en\":\"x\"}"), t("en")).oldValue())
        .isEqualTo("{not json");
  }

  @Test
  void codedValuesRelationsAndDatesAreSaidInTheReadersLanguage() throws Exception {
    assertThat(HistoryValues.of(changed("status", "draft", "in-force"), t("fr")))
        .isEqualTo(new HistoryValues.Shown("Projet", "En vigueur"));
    assertThat(HistoryValues.of(changed("status", "draft", "in-force"), t("ru")))
        .isEqualTo(new HistoryValues.Shown("Проект", "Действует"));
    assertThat(HistoryValues.of(changed("status", "draft", "in-force"), t("ar")))
        .isEqualTo(new HistoryValues.Shown("مشروع", "نافذ"));
    String relations = "[{\"type\":\"replaced-by\",\"target\":\"ISO 2\",\"targetId\":\"iso-2\"}]";
    assertThat(HistoryValues.of(changed("relations", "[]", relations), t("fr")))
        .isEqualTo(new HistoryValues.Shown(null, "Remplacée par ISO 2"));
    assertThat(HistoryValues.of(changed("relations", relations, null), t("ru")))
        .isEqualTo(new HistoryValues.Shown("Заменён документом ISO 2", null));
    assertThat(HistoryValues.of(changed("relations", null, relations), t("ar")).newValue())
        .isEqualTo("حل محله \u2068ISO 2\u2069"); // the identifier isolated on a right-to-left page
    String identifiers = "[{\"type\":\"isbn\",\"value\":\"1\"}]";
    assertThat(HistoryValues.of(changed("identifiers", identifiers, "[]"), t("en")).oldValue())
        .isEqualTo("isbn 1");
    assertThat(HistoryValues.of(changed("published", "2023-12", "2023-12-18"), t("fr")))
        .isEqualTo(new HistoryValues.Shown("décembre 2023", "18 déc. 2023"));
    assertThat(HistoryValues.field(changed("relations", null, relations), t("fr")))
        .isEqualTo(PagesTest.say("fr", "record.relations"));
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
        assertThat(record).contains("Title: QA test x → QA test updated").doesNotContain("{");
        String changes = Jsoup.parse(http.get("/changes").body()).select("table.history").text();
        assertThat(changes)
            .contains("Title: QA test x → QA test updated")
            .doesNotContain("{\"en\"");
        app.catalog()
            .save(
                app.catalog().get("ieee-9000-2026").toBuilder()
                    .relations(
                        List.of(
                            org.aisx.catalog.Relation.of(
                                org.aisx.catalog.RelationType.REPLACED_BY, "IEEE 9001-2027")))
                    .fieldSources(Map.of("kind", List.of("a-feed"), "sdo", List.of("b-feed")))
                    .build(),
                "import",
                "a-feed",
                null);
        for (String lang : List.of("fr", "ru", "ar")) {
          String said =
              PagesTest.shown(lang, "relation.replaced-by")
                  + (lang.equals("ar") ? " \u2068IEEE 9001-2027\u2069" : " IEEE 9001-2027");
          Document page = Jsoup.parse(http.get("/standards/ieee-9000-2026?lang=" + lang).body());
          assertThat(page.select("table.history").text())
              .as(lang)
              .contains(
                  PagesTest.shown(lang, "record.relations")
                      + PagesTest.colon(lang)
                      + "∅ "
                      + (lang.equals("ar") ? "←" : "→")
                      + " "
                      + said)
              .doesNotContain("\"type\"", "replaced-by");
          assertThat(
                  Jsoup.parse(http.get("/changes?lang=" + lang).body())
                      .select("table.history")
                      .text())
              .as(lang)
              .contains(said)
              .doesNotContain("\"type\"");
          // The sources per field name the fields as the page does (if the record keeps them).
          assertThat(page.select(".field-sources .muted").eachText())
              .as(lang)
              .doesNotContain("kind", "sdo");
        }
        assertThat(http.get("/feeds/standards/ieee-9000-2026.atom").body())
            .contains("QA test x")
            .doesNotContain("{&quot;en&quot;")
            .doesNotContain("{\"en\"");
      }
    }
  }
}
