package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.account.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The refusals of the overlap, glossary, review, suite, import, learning, watch, taxonomy and
 * search requests are said in the page's language on pages (none left in English, marked
 * lang="en"), while the API keeps its English texts.
 */
class TranslatedProblemsTest {
  private static final String COORDINATOR = "coordinator@example.org";
  private static final String ADMIN = "admin@example.org";
  private static final String CONTRIBUTOR = "contributor@example.org";

  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static Http http;

  @BeforeAll
  static void start() {
    app = Fixtures.starter(dir);
    Fixtures.user(app, COORDINATOR, Role.COORDINATOR);
    Fixtures.user(app, ADMIN, Role.ADMIN);
    Fixtures.user(app, CONTRIBUTOR, Role.CONTRIBUTOR, "ITU-T");
    server = app.web().start(0);
    http = new Http(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
    app.close();
  }

  /** The error page's one detail, checked to be said in {@code lang} and not in English. */
  private static void saysInLanguage(
      HttpResponse<String> r, String lang, String english, String key, Object... args)
      throws IOException {
    assertThat(r.statusCode()).as(key).isEqualTo(400);
    Document d = Jsoup.parse(r.body());
    assertThat(d.selectFirst("html").attr("lang")).isEqualTo(lang);
    Element detail = d.selectFirst(".error-page li");
    assertThat(detail).as(key + ": " + r.body()).isNotNull();
    assertThat(detail.text()).as(lang + " " + key).contains(PagesTest.say(lang, key, args));
    assertThat(detail.select("[lang=en]")).as(lang + " " + key + " marked English").isEmpty();
    assertThat(d.selectFirst("main").text()).as(lang + " " + key).doesNotContain(english);
  }

  @Test
  void overlapGlossarySuiteLearningWatchAndSearchRefusalsAreSaidInThePageLanguage()
      throws Exception {
    for (String lang : List.of("fr", "zh", "ar", "ru", "es")) {
      saysInLanguage(
          http.get("/overlap?record=iso-iec-42001-2023&committee=x&lang=" + lang),
          lang,
          "give only one of",
          "problem.overlapTwoBases",
          "record",
          "committee");
      saysInLanguage(
          http.get("/overlap?text=bank&sdo=nobody&lang=" + lang),
          lang,
          "unknown standards body",
          "problem.unknownSdo",
          "nobody");
      saysInLanguage(
          http.get("/glossary?source=nowhere&lang=" + lang),
          lang,
          "is neither a vocabulary",
          "problem.notVocabularyOrDocument",
          "nowhere");
      saysInLanguage(http.get("/suites/add?lang=" + lang), lang, "required", "invalid.required");
      saysInLanguage(
          http.get("/learn?language=xx1&lang=" + lang),
          lang,
          "unknown language code",
          "problem.unknownLanguageCode",
          "xx1");
      saysInLanguage(
          http.get("/changes?since=yesterday&lang=" + lang),
          lang,
          "is not a date",
          "problem.notDateOrTime",
          "yesterday");
      saysInLanguage(
          http.get("/search?q=ai*&lang=" + lang),
          lang,
          "a prefix needs",
          "problem.prefixTooShort",
          "ai*",
          "3");
    }
  }

  @Test
  void aSuiteMemberThatNamesNoRecordIsRefusedInThePageLanguage() throws Exception {
    Browser b = new Browser(server.port());
    String csrf = b.csrf("/suites/new?lang=fr");
    HttpResponse<String> created = b.postForm("/suites", Map.of("_csrf", csrf, "title", "Test"));
    assertThat(created.statusCode()).isEqualTo(303);
    String suite = created.headers().firstValue("Location").orElseThrow().replaceAll("\\?.*", "");
    HttpResponse<String> unknown =
        b.postForm(
            suite + "?lang=fr", Map.of("_csrf", b.csrf(suite), "op", "add", "record", "ISO 99999"));
    saysInLanguage(unknown, "fr", "no record has", "problem.noRecordNamed", "ISO 99999");
  }

  @Test
  void coordinatorsAndAdminsGetReviewTaxonomyAndImportRefusalsInThePageLanguage() throws Exception {
    Browser coordinator = new Browser(server.port());
    assertThat(coordinator.signIn(COORDINATOR, Fixtures.PASSWORD).statusCode()).isEqualTo(303);
    saysInLanguage(
        coordinator.get("/review/suggestions?concept=nothing&lang=fr"),
        "fr",
        "needs a dimension",
        "problem.conceptNeedsDimension");
    saysInLanguage(
        coordinator.get("/review/suggestions?dimension=concern&concept=nothing&lang=fr"),
        "fr",
        "is not a concept of",
        "invalid.notConcept",
        "nothing",
        "concern");

    Map<String, String> change = new LinkedHashMap<>();
    change.put("_csrf", coordinator.csrf("/taxonomy?lang=fr"));
    change.put("kind", "add");
    change.put("dimension", "concern");
    change.put("concept", "Not An Id");
    change.put("labels.en", "A label");
    change.put("definitions.en", "A definition.");
    saysInLanguage(
        coordinator.postForm("/taxonomy?lang=fr", change),
        "fr",
        "an id is lower-case",
        "problem.conceptIdShape",
        "60");

    Map<String, String> policy = new LinkedHashMap<>();
    policy.put("_csrf", coordinator.csrf("/review/field-policy?lang=fr"));
    policy.put("version", "0");
    policy.put("required", "nonsense");
    saysInLanguage(
        coordinator.postForm("/review/field-policy?lang=fr", policy),
        "fr",
        "is not a field the policy can require",
        "submission.problem.notPolicyField",
        "nonsense",
        String.join(", ", org.aisx.submission.Submissions.POLICY_FIELDS));

    Browser admin = new Browser(server.port());
    assertThat(admin.signIn(ADMIN, Fixtures.PASSWORD).statusCode()).isEqualTo(303);
    saysInLanguage(
        admin.postForm("/admin/import?lang=fr", Map.of("_csrf", admin.csrf("/admin/import"))),
        "fr",
        "choose a file",
        "problem.chooseFile");
  }

  @Test
  void aLearningResourceProposalIsRefusedInThePageLanguageFieldByField() throws Exception {
    Browser author = new Browser(server.port());
    assertThat(author.signIn(CONTRIBUTOR, Fixtures.PASSWORD).statusCode()).isEqualTo(303);
    for (String lang : List.of("fr", "zh", "ar", "ru", "es")) {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("_csrf", author.csrf("/submissions/new?proposal=resource&lang=" + lang));
      fields.put("proposal", "resource");
      fields.put("title_en", "A course on AI management systems");
      fields.put("provider", "Academy");
      fields.put("kind", "course");
      fields.put("url", "academy.example.org/course");
      fields.put("languages", "english");
      fields.put("start", "2026-03-01");
      fields.put("end", "2026-02-01");
      fields.put("standards", "no-such-record");
      HttpResponse<String> r = author.postForm("/submissions?lang=" + lang, fields);
      assertThat(r.statusCode()).as(lang).isEqualTo(400);
      Document d = Jsoup.parse(r.body());
      assertThat(d.selectFirst("html").attr("lang")).isEqualTo(lang);
      Element summary = d.selectFirst(".error-summary");
      assertThat(summary).as(lang + ": " + r.body()).isNotNull();
      assertThat(summary.select("li")).as(lang).hasSize(4);
      assertThat(summary.text())
          .as(lang)
          .contains(
              PagesTest.say(lang, "resource.problem.notHttpUrl"),
              PagesTest.say(lang, "resource.problem.notLanguage"),
              PagesTest.say(lang, "resource.problem.endBeforeStart", "2026-03-01"),
              PagesTest.say(lang, "resource.problem.noRecord", "no-such-record"))
          .doesNotContain(
              "must be an absolute", "not a language code", "before start", "no record with");
      assertThat(d.select("main [lang=en]")).as(lang + " marked English").isEmpty();
      assertThat(d.select(".field-error").eachText())
          .as(lang)
          .contains(PagesTest.say(lang, "resource.problem.notHttpUrl"));
    }

    // The API says the same refusals in English, whatever language is asked for.
    String token = "Bearer " + app.accounts().createToken(CONTRIBUTOR, "t").secret();
    HttpResponse<String> api =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(http.base() + "/api/v1/submissions"))
                .header("Content-Type", "application/json")
                .header("Authorization", token)
                .header("Accept-Language", "fr")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"kind\": \"resource\", \"resource\": {\"title\": {\"en\": \"A course\"},"
                            + " \"provider\": \"Academy\", \"kind\": \"course\", \"url\":"
                            + " \"academy.example.org\", \"start\": \"2026-03-01\", \"end\":"
                            + " \"2026-02-01\", \"languages\": [\"english\"], \"standards\":"
                            + " [\"no-such-record\"], \"id\": \"Not A Slug\", \"extra\": 1}}"))
                .build());
    assertThat(api.statusCode()).isEqualTo(400);
    JsonNode error = new ObjectMapper().readTree(api.body()).get("error");
    assertThat(error.get("code").asText()).isEqualTo("validation_failed");
    Map<String, String> details = new LinkedHashMap<>();
    error
        .get("details")
        .forEach(e -> details.put(e.get("field").asText(), e.get("problem").asText()));
    assertThat(details)
        .containsEntry("url", "must be an absolute http or https URL")
        .containsEntry("languages[0]", "not a language code such as en, fr, zh")
        .containsEntry("end", "before start 2026-03-01")
        .containsEntry("standards[0]", "no record with the id no-such-record")
        .containsEntry("id", "must be lower-case letters, digits and single dashes (at most 200)")
        .containsEntry(
            "extra", "unknown field; known: " + String.join(", ", org.aisx.learn.Resource.FIELDS));
  }

  @Test
  void theApiKeepsTheEnglishOfTheseRefusals() throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode since =
        json.readTree(http.get("/api/v1/changes?since=yesterday", "Accept-Language", "fr").body());
    assertThat(since.at("/error/code").asText()).isEqualTo("bad_parameter");
    assertThat(since.at("/error/details/0/problem").asText())
        .isEqualTo("'yesterday' is not a date (2026-01-31) or a time (2026-01-31T12:00:00Z)");
    JsonNode prefix =
        json.readTree(http.get("/api/v1/standards?q=ai*", "Accept-Language", "zh").body());
    assertThat(prefix.at("/error/details/0/problem").asText())
        .isEqualTo("'ai*': a prefix needs at least 3 letters or digits before the *");
    JsonNode suite = json.readTree(http.post("/api/v1/suites", "{\"purpose\": \"x\"}").body());
    assertThat(suite.at("/error/details/0/field").asText()).isEqualTo("title");
    assertThat(suite.at("/error/details/0/problem").asText()).isEqualTo("required");
  }

  /**
   * Every message key the product's code names for a problem ({@code "problem.…"}, {@code
   * "invalid.…"}, {@code "….problem.…"}) is in every language's bundle: a key missing from the
   * English one would fail the request that raises it, a key missing elsewhere would show the key.
   */
  @Test
  void everyProblemKeyTheCodeNamesHasATextInAllSixLanguages() throws Exception {
    Pattern literal = Pattern.compile("\"((?:[a-z]+\\.)?(?:problem|invalid)\\.[A-Za-z]+)\"");
    Set<String> keys = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = literal.matcher(Files.readString(f, StandardCharsets.UTF_8));
        while (m.find()) {
          keys.add(m.group(1));
        }
      }
    }
    assertThat(keys).contains("problem.overlapTwoBases", "problem.conceptIdShape");
    for (String lang : PagesTest.LANGUAGES) {
      Properties bundle = PagesTest.bundle(lang);
      assertThat(keys.stream().filter(k -> !bundle.containsKey(k)).toList()).as(lang).isEmpty();
    }
    // Translated, not copied: each of these reads differently from the English.
    Properties en = PagesTest.bundle("en");
    for (String lang : List.of("ar", "es", "fr", "ru", "zh")) {
      Properties bundle = PagesTest.bundle(lang);
      assertThat(
              keys.stream()
                  .filter(k -> k.startsWith("problem.") || k.contains(".problem."))
                  .filter(k -> bundle.getProperty(k).equals(en.getProperty(k)))
                  .toList())
          .as(lang + " copies of the English")
          .isEmpty();
    }
  }
}
