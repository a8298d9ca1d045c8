package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.aisx.App;
import org.aisx.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over real HTTP on the bundled corpus: a query in Arabic or French for "management system" finds
 * ISO/IEC 42001 on the first page, and the page and the API say which English words were also
 * searched.
 */
class TranslatedSearchWebTest {
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static Http http;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() {
    app = Fixtures.starter(dir.resolve("data"));
    server = app.web().start(0);
    http = new Http(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
    app.close();
  }

  static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  void theArabicSearchPageForManagementSystemShowsIso42001AndSaysWhatItAlsoSearched() {
    HttpResponse<String> r = http.get("/search?q=" + q("نظام الإدارة") + "&lang=ar");
    assertThat(r.statusCode()).isEqualTo(200);
    Document page = Jsoup.parse(r.body());
    assertThat(page.select("#hits .identifier").eachText()).contains("ISO/IEC 42001:2023");
    assertThat(page.select(".also-searched").text())
        .contains("تم البحث أيضًا عن")
        .contains("management systems");
  }

  @Test
  void theFrenchPageSaysWhatItAlsoSearchedInFrench() {
    HttpResponse<String> r = http.get("/search?q=" + q("système de management") + "&lang=fr");
    Document page = Jsoup.parse(r.body());
    assertThat(page.select("#hits .identifier").eachText()).contains("ISO/IEC 42001:2023");
    assertThat(page.select(".also-searched").text()).contains("Également recherché");
  }

  @Test
  void theApiNamesTheTranslationInKeywordAndHybridModes() throws Exception {
    for (String mode : new String[] {"keyword", "hybrid"}) {
      HttpResponse<String> r =
          http.get("/api/v1/standards?mode=" + mode + "&q=" + q("نظام الإدارة"));
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode body = JSON.readTree(r.body());
      assertThat(body.path("alsoSearched").toString()).as(mode).contains("management systems");
      assertThat(body.path("items").findValuesAsText("identifier"))
          .as(mode)
          .contains("ISO/IEC 42001:2023");
    }
  }

  @Test
  void anEnglishQuerySaysNothingWasTranslated() throws Exception {
    JsonNode body =
        JSON.readTree(http.get("/api/v1/standards?mode=keyword&q=management+system").body());
    assertThat(body.path("alsoSearched").size()).isZero();
  }

  /** The total of the API's answer to {@code text} in {@code mode}. */
  static long total(String mode, String text) throws Exception {
    HttpResponse<String> r = http.get("/api/v1/standards?mode=" + mode + "&q=" + q(text));
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.path("meaningPending").asBoolean()).as(text).isFalse();
    return body.path("total").asLong();
  }

  /**
   * A query naming in another language a concept the vocabulary knows finds, in every mode, at
   * least what the English word finds: "biais" searched by meaning used to embed "biais (bias)",
   * which no record came close enough to, and "vie privée" was no label of privacy.
   */
  @Test
  void aConceptNamedInAnotherLanguageFindsWhatItsEnglishWordFindsInEveryMode() throws Exception {
    String[][] asked = {
      {"vie privée", "privacy"},
      {"protection des données", "privacy"},
      {"biais", "bias"},
      {"privacidad", "privacy"},
      {"конфиденциальность", "privacy"},
      {"隐私", "privacy"},
      {"الخصوصية", "privacy"},
    };
    for (String mode : new String[] {"keyword", "semantic", "hybrid"}) {
      for (String[] pair : asked) {
        long english = total(mode, pair[1]);
        assertThat(english).as(mode + " " + pair[1]).isPositive();
        assertThat(total(mode, pair[0])).as(mode + " " + pair[0]).isGreaterThanOrEqualTo(english);
      }
    }
  }
}
