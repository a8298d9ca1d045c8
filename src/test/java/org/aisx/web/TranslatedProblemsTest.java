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
    assertThat(detail.text()).as(lang + " " + key).contains(PagesTest.shown(lang, key, args));
    assertThat(detail.select("[lang=en]")).as(lang + " " + key + " marked English").isEmpty();
    assertThat(d.selectFirst("main").text()).as(lang + " " + key).doesNotContain(english);
  }

  /**
   * As {@link #saysInLanguage}, for a refusal shown on the form again (with what was typed) rather
   * than on an error page.
   */
  private static void saysOnTheFormAgain(
      HttpResponse<String> r, String lang, String english, String key, Object... args)
      throws IOException {
    assertThat(r.statusCode()).as(key).isEqualTo(400);
    Document d = Jsoup.parse(r.body());
    assertThat(d.selectFirst("html").attr("lang")).isEqualTo(lang);
    assertThat(d.selectFirst("main").text())
        .as(lang + " " + key)
        .contains(PagesTest.shown(lang, key, args))
        .doesNotContain(english);
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
    saysOnTheFormAgain(unknown, "fr", "no record has", "problem.noRecordNamed", "ISO 99999");
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
    saysOnTheFormAgain(
        coordinator.postForm("/taxonomy?lang=fr", change),
        "fr",
        "an id is lower-case",
        "problem.conceptIdShape",
        "60");

    Map<String, String> policy = new LinkedHashMap<>();
    policy.put("_csrf", coordinator.csrf("/review/field-policy?lang=fr"));
    policy.put("version", "0");
    policy.put("required", "nonsense");
    saysOnTheFormAgain(
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
              PagesTest.shown(lang, "resource.problem.notHttpUrl"),
              PagesTest.shown(lang, "resource.problem.notLanguage"),
              PagesTest.shown(lang, "resource.problem.endBeforeStart", "2026-03-01"),
              PagesTest.shown(lang, "resource.problem.noRecord", "no-such-record"))
          .doesNotContain(
              "must be an absolute", "not a language code", "before start", "no record with");
      assertThat(d.select("main [lang=en]")).as(lang + " marked English").isEmpty();
      assertThat(d.select(".field-error").eachText())
          .as(lang)
          .contains(PagesTest.shown(lang, "resource.problem.notHttpUrl"));
    }

    // The API says the same refusals in English when the request asks for no language.
    String token = "Bearer " + app.accounts().createToken(CONTRIBUTOR, "t").secret();
    HttpResponse<String> api =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(http.base() + "/api/v1/submissions"))
                .header("Content-Type", "application/json")
                .header("Authorization", token)
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

  private static HttpResponse<String> upload(
      Browser b, String path, Map<String, String> fields, String fileName, String content) {
    String boundary = "aisx" + System.nanoTime();
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (k, v) ->
            body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(k)
                .append("\"\r\n\r\n")
                .append(v)
                .append("\r\n"));
    body.append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
        .append(fileName)
        .append("\"\r\nContent-Type: text/csv\r\n\r\n")
        .append(content)
        .append("\r\n--")
        .append(boundary)
        .append("--\r\n");
    return b.send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(b.base() + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString()))
            .build());
  }

  @Test
  void aSubmissionsComparisonNamesFieldsAndValuesInThePageLanguage() throws Exception {
    String token = "Bearer " + app.accounts().createToken(CONTRIBUTOR, "diff").secret();
    HttpResponse<String> sent =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(http.base() + "/api/v1/submissions"))
                .header("Content-Type", "application/json")
                .header("Authorization", token)
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"action\": \"create\", \"record\": {\"identifier\": \"ITU-T Z.9999"
                            + " (01/2026)\", \"title\": {\"en\": \"QA test title\"}, \"abstract\":"
                            + " {\"en\": \"QA abstract\"}, \"sdo\": \"ITU-T\", \"type\":"
                            + " \"guide\", \"status\": \"draft\", \"kind\": \"standard\","
                            + " \"published\": \"2026-01\", \"url\":"
                            + " \"https://example.org/z9999\"}}"))
                .build());
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
    String id = new ObjectMapper().readTree(sent.body()).get("id").asText();
    Browser coordinator = new Browser(server.port());
    assertThat(coordinator.signIn(COORDINATOR, Fixtures.PASSWORD).statusCode()).isEqualTo(303);
    Browser author = new Browser(server.port());
    assertThat(author.signIn(CONTRIBUTOR, Fixtures.PASSWORD).statusCode()).isEqualTo(303);
    for (Browser who : List.of(author, coordinator)) {
      for (String lang : List.of("fr", "ru", "ar", "zh")) {
        Document d = Jsoup.parse(who.get("/submissions/" + id + "?lang=" + lang).body());
        List<String> fields =
            d.select("#diff tbody th").stream().map(Element::ownText).map(String::strip).toList();
        assertThat(fields)
            .as(lang)
            .contains(
                PagesTest.shown(lang, "field.identifier"),
                PagesTest.shown(lang, "field.sdo"),
                PagesTest.shown(lang, "field.status"),
                PagesTest.shown(lang, "field.kind"))
            .doesNotContain(
                "identifier",
                "title",
                "abstract",
                "sdo",
                "type",
                "status",
                "published",
                "url",
                "kind");
        List<String> values = d.select("#diff tbody td.after").eachText();
        assertThat(values)
            .as(lang)
            .contains(
                PagesTest.shown(lang, "type.guide"),
                PagesTest.shown(lang, "status.draft"),
                PagesTest.shown(lang, "kind.standard"))
            .doesNotContain("guide", "draft", "standard", "2026-01", "en: QA test title");
        assertThat(String.join(" ", values))
            .as(lang)
            .contains(PagesTest.colon(lang) + "QA test title");
      }
    }
  }

  @Test
  void importRejectionsSayWhereAndWhyInThePageLanguage() throws Exception {
    Browser admin = new Browser(server.port());
    assertThat(admin.signIn(ADMIN, Fixtures.PASSWORD).statusCode()).isEqualTo(303);
    for (String lang : List.of("es", "ru", "fr", "ar")) {
      String csrf = admin.csrf("/admin/import?lang=" + lang);
      Document rows =
          AdminImportTest.finished(
              admin,
              upload(
                  admin,
                  "/admin/import?lang=" + lang,
                  Map.of("_csrf", csrf, "format", "csv"),
                  "rows.csv",
                  "identifier,title_en,sdo,type,status\nQA 1,QA test,QA,bogus,draft\n"
                      + "QA 2,\"QA\" test,QA,guide,draft\n"
                      + "QA 3,\"QA test,QA,guide,draft\n"));
      // Where a row is and what is wrong with its cells, in the page's language.
      String notOneOf = PagesTest.shown(lang, "import.problem.notOneOf", "bogus", "@@");
      String shownText = rows.select(".import-result table, main table").text();
      if (lang.equals("ar")) {
        // On a right-to-left page the column's name is isolated (FSI ... PDI), which is not seen.
        assertThat(shownText).contains("\u2068type\u2069");
      }
      String rowText = shownText.replace("\u2068", "").replace("\u2069", "");
      assertThat(rowText)
          .as(lang)
          .contains(
              PagesTest.shown(lang, "import.where.line", "2"),
              PagesTest.shown(lang, "import.column", "type")
                  + PagesTest.colon(lang)
                  + notOneOf.substring(0, notOneOf.indexOf("@@")).strip(),
              PagesTest.shown(lang, "import.problem.textAfterQuote", "2"),
              PagesTest.shown(lang, "import.problem.quoteNotClosed", "4"))
          .doesNotContain("line 2", "is not one of", "closing quote", "is not closed");
      assertThat(rows.select("main table [lang=en]")).as(lang).isEmpty();
      Document header =
          AdminImportTest.finished(
              admin,
              upload(
                  admin,
                  "/admin/import?lang=" + lang,
                  Map.of("_csrf", csrf, "format", "csv"),
                  "header.csv",
                  "title\nx\n"));
      String headerText = header.select("main table").text();
      assertThat(headerText)
          .as(lang)
          .contains(
              PagesTest.shown(lang, "import.where.document"),
              PagesTest.shown(lang, "import.where.header", "1"),
              PagesTest.shown(lang, "import.problem.restNotRead"))
          .doesNotContain("unknown column", "missing required", "document line");
      // The problems of one place are clauses of one sentence, joined as the language joins them.
      if (lang.equals("ar")) {
        assertThat(headerText).contains("\u061b ").doesNotContain("; ");
      } else if (lang.equals("es") || lang.equals("ru")) {
        assertThat(headerText).as(lang).contains("; ");
      }
      assertThat(header.select("main table [lang=en]")).as(lang).isEmpty();
    }
  }

  @Test
  void confirmingWithNothingTickedSaysSoOnTheSameFilteredView() throws Exception {
    Browser coordinator = new Browser(server.port());
    assertThat(coordinator.signIn(COORDINATOR, Fixtures.PASSWORD).statusCode()).isEqualTo(303);
    for (String lang : List.of("ru", "fr", "ar")) {
      String csrf = coordinator.csrf("/taxonomy?lang=" + lang);
      Map<String, String> form = new LinkedHashMap<>();
      form.put("_csrf", csrf);
      form.put("decision", "confirm");
      form.put("dimension", "concern");
      form.put("min", "40");
      HttpResponse<String> none = coordinator.postForm("/review/suggestions?lang=" + lang, form);
      assertThat(none.statusCode()).as(lang + " " + none.body()).isEqualTo(303);
      String back = none.headers().firstValue("Location").orElseThrow();
      assertThat(back).contains("dimension=concern", "min=40");
      Document page = Jsoup.parse(coordinator.get(back).body());
      assertThat(page.selectFirst("html").attr("lang")).isEqualTo(lang);
      assertThat(page.select("#nothing-chosen").text())
          .isEqualTo(PagesTest.shown(lang, "review.nothingChosen"));
      assertThat(page.select("#dimension option[selected]").attr("value")).isEqualTo("concern");
      assertThat(page.select("#min").attr("value")).isEqualTo("40");

      Map<String, String> mappings = new LinkedHashMap<>();
      mappings.put("_csrf", csrf);
      mappings.put("decision", "confirm");
      mappings.put("state", "pending");
      mappings.put("min", "30");
      HttpResponse<String> noMapping =
          coordinator.postForm("/review/mappings?lang=" + lang, mappings);
      assertThat(noMapping.statusCode()).as(lang + " " + noMapping.body()).isEqualTo(303);
      String mappingsBack = noMapping.headers().firstValue("Location").orElseThrow();
      assertThat(mappingsBack).contains("state=pending", "min=30").doesNotContain("changed=");
      Document mappingsPage = Jsoup.parse(coordinator.get(mappingsBack).body());
      assertThat(mappingsPage.select("#nothing-chosen").text())
          .isEqualTo(PagesTest.shown(lang, "mappings.nothingChosen"));
    }
  }

  @Test
  void theAuditTrailSaysRolesOutcomesAndTaxonomyEditsInThePageLanguage() throws Exception {
    String token = "Bearer " + app.accounts().createToken(COORDINATOR, "audit").secret();
    HttpResponse<String> renamed =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(http.base() + "/api/v1/taxonomy/changes"))
                .header("Content-Type", "application/json")
                .header("Authorization", token)
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"kind\": \"rename\", \"dimension\": \"vertical\", \"concept\":"
                            + " \"agriculture-food\", \"labels\": {\"fr\": \"Agroalimentaire (essai)\"}}"))
                .build());
    assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(201);
    int version = new ObjectMapper().readTree(renamed.body()).get("version").asInt();
    http.post("/api/v1/suggestions/decisions", "{}"); // refused, anonymously
    Browser admin = new Browser(server.port());
    assertThat(admin.signIn(ADMIN, Fixtures.PASSWORD).statusCode()).isEqualTo(303);
    for (String lang : List.of("fr", "ru", "ar")) {
      Document d = Jsoup.parse(admin.get("/admin/audit?lang=" + lang).body());
      d.select("table.audit-table [lang=en]").remove(); // details only known in English
      String table = d.select("table.audit-table tbody").text();
      assertThat(table)
          .as(lang)
          .contains(
              PagesTest.shown(lang, "audit.outcome.ok"),
              PagesTest.shown(lang, "audit.outcome.refused"),
              PagesTest.shown(lang, "audit.via.anonymous"),
              PagesTest.shown(lang, "audit.via.session"),
              PagesTest.shown(lang, "role.admin"),
              PagesTest.shown(lang, "audit.detail.taxonomyVersion", (long) version, 1L))
          .doesNotContain("anonymous", "refused", "fields changed", "1 fields");
      Document history = Jsoup.parse(http.get("/taxonomy/history?lang=" + lang).body());
      String changes = history.select("table.history").text();
      assertThat(changes)
          .as(lang)
          .contains(
              PagesTest.shown(
                  lang,
                  "taxonomy.edit.labelIn",
                  new Messages(java.util.Locale.forLanguageTag(lang)).languageName("fr")))
          .doesNotContain("labels.fr", PagesTest.shown(lang, "language.fr"));
      assertThat(history.select(".lead").text())
          .as(lang)
          .doesNotContainPattern("\\d{4}-\\d\\d-\\d\\d");
    }
  }

  @Test
  void glossaryMappingReasonsAreSaidInPlainWordsInThePageLanguage() throws Exception {
    Browser coordinator = new Browser(server.port());
    assertThat(coordinator.signIn(COORDINATOR, Fixtures.PASSWORD).statusCode()).isEqualTo(303);
    for (String lang : List.of("fr", "ru", "ar")) {
      Document term = Jsoup.parse(http.get("/glossary/action-recognition?lang=" + lang).body());
      List<String> reasons = term.select(".mappings .evidence").eachText();
      assertThat(reasons).as(lang).isNotEmpty();
      assertThat(String.join(" | ", reasons))
          .as(lang)
          .doesNotContain("cosine", "same label", "nearest definition", "skos:");
      assertThat(term.select(".mappings .evidence[lang=en], .mappings .evidence [lang=en]"))
          .as(lang)
          .isEmpty();
      Document queue =
          Jsoup.parse(coordinator.get("/review/mappings?state=pending&lang=" + lang).body());
      String evidence = queue.select("td.evidence").text();
      assertThat(evidence).as(lang).doesNotContain("cosine", "same label", "skos:");
    }
  }

  @Test
  void aCountOfOneIsSaidInTheSingularAndOtherCountsInTheirForm() throws Exception {
    // One record has this application area in the starter catalogue.
    String query = "/search?application=environmental-monitoring&lang=";
    for (String lang : List.of("fr", "es", "ru", "ar", "en")) {
      Document d = Jsoup.parse(http.get(query + lang).body());
      assertThat(d.select("main").text())
          .as(lang)
          .contains(PagesTest.shown(lang, "results.count", 1L, 1L, 1L));
    }
    assertThat(http.get(query + "fr").body()).doesNotContain("1 résultats");
    assertThat(http.get(query + "es").body()).doesNotContain("1 resultados");
    assertThat(PagesTest.shown("fr", "results.count", 1L, 1L, 1L)).startsWith("1 résultat,");
    assertThat(PagesTest.shown("es", "results.count", 1L, 1L, 1L)).startsWith("1 resultado;");
    assertThat(PagesTest.shown("ru", "results.count", 3L, 1L, 3L)).startsWith("3 результата;");
    assertThat(PagesTest.shown("ar", "landscape.cell", "x", "y", 1L)).contains("سجل واحد");
    assertThat(PagesTest.shown("ar", "landscape.cell", "x", "y", 5L)).contains("5 سجلات");
    assertThat(PagesTest.shown("fr", "landscape.cell", "x", "y", 1L)).contains("1 document.");
  }

  @Test
  void apiErrorsAreSaidInTheLanguageTheRequestAsksFor() throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (String lang : List.of("fr", "ru", "ar")) {
      for (HttpResponse<String> r :
          List.of(
              http.get("/api/v1/changes?since=yesterday&lang=" + lang),
              http.get("/api/v1/changes?since=yesterday", "Accept-Language", lang + ";q=0.9"))) {
        JsonNode error = json.readTree(r.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("bad_parameter");
        assertThat(error.get("message").asText())
            .isEqualTo(PagesTest.say(lang, "error.message.bad_parameter"));
        assertThat(error.at("/details/0/field").asText()).isEqualTo("since");
        assertThat(error.at("/details/0/problem").asText())
            .isEqualTo(PagesTest.say(lang, "problem.notDateOrTime", "yesterday"));
      }
    }
    // An account's problems too, under the field the request names (bodies, not body).
    String admin = "Bearer " + app.accounts().createToken(ADMIN, "users").secret();
    String contributor = app.accounts().find(CONTRIBUTOR).orElseThrow().id();
    for (String lang : List.of("", "fr", "ru", "ar")) {
      HttpResponse<String> r =
          http.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(
                          http.base()
                              + "/api/v1/users/"
                              + contributor
                              + (lang.isEmpty() ? "" : "?lang=" + lang)))
                  .header("Content-Type", "application/json")
                  .header("Authorization", admin)
                  .method(
                      "PATCH",
                      java.net.http.HttpRequest.BodyPublishers.ofString("{\"bodies\": []}"))
                  .build());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
      JsonNode detail = json.readTree(r.body()).at("/error/details/0");
      assertThat(detail.get("field").asText()).isEqualTo("bodies");
      assertThat(detail.get("problem").asText())
          .isEqualTo(
              lang.isEmpty()
                  ? "a contributor belongs to at least one standards body"
                  : PagesTest.shown(lang, "account.problem.contributorNeedsBody"));
    }
  }

  @Test
  void aRenameInALanguageTheTaxonomyDoesNotHaveNamesIt() throws Exception {
    String token = "Bearer " + app.accounts().createToken(COORDINATOR, "xx").secret();
    HttpResponse<String> r =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(http.base() + "/api/v1/taxonomy/changes"))
                .header("Content-Type", "application/json")
                .header("Authorization", token)
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"kind\": \"rename\", \"dimension\": \"vertical\", \"concept\":"
                            + " \"agriculture-food\", \"labels\": {\"xx\": \"bogus\"}}"))
                .build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode detail = new ObjectMapper().readTree(r.body()).at("/error/details/0");
    assertThat(detail.get("field").asText()).isEqualTo("labels.xx");
    assertThat(detail.get("problem").asText())
        .isEqualTo("'xx' is not one of the taxonomy's languages: ar, zh, en, fr, ru, es");
  }

  @Test
  void theApiSaysTheseRefusalsInEnglishWhenTheRequestAsksForNoLanguage() throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode since = json.readTree(http.get("/api/v1/changes?since=yesterday").body());
    assertThat(since.at("/error/code").asText()).isEqualTo("bad_parameter");
    assertThat(since.at("/error/details/0/problem").asText())
        .isEqualTo("'yesterday' is not a date (2026-01-31) or a time (2026-01-31T12:00:00Z)");
    JsonNode prefix =
        json.readTree(http.get("/api/v1/standards?q=ai*", "Accept-Language", "de").body());
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
