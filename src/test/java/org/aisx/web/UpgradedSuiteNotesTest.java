package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.PlainText;
import org.aisx.store.OldSchemaStore;
import org.aisx.store.StoreConfig;
import org.aisx.store.SuiteNotesAsFactsTest;
import org.aisx.suite.Member;
import org.aisx.suite.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Suites stored while the suggester's reasons and the swaps' notes were typed text in the language
 * of whoever made the suite: once the new version opens the store, each reader is told them in
 * their own language, through the API and the exports.
 */
class UpgradedSuiteNotesTest {
  static final ObjectMapper json = new ObjectMapper();

  static final List<String> LANGUAGES = List.of("en", "fr", "es", "ru", "zh", "ar");

  @TempDir Path dir;

  @Test
  void aReasonStoredInFrenchIsToldInChineseAfterTheUpgrade() throws Exception {
    SuiteNotesAsFactsTest.VERSION_25.write(StoreConfig.embedded(dir));
    try (App app = Fixtures.empty(dir)) {
      WebServer server = app.web().start(0);
      try {
        Http http = new Http(server.port());
        String suite = "/api/v1/suites/" + SuiteNotesAsFactsTest.PUBLISHED_ID;
        JsonNode zh = get(http, suite, "zh").at("/members/0");
        assertThat(zh.get("note").isNull()).isTrue();
        assertThat(zh.at("/reason/text").asText())
            .isEqualTo("建议理由：匹配 chatbot, banque；语义相似度 42%；草案，即将发布");
        assertThat(zh.at("/reason/similarity").asDouble()).isEqualTo(0.42);
        assertThat(zh.at("/reason/coming").asBoolean()).isTrue();
        assertThat(get(http, suite, "en").at("/members/0/reason/text").asText())
            .isEqualTo("Suggested: matches chatbot, banque; 42 % close in meaning; draft, coming");

        // A swap's note said in Chinese, the note on the record it replaced kept as typed.
        HttpResponse<String> csv =
            http.get(
                "/api/v1/suites/" + SuiteNotesAsFactsTest.SWAPS_ID + "?format=csv",
                "Accept-Language",
                "zh");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body())
            .contains("取代 ISO/IEC 42001:2023。")
            .contains("取代 ISO/IEC 42001:2023。关于 ISO/IEC 42001:2023 的备注：à lire d'abord")
            .doesNotContain("Remplace");
      } finally {
        server.close();
      }
    }
  }

  /**
   * The notes this version's generator writes (whose messages and code are those the suggester used
   * before its reasons were kept as facts), as written and as the suite's cleaning stored them, in
   * each language: once upgraded, each reads in every other language.
   */
  @Test
  void theNotesTheSuggesterWroteInEachLanguageAreToldInEveryOtherAfterTheUpgrade()
      throws Exception {
    List<Reason> reasons =
        List.of(
            new Reason(List.of("chatbot", "bank"), 0.42, true),
            new Reason(List.of("κρίση"), null, false),
            new Reason(List.of(), 0.07, false),
            new Reason(List.of(), null, true),
            new Reason(List.of("ai"), 1.0, false));
    List<Member> members = new ArrayList<>();
    List<Reason> expected = new ArrayList<>();
    for (String lang : LANGUAGES) {
      Messages t = new Messages(Locale.forLanguageTag(lang));
      SuitePageModels.Labels labels = new SuitePageModels.Labels(null, t);
      for (Reason r : reasons) {
        String note = labels.reason(r);
        members.add(SuiteNotesAsFactsTest.member(lang + "-" + members.size(), note));
        members.add(
            SuiteNotesAsFactsTest.member(
                lang + "-" + members.size(),
                PlainText.clean(note, PlainText.Field.ABSTRACT, PlainText.Markup.TEXT)));
        expected.add(r);
        expected.add(r);
      }
    }
    new OldSchemaStore(
            "25",
            old ->
                old.suite(
                    "generated",
                    SuiteNotesAsFactsTest.document("Generated", members.toArray(Member[]::new)),
                    1))
        .write(StoreConfig.embedded(dir));
    try (App app = Fixtures.empty(dir)) {
      WebServer server = app.web().start(0);
      try {
        Http http = new Http(server.port());
        for (String lang : LANGUAGES) {
          JsonNode answer = get(http, "/api/v1/suites/generated", lang).get("members");
          SuitePageModels.Labels labels =
              new SuitePageModels.Labels(null, new Messages(Locale.forLanguageTag(lang)));
          for (int i = 0; i < expected.size(); i++) {
            JsonNode m = answer.get(i);
            assertThat(m.get("note").isNull()).as(m.toString()).isTrue();
            assertThat(m.at("/reason/text").asText())
                .as(m.toString())
                .isEqualTo(labels.reason(expected.get(i)));
          }
        }
      } finally {
        server.close();
      }
    }
  }

  private static JsonNode get(Http http, String path, String lang) throws Exception {
    HttpResponse<String> answer = http.get(path, "Accept-Language", lang);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json.readTree(answer.body());
  }
}
