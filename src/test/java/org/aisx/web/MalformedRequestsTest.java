package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.account.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests that are odd, malformed or not meant for the endpoint, over real HTTP: each is answered
 * the same way wherever it is sent, as a 4xx with the API's error body naming what was wrong (or
 * accepted, where nothing is wrong), never a 500, a Java class name or a bare Jetty page.
 */
class MalformedRequestsTest {
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static Http http;
  static String adminToken;
  static final ObjectMapper json = new ObjectMapper();
  static final String ADMIN = "admin@example.org";

  @BeforeAll
  static void start() {
    app = Fixtures.starter(dir);
    Fixtures.user(app, ADMIN, Role.ADMIN);
    adminToken = app.accounts().createToken(ADMIN, "test").secret();
    server = app.web().start(0);
    http = new Http(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
    app.close();
  }

  static JsonNode body(HttpResponse<String> r) throws Exception {
    return json.readTree(r.body());
  }

  static HttpResponse<String> send(String method, String path, String body) {
    return http.send(
        HttpRequest.newBuilder(URI.create(http.base() + path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + adminToken)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/api/v1/standards?q=ai&",
        "/api/v1/standards?q=ai&&size=5",
        "/api/v1/standards?&",
        "/api/v1/landscape?rows=sdo&cols=status&",
        "/api/v1/landscape/clusters?q=ai&",
        "/api/v1/changes?limit=5&",
        "/api/v1/changes?limit=5&&",
        "/api/v1/overlap?record=iso-iec-42001-2023&",
        "/api/v1/resources?&",
        "/api/v1/suites?&",
        "/search?q=ai&",
        "/feeds/search.atom?q=ai&",
      })
  void aStrayAmpersandIsNoParameterAnywhere(String path) {
    HttpResponse<String> r = http.get(path);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  /** An error body that names no Java type and no parser internals. */
  static JsonNode plainError(HttpResponse<String> r, int status) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    assertThat(r.body())
        .doesNotContain("org.aisx", "com.fasterxml", "java.", "$", "`", "Exception", "Cannot ");
    assertThat(ApiTest.validate(http, "Error", body(r))).isEmpty();
    return body(r).get("error");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/api/v1/taxonomy/changes",
        "/api/v1/suggestions/decisions",
        "/api/v1/mappings/decisions"
      })
  void aBodyOfTheWrongShapeIsA400SayingWhatIsExpectedWithoutJavaNames(String path)
      throws Exception {
    JsonNode error = plainError(send("POST", path, "[]"), 400);
    assertThat(error.get("code").asText()).isEqualTo("bad_parameter");
    assertThat(error.get("message").asText()).startsWith("body must be a JSON object with");
    assertThat(error.get("details").get(0).get("field").asText()).isEqualTo("body");
  }

  @Test
  void aFieldOfTheWrongKindIsNamedByItsPathInTheBody() throws Exception {
    JsonNode error =
        plainError(
            send(
                "POST",
                "/api/v1/suggestions/decisions",
                "{\"decisions\": [{\"recordId\": {\"x\": 1}}]}"),
            400);
    assertThat(error.get("details").get(0).get("field").asText())
        .isEqualTo("body.decisions[0].recordId");
    assertThat(error.get("message").asText())
        .startsWith("body.decisions[0].recordId must be a string")
        .contains("line 1");
  }

  @Test
  void jsonThatDoesNotParseOrIsNestedTooDeeplyIsA400WithTheLineAndNoParserInternals()
      throws Exception {
    JsonNode broken = plainError(send("POST", "/api/v1/taxonomy/changes", "{\n\"kind\": }"), 400);
    assertThat(broken.get("message").asText()).startsWith("body is not valid JSON (line 2, column");
    JsonNode deep =
        plainError(send("POST", "/api/v1/submissions", "[".repeat(5_000) + "]".repeat(5_000)), 400);
    assertThat(deep.get("message").asText()).startsWith("body is nested too deeply");
    JsonNode empty = plainError(send("POST", "/api/v1/mappings/decisions", ""), 400);
    assertThat(empty.get("message").asText())
        .isEqualTo("body is empty; expected a JSON object with the fields decisions");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/v1/suites|{\"title\": \"one\", \"members\": []}{\"title\": \"two\"}|has more"
            + " after its JSON value (line 1, column",
        "/api/v1/suites/suggest|{\"text\": \"chatbot\"} [1]|has more after its JSON value (line"
            + " 1, column",
        "/api/v1/suites|{\"title\": \"one\", \"members\": []} trailing|is not valid JSON (line"
            + " 1, column",
        "/api/v1/mappings/decisions|{\"decisions\": []} ]|is not valid JSON (line 1, column"
      })
  void aBodyWithMoreAfterItsJsonValueIsA400NotReadAsItsFirstValue(
      String path, String body, String problem) throws Exception {
    int mine = body(send("GET", "/api/v1/suites?mine=true", null)).get("items").size();
    JsonNode error = plainError(send("POST", path, body), 400);
    assertThat(error.get("code").asText()).isEqualTo("bad_parameter");
    assertThat(error.get("details").get(0).get("field").asText()).isEqualTo("body");
    assertThat(error.get("message").asText()).startsWith("body " + problem);
    assertThat(body(send("GET", "/api/v1/suites?mine=true", null)).get("items")).hasSize(mine);
  }

  /**
   * In another language, an unreadable body is said to be the body's fault, not a value in the
   * address; a refused suite is not called a record.
   */
  @Test
  void bodyAndSuiteRefusalsSayWhatWasRefusedInOtherLanguages() throws Exception {
    for (String lang : List.of("fr", "ar", "zh")) {
      JsonNode unreadable = plainError(send("POST", "/api/v1/suites?lang=" + lang, "{bad"), 400);
      assertThat(unreadable.get("message").asText())
          .as(lang)
          .startsWith(PagesTest.say(lang, "error.message.bad_body"));
      JsonNode refused =
          plainError(send("POST", "/api/v1/suites?lang=" + lang, "{\"title\": \"\"}"), 400);
      assertThat(refused.get("code").asText()).isEqualTo("validation_failed");
      assertThat(refused.get("message").asText())
          .as(lang)
          .startsWith(PagesTest.say(lang, "error.message.not_accepted"))
          .doesNotContain(PagesTest.say(lang, "error.message.validation_failed"));
    }
  }

  static HttpResponse<String> sendBytes(String path, byte[] body) {
    return http.send(
        HttpRequest.newBuilder(URI.create(http.base() + path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + adminToken)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  /**
   * A body whose bytes are not UTF-8 was read with each bad byte replaced by U+FFFD, and a suite
   * was stored with the title "\uFFFD\uFFFD": it is refused naming the body, in the asked language,
   * and nothing is stored. A body with a real U+FFFD or accented letters in UTF-8 is read.
   */
  @Test
  void aJsonBodyThatIsNotUtf8IsA400NamingTheBodyAndNothingIsStored() throws Exception {
    byte[] start = "{\"title\": \"".getBytes(StandardCharsets.UTF_8);
    byte[] end = "\"}".getBytes(StandardCharsets.UTF_8);
    byte[] malformed = new byte[start.length + 2 + end.length];
    System.arraycopy(start, 0, malformed, 0, start.length);
    malformed[start.length] = (byte) 0xff;
    malformed[start.length + 1] = (byte) 0xfe;
    System.arraycopy(end, 0, malformed, start.length + 2, end.length);
    int suites = body(send("GET", "/api/v1/suites?mine=true", null)).get("items").size();
    int submissions = body(send("GET", "/api/v1/submissions?mine=true", null)).get("items").size();
    for (String path : List.of("/api/v1/suites", "/api/v1/submissions")) {
      JsonNode error = plainError(sendBytes(path, malformed), 400);
      assertThat(error.get("details").get(0).get("field").asText()).as(path).isEqualTo("body");
      assertThat(error.get("details").get(0).get("problem").asText())
          .as(path)
          .isEqualTo(PagesTest.say("en", "problem.bodyNotUtf8"));
    }
    for (String lang : List.of("fr", "es", "ru", "zh", "ar")) {
      for (String path : List.of("/api/v1/suites", "/api/v1/submissions")) {
        JsonNode error = plainError(sendBytes(path + "?lang=" + lang, malformed), 400);
        assertThat(error.get("details").get(0).get("field").asText()).as(path).isEqualTo("body");
        assertThat(error.get("details").get(0).get("problem").asText())
            .as(path + " " + lang)
            .isEqualTo(PagesTest.say(lang, "problem.bodyNotUtf8"));
      }
    }
    assertThat(body(send("GET", "/api/v1/suites?mine=true", null)).get("items")).hasSize(suites);
    assertThat(body(send("GET", "/api/v1/submissions?mine=true", null)).get("items"))
        .hasSize(submissions);
    HttpResponse<String> utf8 =
        sendBytes(
            "/api/v1/suites",
            "{\"title\": \"Qualit\u00e9 \uFFFD\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(utf8.statusCode()).as(utf8.body()).isEqualTo(201);
    assertThat(body(utf8).get("title").asText()).isEqualTo("Qualit\u00e9 \uFFFD");
  }

  /**
   * A JSON body is read as JSON whatever type it declares ({@code curl -d} sends it as a form), so
   * its bytes are checked as a JSON body's are: one that is not UTF-8, sent as {@code text/plain}
   * or as a form, was read with each bad byte replaced by U+FFFD and a suite was stored with the
   * title "Bad \uFFFD\uFFFD title". It is refused naming the body, and nothing is stored.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/xml"})
  void aBodyThatIsNotUtf8IsA400NamingTheBodyWhateverTypeItDeclares(String type) throws Exception {
    int suites = body(send("GET", "/api/v1/suites?mine=true", null)).get("items").size();
    for (String path : List.of("/api/v1/suites", "/api/v1/suites/suggest")) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(http.base() + path))
                  .header("Content-Type", type)
                  .header("Authorization", "Bearer " + adminToken)
                  .POST(HttpRequest.BodyPublishers.ofByteArray(notUtf8()))
                  .build());
      JsonNode error = plainError(r, 400);
      assertThat(error.get("details").get(0).get("field").asText()).as(path).isEqualTo("body");
      assertThat(error.get("details").get(0).get("problem").asText())
          .as(path)
          .isEqualTo(PagesTest.say("en", "problem.bodyNotUtf8"));
    }
    assertThat(body(send("GET", "/api/v1/suites?mine=true", null)).get("items")).hasSize(suites);
  }

  /** {@code body} sent by {@code method} to {@code path} with no credentials at all. */
  static HttpResponse<String> sendAnonymously(String method, String path, byte[] body) {
    return http.send(
        HttpRequest.newBuilder(URI.create(http.base() + path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  /** Bytes that are not UTF-8 (FF FE) inside a JSON object. */
  static byte[] notUtf8() {
    byte[] start = "{\"title\": \"".getBytes(StandardCharsets.UTF_8);
    byte[] end = "\"}".getBytes(StandardCharsets.UTF_8);
    byte[] malformed = new byte[start.length + 2 + end.length];
    System.arraycopy(start, 0, malformed, 0, start.length);
    malformed[start.length] = (byte) 0xff;
    malformed[start.length + 1] = (byte) 0xfe;
    System.arraycopy(end, 0, malformed, start.length + 2, end.length);
    return malformed;
  }

  /**
   * An anonymous client's body that is not UTF-8, or not JSON, sent to an operation that needs an
   * account was refused as a bad body (400), or as bad JSON: the client learned to mend a body it
   * may not send. Authentication comes first (openapi.json's order of refusals): every operation
   * openapi.json says needs an account answers 401 whatever the body, in the asked language.
   */
  @Test
  void anAnonymousBodyToAnOperationThatNeedsAnAccountIs401WhateverTheBody() throws Exception {
    JsonNode openapi = json.readTree(http.get("/api/v1/openapi.json").body());
    List<String[]> operations = new java.util.ArrayList<>();
    openapi
        .get("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        op -> {
                          JsonNode security = op.getValue().get("security");
                          boolean accountsOnly =
                              security != null
                                  && !security.isEmpty()
                                  && java.util.stream.StreamSupport.stream(
                                          security.spliterator(), false)
                                      .allMatch(a -> a.has("bearer") || a.has("session"))
                                  && java.util.stream.StreamSupport.stream(
                                          security.spliterator(), false)
                                      .noneMatch(a -> a.has("suiteKey"));
                          if (accountsOnly && !op.getKey().equals("get")) {
                            operations.add(
                                new String[] {
                                  op.getKey().toUpperCase(java.util.Locale.ROOT),
                                  path.getKey().replaceAll("\\{[^}]+}", "x")
                                });
                          }
                        }));
    assertThat(operations).hasSizeGreaterThan(10);
    for (String[] op : operations) {
      for (byte[] body : List.of(notUtf8(), "{".getBytes(StandardCharsets.UTF_8))) {
        HttpResponse<String> r = sendAnonymously(op[0], op[1], body);
        assertThat(r.statusCode()).as(op[0] + " " + op[1] + ": " + r.body()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(body(r).get("error").get("message").asText())
            .isEqualTo(PagesTest.say("en", "access.signInRequired"));
      }
    }
    for (String lang : List.of("fr", "es", "ru", "zh", "ar")) {
      HttpResponse<String> r =
          sendAnonymously("POST", "/api/v1/submissions?lang=" + lang, notUtf8());
      assertThat(r.statusCode()).as(lang).isEqualTo(401);
      assertThat(body(r).get("error").get("message").asText())
          .isEqualTo(PagesTest.say(lang, "access.signInRequired"));
    }
    // A body over the limit is still refused first, before anything is known of the caller.
    try (Socket s = new Socket("localhost", server.port())) {
      s.setSoTimeout(20_000);
      s.getOutputStream()
          .write(
              ("POST /api/v1/submissions HTTP/1.1\r\nHost: localhost\r\n"
                      + "Content-Type: application/json\r\n"
                      + "Content-Length: 1000000000\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      assertThat(HostileTrafficTest.statusLine(s.getInputStream())).startsWith("HTTP/1.1 413");
    }
  }

  /**
   * An operation open to anonymous clients (a suite is made without an account) reads the body it
   * is sent: one that is not UTF-8 is a 400 naming the body, as it is for a signed-in client.
   */
  @Test
  void anAnonymousBodyThatIsNotUtf8ToAnOpenOperationIsStillA400NamingTheBody() throws Exception {
    for (String path : List.of("/api/v1/suites", "/api/v1/suites/suggest")) {
      JsonNode error = plainError(sendAnonymously("POST", path, notUtf8()), 400);
      assertThat(error.get("details").get(0).get("field").asText()).as(path).isEqualTo("body");
      assertThat(error.get("details").get(0).get("problem").asText())
          .as(path)
          .isEqualTo(PagesTest.say("en", "problem.bodyNotUtf8"));
    }
  }

  /**
   * A field sent as another kind of JSON value than the text it takes was called "required" (a
   * suggestion's text, a decision) or refused in English only (a suite's title, a decision's
   * comment): it is said to be of the wrong kind, naming the field, in the asked language.
   */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/v1/suites|{\"title\": 123}|title",
        "/api/v1/suites/suggest|{\"text\": 123}|text",
        "/api/v1/submissions|{\"action\": 123, \"record\": {}}|action",
        "/api/v1/submissions|{\"action\": \"update\", \"recordId\": 123, \"baseRevision\": 1,"
            + " \"record\": {}}|recordId",
        "/api/v1/submissions/none/decision|{\"decision\": 123}|decision",
        "/api/v1/submissions/none/decision|{\"decision\": \"reject\", \"comment\": 123}|comment"
      })
  void aFieldOfTheWrongJsonKindSaysSoNamingItInEveryLanguage(String path, String body, String field)
      throws Exception {
    for (String lang : List.of("en", "fr", "es", "ru", "zh", "ar")) {
      assertThat(problemSaid(path + "?lang=" + lang, body, field))
          .as(lang)
          .isEqualTo(PagesTest.say(lang, "invalid.notString", "123"));
    }
  }

  /** What a 400 answer to POSTing {@code body} to {@code path} says of {@code field}. */
  private static String problemSaid(String path, String body, String field) throws Exception {
    JsonNode error = plainError(send("POST", path, body), 400);
    for (JsonNode d : error.get("details")) {
      if (d.get("field").asText().equals(field)) {
        return d.get("problem").asText();
      }
    }
    throw new AssertionError("no problem named " + field + " in " + error);
  }

  /**
   * Refusals of a value the field does not take were English whatever the request asked for (an
   * action, a kind, a decision, a base revision, a suite's members): they are said in the asked
   * language, naming the field and the value.
   */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/v1/submissions|{\"action\": \"delete\", \"record\": {}}|action|invalid.notOneOf|delete;"
            + "create, update",
        "/api/v1/submissions|{\"kind\": \"course\"}|kind|invalid.notOneOf|course;record, resource",
        "/api/v1/submissions|{\"action\": \"update\", \"recordId\": \"x\", \"baseRevision\": 0,"
            + " \"record\": {}}|baseRevision|problem.notWholeNumberFrom|0;1",
        "/api/v1/submissions|{\"record\": {}}|action|invalid.required|",
        "/api/v1/submissions/none/decision|{\"decision\": \"maybe\"}|decision|invalid.notOneOf|maybe;"
            + "approve, reject, changes-requested",
        "/api/v1/suites|{\"title\": \"t\", \"members\": 5}|members|invalid.notList|"
      })
  void aValueTheFieldDoesNotTakeIsRefusedInTheAskedLanguage(
      String path, String body, String field, String key, String args) throws Exception {
    Object[] values = args == null ? new Object[0] : args.split(";");
    for (String lang : List.of("en", "fr", "zh", "ar")) {
      assertThat(problemSaid(path + "?lang=" + lang, body, field))
          .as(lang)
          .isEqualTo(PagesTest.say(lang, key, values));
    }
  }

  @Test
  void aRecordThatIsNotAnObjectIsSaidToBeOfTheWrongKindNotMissing() throws Exception {
    JsonNode error =
        plainError(
            send("POST", "/api/v1/submissions", "{\"action\": \"create\", \"record\": \"x\"}"),
            400);
    assertThat(error.get("details").get(0).get("field").asText()).isEqualTo("record");
    assertThat(error.get("details").get(0).get("problem").asText())
        .isEqualTo(PagesTest.say("en", "invalid.notRecord"));
  }

  @Test
  void aBodyThatNamesAFieldTwiceIsA400NotReadAsItsLastValue() throws Exception {
    int mine = body(send("GET", "/api/v1/suites?mine=true", null)).get("items").size();
    JsonNode error =
        plainError(send("POST", "/api/v1/suites", "{\"title\": \"one\", \"title\": \"two\"}"), 400);
    assertThat(error.get("details").get(0).get("field").asText()).isEqualTo("body");
    assertThat(error.get("message").asText()).startsWith("body names a field twice (line 1");
    assertThat(body(send("GET", "/api/v1/suites?mine=true", null)).get("items")).hasSize(mine);
  }

  /** The one problem of an error body: its field, then what it says. */
  static List<String> onlyProblem(String path, String lang, String body) throws Exception {
    JsonNode error = plainError(send("POST", path + "?lang=" + lang, body), 400);
    assertThat(error.get("details")).as(error.toString()).hasSize(1);
    JsonNode detail = error.get("details").get(0);
    return List.of(detail.get("field").asText(), detail.get("problem").asText());
  }

  /** Where in a body, as {@code lang} says it after a problem. */
  static String at(String lang, int line, int column) throws Exception {
    return PagesTest.say(lang, "problem.bodyAt", String.valueOf(line), String.valueOf(column));
  }

  /**
   * A body that is not the JSON expected was refused in English whatever language the request asked
   * for: each refusal is said in the asked language, with the kind of value expected and the line
   * and column in that language too; in English it is said as before.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"en", "fr", "zh", "ar"})
  void anUnreadableBodyIsSaidInTheAskedLanguageKindAndPlaceToo(String lang) throws Exception {
    List<List<String>> said =
        List.of(
            onlyProblem("/api/v1/taxonomy/changes", lang, "{\n\"kind\": }"),
            onlyProblem("/api/v1/taxonomy/changes", lang, "{\"baseVersion\": \"x\"}"),
            onlyProblem(
                "/api/v1/suggestions/decisions", lang, "{\"decisions\": [{\"recordId\": [5]}]}"),
            onlyProblem("/api/v1/mappings/decisions", lang, ""),
            onlyProblem("/api/v1/suites", lang, "{\"title\": \"one\", \"title\": \"two\"}"),
            onlyProblem("/api/v1/suites/suggest", lang, "{\"text\": \"chatbot\"} [1]"));
    List<List<String>> expected =
        List.of(
            List.of("body", PagesTest.say(lang, "problem.bodyNotJson", at(lang, 2, 9))),
            List.of(
                "body.baseVersion",
                PagesTest.say(
                    lang,
                    "problem.bodyMustBeNot",
                    PagesTest.say(lang, "problem.kindWholeNumber"),
                    "x",
                    at(lang, 1, 17))),
            List.of(
                "body.decisions[0].recordId",
                PagesTest.say(
                    lang,
                    "problem.bodyMustBe",
                    PagesTest.say(lang, "problem.kindString"),
                    at(lang, 1, 29))),
            List.of(
                "body",
                PagesTest.say(
                    lang,
                    "problem.bodyEmpty",
                    PagesTest.say(lang, "problem.bodyObjectWithFields", "decisions"))),
            List.of("body", PagesTest.say(lang, "problem.bodyFieldTwice", at(lang, 1, 25))),
            List.of("body", PagesTest.say(lang, "problem.bodyTrailing", at(lang, 1, 21))));
    assertThat(said).isEqualTo(expected);
    List<String> english =
        List.of(
            "is not valid JSON (line 2, column 9)",
            "must be a whole number ('x' is not) (line 1, column 17)",
            "must be a string (line 1, column 29)",
            "is empty; expected a JSON object with the fields decisions",
            "names a field twice (line 1, column 25)",
            "has more after its JSON value (line 1, column 21)");
    for (int i = 0; i < said.size(); i++) {
      if (lang.equals("en")) {
        assertThat(said.get(i).get(1)).isEqualTo(english.get(i));
      } else {
        assertThat(said.get(i).get(1)).as(lang).isNotEqualTo(english.get(i));
      }
    }
  }

  /**
   * A GET of {@code target} exactly as written (java.net.http refuses such addresses): the status
   * line and headers, then the body.
   */
  static String[] raw(String target) throws IOException {
    return raw(target, "");
  }

  /** {@link #raw(String)} with more request {@code headers}, each ending with CRLF. */
  static String[] raw(String target, String headers) throws IOException {
    try (Socket socket = new Socket("localhost", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + target
                  + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                  + headers
                  + "\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int end = answer.indexOf("\r\n\r\n");
      return new String[] {answer.substring(0, end), answer.substring(end + 4)};
    }
  }

  /**
   * A path with {@code %00} is refused as any other unreadable address is: on a page, the HTML
   * error page in the request's language (its {@code lang}, else Accept-Language) naming the path,
   * as {@code /standards/%FF} is; on the API, the JSON error naming the path, in the asked
   * language.
   */
  @Test
  void aPathWithANulIsA400NamingThePathOnThePageInItsLanguageAndOnTheApi() throws Exception {
    for (String[] asked :
        List.of(
            new String[] {"/standards/%00?lang=fr", "Accept: text/html\r\n"},
            new String[] {"/standards/%00", "Accept: text/html\r\nAccept-Language: fr\r\n"},
            new String[] {"/standards/a%00b/history?lang=fr", ""})) {
      String[] r = raw(asked[0], asked[1]);
      assertThat(r[0])
          .as(asked[0])
          .startsWith("HTTP/1.1 400")
          .containsIgnoringCase("Content-Type: text/html");
      org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(r[1]);
      assertThat(page.select("html").attr("lang")).isEqualTo("fr");
      assertThat(page.select("main").text())
          .contains("path")
          .contains("%00, un caractère NUL")
          .doesNotContain("Exception");
    }
    String[] api = raw("/api/v1/standards/%00?lang=es");
    assertThat(api[0])
        .startsWith("HTTP/1.1 400")
        .containsIgnoringCase("Content-Type: application/json");
    JsonNode error = json.readTree(api[1]).get("error");
    assertThat(error.at("/details/0/field").asText()).isEqualTo("path");
    assertThat(error.at("/details/0/problem").asText()).contains("%00, un carácter NUL");
    assertThat(ApiTest.validate(http, "Error", json.readTree(api[1]))).isEmpty();
    // In the query, %00 is a parameter's value, read as the parameter is.
    assertThat(http.get("/search?q=%00").statusCode()).isEqualTo(200);
  }

  /**
   * A control character inside a query (a NUL, a tab, an escape) separates words as a space does:
   * the page shows the query back, in its title and its search box, with a space there, never the
   * raw character, which an HTML page may not hold.
   */
  @Test
  void aControlCharacterInsideAQueryIsShownBackAsASpace() throws Exception {
    HttpResponse<String> r = http.get("/search?q=machine%00learning%1Bsafety%09risk");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body().chars().filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t'))
        .isEmpty();
    org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(r.body());
    assertThat(page.select("#q").attr("value")).isEqualTo("machine learning safety risk");
    assertThat(page.title()).startsWith("machine learning safety risk");
    JsonNode api = json.readTree(http.get("/api/v1/standards?q=machine%00learning&size=1").body());
    assertThat(api.get("total").asInt())
        .isEqualTo(
            json.readTree(http.get("/api/v1/standards?q=machine%20learning&size=1").body())
                .get("total")
                .asInt());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/api/v1/standards/%ZZ", "/standards/%ZZ"})
  void anAddressJettyCannotReadIsA400WithTheJsonErrorBodyNotJettysPage(String target)
      throws Exception {
    String[] r = raw(target);
    assertThat(r[0])
        .startsWith("HTTP/1.1 400")
        .containsIgnoringCase("Content-Type: application/json;charset=utf-8");
    JsonNode b = json.readTree(r[1]);
    assertThat(b.get("error").get("code").asText()).isEqualTo("bad_request");
    assertThat(ApiTest.validate(http, "Error", b)).isEmpty();
    assertThat(r[1]).doesNotContain("<h1>");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"/api/v1/standards?q=%ZZ", "/api/v1/standards?size=5&q=100%", "/search?q=%"})
  void aQueryValueWithABrokenEscapeIsRefusedNamingItNotAnsweredAsIfAbsent(String target)
      throws Exception {
    String[] r = raw(target);
    assertThat(r[0]).startsWith("HTTP/1.1 400");
    // The API names the parameter; the page names it by its label and as the address spells it.
    assertThat(r[1]).containsAnyOf("parameter q:", "<code>q</code></bdi>:").contains("%25");
    // The escape written right is searched for.
    assertThat(send("GET", "/api/v1/standards?q=100%25", null).statusCode()).isEqualTo(200);
  }

  /**
   * A broken escape in a parameter a page does not read (a shared link's tracking parameter) is
   * ignored, as any parameter a page does not know is; one the page reads is still refused naming
   * it, and the API, which takes only the parameters it knows, refuses it naming it.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/?utm_source=%zz",
        "/search?q=risk&utm_source=%zz",
        "/about?x=100%",
        "/landscape?utm_source=%zz",
        "/learn?kind=guide&utm_source=%E2%82",
        "/search?q=risk&%zz=1"
      })
  void aBrokenEscapeInAParameterThePageDoesNotReadIsIgnored(String target) throws Exception {
    String[] r = raw(target);
    assertThat(r[0]).startsWith("HTTP/1.1 200");
    assertThat(raw("/search?q=%zz&utm_source=x")[1]).contains("<code>q</code></bdi>:");
    String[] api = raw("/api/v1/standards?q=risk&utm_source=%zz");
    assertThat(api[0]).startsWith("HTTP/1.1 400");
    assertThat(api[1]).contains("parameter utm_source:").contains("%25");
  }

  @Test
  void anAddressOverTheLimitIsA414WithTheJsonErrorBody() throws Exception {
    String[] r = raw("/api/v1/standards?q=" + "a".repeat(9_000));
    assertThat(r[0])
        .startsWith("HTTP/1.1 414")
        .containsIgnoringCase("Content-Type: application/json;charset=utf-8");
    JsonNode b = json.readTree(r[1]);
    assertThat(b.get("error").get("code").asText()).isEqualTo("uri_too_long");
    assertThat(ApiTest.validate(http, "Error", b)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"DELETE", "PATCH"})
  void aMethodThePathDoesNotTakeIs405WithAllowNot404(String method) throws Exception {
    HttpResponse<String> r = send(method, "/api/v1/standards/iso-iec-42001-2023", null);
    JsonNode error = plainError(r, 405);
    assertThat(error.get("code").asText()).isEqualTo("method_not_allowed");
    assertThat(r.headers().firstValue("Allow")).contains("GET, HEAD, OPTIONS, PUT");
    // A path no route has stays a 404, whatever the method.
    assertThat(send(method, "/api/v1/nothing-here", null).statusCode()).isEqualTo(404);
  }

  /**
   * A method Javalin has no name for is named as the client sent it: the 405 said "INVALID is not
   * allowed on /api/v1/standards".
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"PROPFIND", "BREW"})
  void aMethodNoRouteKnowsIsNamedAsSentInThe405(String method) throws Exception {
    HttpResponse<String> r = send(method, "/api/v1/standards", null);
    JsonNode error = plainError(r, 405);
    assertThat(error.get("code").asText()).isEqualTo("method_not_allowed");
    assertThat(error.get("message").asText())
        .isEqualTo(method + " is not allowed on /api/v1/standards; allowed: GET, HEAD, OPTIONS")
        .doesNotContain("INVALID");
  }

  @Test
  void optionsSaysWhichMethodsAPathTakes() {
    HttpResponse<String> r = send("OPTIONS", "/api/v1/standards", null);
    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.headers().firstValue("Allow")).contains("GET, HEAD, OPTIONS");
    assertThat(send("OPTIONS", "/api/v1/suites/some-id", null).headers().firstValue("Allow"))
        .contains("DELETE, GET, HEAD, OPTIONS, PUT");
    // Not a preflight (no Origin, no requested method): no CORS answer.
    assertThat(r.headers().firstValue("Access-Control-Allow-Headers")).isEmpty();
    assertThat(send("OPTIONS", "/api/v1/nothing-here", null).statusCode()).isEqualTo(404);
  }

  static HttpResponse<String> preflight(String path, String method, String headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(http.base() + path))
            .header("Origin", "https://elsewhere.example")
            .header("Access-Control-Request-Method", method)
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
    if (headers != null) {
      b.header("Access-Control-Request-Headers", headers);
    }
    return http.send(b.build());
  }

  /**
   * A page on another site may read the API, anonymously or with a token of its own, and make
   * conditional requests: the preflight of a read is granted for any origin, with Authorization and
   * If-None-Match, never with credentials (cookies); the ETag is exposed to its script. A write is
   * not granted to other sites.
   */
  @Test
  void aCorsPreflightForAnApiReadIsGrantedWithTokenAndConditionalHeadersButNoCookies() {
    for (String headers :
        List.of("if-none-match", "authorization", "authorization,if-none-match")) {
      HttpResponse<String> r = preflight("/api/v1/standards/iso-iec-42001-2023", "GET", headers);
      assertThat(r.statusCode()).isEqualTo(204);
      assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
      assertThat(r.headers().firstValue("Access-Control-Allow-Methods")).contains("GET, HEAD");
      List<String> allowed =
          List.of(
              r.headers()
                  .firstValue("Access-Control-Allow-Headers")
                  .orElseThrow()
                  .toLowerCase(java.util.Locale.ROOT)
                  .split(",\\s*"));
      assertThat(allowed).containsAll(List.of(headers.split(",")));
      assertThat(r.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }
    assertThat(
            preflight("/api/v1/standards?q=ai", "HEAD", null)
                .headers()
                .firstValue("Access-Control-Allow-Origin"))
        .contains("*");
    // A write, or a path there is not, is not granted.
    HttpResponse<String> put =
        preflight("/api/v1/standards/iso-iec-42001-2023", "PUT", "authorization,if-match");
    assertThat(put.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(put.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
    assertThat(preflight("/api/v1/nothing-here", "GET", null).statusCode()).isEqualTo(404);
    // Pages are not the API.
    assertThat(
            preflight("/search", "GET", null).headers().firstValue("Access-Control-Allow-Origin"))
        .isEmpty();

    // The read itself, as the other site's script sends it: readable, with its ETag.
    HttpResponse<String> read =
        http.send(
            HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/standards/iso-iec-42001-2023"))
                .header("Origin", "https://elsewhere.example")
                .header("Authorization", "Bearer " + adminToken)
                .GET()
                .build());
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    assertThat(read.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
        .contains("ETag");
    assertThat(read.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
  }

  /**
   * HEAD says what GET says, without the body: the same status, the same media type and length, the
   * same validators, wherever it is sent (a record there is not, a refused parameter, a page, a
   * feed, an asset, an address no route has).
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/api/v1/standards/does-not-exist",
        "/api/v1/standards?size=0",
        "/api/v1/standards?q=42001",
        "/api/v1/standards/iso-iec-42001-2023",
        "/search?q=42001",
        "/standards/iso-iec-42001-2023",
        "/feeds/changes.atom",
        "/static/style.css",
        "/nonexistent",
        "/api/v1/nothing-here",
      })
  void headAnswersWhatGetAnswersWithoutTheBody(String path) {
    HttpResponse<String> get = http.get(path);
    HttpResponse<String> head =
        http.send(
            HttpRequest.newBuilder(URI.create(http.base() + path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(head.statusCode()).isEqualTo(get.statusCode());
    assertThat(head.body()).isEmpty();
    for (String header : List.of("Content-Type", "ETag", "Vary", "Cache-Control")) {
      assertThat(head.headers().firstValue(header))
          .as(header)
          .isEqualTo(get.headers().firstValue(header));
    }
    // Jetty says how long the body would be where it knows (a body sent whole).
    head.headers()
        .firstValue("Content-Length")
        .ifPresent(
            length ->
                assertThat(Long.parseLong(length))
                    .isEqualTo(get.body().getBytes(StandardCharsets.UTF_8).length));
  }

  /**
   * An API answer said in the request's language (facet labels) varies on Accept-Language, so that
   * a cache does not give a French answer to an English reader; with ?lang= the address says it.
   */
  @Test
  void anApiAnswerInTheRequestsLanguageVariesOnAcceptLanguage() {
    HttpResponse<String> fr = http.get("/api/v1/standards?q=42001", "Accept-Language", "fr");
    assertThat(fr.headers().firstValue("Vary").orElseThrow())
        .contains("Accept-Language")
        .contains("Cookie")
        .contains("Authorization");
    assertThat(fr.body()).isNotEqualTo(http.get("/api/v1/standards?q=42001").body());
    assertThat(http.get("/api/v1/taxonomy").headers().firstValue("Vary").orElseThrow())
        .contains("Accept-Language");
  }

  /**
   * A parameter whose %-escapes are not UTF-8 cannot be read as sent: a 400 naming it (it would be
   * read as U+FFFD and answer another question); one the endpoint does not read is refused as any
   * other unreadable parameter of the API is.
   */
  @ParameterizedTest(name = "{0} → 400 naming {1}")
  @org.junit.jupiter.params.provider.CsvSource({
    "/api/v1/standards?q=%FF%FE, q",
    "/api/v1/standards?q=caf%C3, q",
    "/api/v1/standards?sdo=%C0%AF, sdo",
    "/api/v1/standards?q=ai&%FF=1, (name)",
    "/search?q=%FF%FE, q",
    "/api/v1/standards/%FF, path",
    "/standards/caf%C3%28, path",
  })
  void aParameterThatIsNotUtf8Is400NamingIt(String path, String field) throws Exception {
    HttpResponse<String> r = http.get(path);
    assertThat(r.statusCode()).isEqualTo(400);
    if (path.startsWith("/api/")) {
      JsonNode error = plainError(r, 400);
      assertThat(error.get("details").get(0).get("field").asText()).isEqualTo(field);
      assertThat(error.get("details").get(0).get("problem").asText()).contains("UTF-8");
    } else {
      assertThat(r.body()).contains("UTF-8");
    }
    // Well-formed UTF-8 in escapes is read as it is.
    assertThat(http.get("/api/v1/standards?q=caf%C3%A9").statusCode()).isEqualTo(200);
  }

  /** lang on the API names one of the six languages openapi.json lists, else a 400 naming it. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/api/v1/standards?q=ai&lang=de",
        "/api/v1/standards/iso-iec-42001-2023?lang=xx",
        "/api/v1/taxonomy?lang=EN",
        "/api/v1/overlap?lang=de",
        "/api/v1/standards?lang=fr&lang=en",
      })
  void anUnknownLangOnTheApiIs400NamingIt(String path) throws Exception {
    JsonNode error = plainError(http.get(path), 400);
    assertThat(error.get("code").asText()).isEqualTo("bad_parameter");
    assertThat(error.get("details").get(0).get("field").asText()).isEqualTo("lang");
  }

  /**
   * An address the API does not have is the API's JSON 404, in English, saying where its paths are
   * listed; not Javalin's "Endpoint GET ... not found".
   */
  @Test
  void anUnknownApiAddressIsAJson404() throws Exception {
    for (String lang : List.of("", "?lang=fr")) {
      JsonNode error = plainError(http.get("/api/v1/nothing-here" + lang), 404);
      assertThat(error.get("code").asText()).isEqualTo("not_found");
      assertThat(error.get("message").asText())
          .contains("/api/v1/nothing-here")
          .contains("/api/v1/openapi.json")
          .doesNotContain("Endpoint");
    }
  }

  /**
   * A static asset says its type and that it is UTF-8 (Jetty's own resource handler said {@code
   * charset=null}), and is sent compressed to a client that takes gzip.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/static/style.css, text/css",
    "/static/app.js, text/javascript",
    "/static/favicon.svg, image/svg+xml"
  })
  void aStaticAssetSaysItsTypeAndCharset(String asset, String type) throws Exception {
    HttpResponse<String> r = send("GET", asset, null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(
            v ->
                assertThat(v.toLowerCase(java.util.Locale.ROOT).replace(" ", ""))
                    .isEqualTo(type + ";charset=utf-8"));
    HttpResponse<byte[]> zipped =
        java.net.http.HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(http.base() + asset))
                    .header("Accept-Encoding", "gzip")
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
    try (var in =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(r.body());
    }
  }

  /** A static asset answers OPTIONS as a page does: 204 with the methods it takes. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/static/style.css", "/static/app.js"})
  void optionsOnAStaticAssetSaysWhichMethodsItTakes(String asset) {
    HttpResponse<String> r = send("OPTIONS", asset, null);
    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.headers().firstValue("Allow")).contains("GET, HEAD, OPTIONS");
    assertThat(r.headers().firstValue("Access-Control-Allow-Headers")).isEmpty();
    assertThat(send("OPTIONS", "/", null).headers().firstValue("Allow"))
        .isEqualTo(r.headers().firstValue("Allow"));
    assertThat(send("GET", asset, null).statusCode()).isEqualTo(200);
    // An asset there is not stays a 404, as a path no route has.
    assertThat(send("OPTIONS", "/static/nothing-here.css", null).statusCode()).isEqualTo(404);
    assertThat(send("OPTIONS", "/static/", null).statusCode()).isEqualTo(404);
  }

  @Test
  void anonymousApiReadsMayBeReadByOtherSitesButNeverWithCredentials() {
    HttpResponse<String> anonymous =
        http.get("/api/v1/standards?q=ai", "Origin", "https://a.example");
    assertThat(anonymous.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    assertThat(anonymous.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    // Whether the wildcard is sent depends on the credentials: caches are told so.
    assertThat(anonymous.headers().firstValue("Vary").orElseThrow())
        .contains("Cookie")
        .contains("Authorization");
    assertThat(
            http.get("/api/v1/standards?colour=blue")
                .headers()
                .firstValue("Access-Control-Allow-Origin"))
        .contains("*");
    // With a session cookie the answer is a signed-in visitor's, on this site: not for others.
    // A token is sent by a script that holds it, never by the browser on its own: readable.
    assertThat(send("GET", "/api/v1/me", null).headers().firstValue("Access-Control-Allow-Origin"))
        .contains("*");
    assertThat(
            http.get("/api/v1/standards", "Cookie", Access.SESSION_COOKIE + "=x")
                .headers()
                .firstValue("Access-Control-Allow-Origin"))
        .isEmpty();
    // Pages are not the API.
    assertThat(http.get("/").headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @ParameterizedTest(name = "{0} → 400 naming {1}")
  @org.junit.jupiter.params.provider.CsvSource({
    "/api/v1/resources?standard=nope, standard",
    "/api/v1/resources?concept=foo, concept",
    "/api/v1/resources?language=zz, language",
    "/api/v1/landscape/duplicates?committee=zzz, committee",
    "/api/v1/standards/iso-iec-42001-2023?foo=1, foo",
    "/api/v1/standards/iso-iec-42001-2023/history?foo=1, foo",
    "/api/v1/taxonomy?foo=1, foo",
    "/api/v1/landscape?sort=date, sort",
    "/api/v1/landscape?page=2, page",
    "/api/v1/landscape/clusters?size=5, size",
  })
  void unknownParametersAndUnknownValuesOfClosedSetsAre400sNamingTheParameter(
      String path, String field) throws Exception {
    JsonNode error = plainError(http.get(path), 400);
    assertThat(error.get("code").asText()).isEqualTo("bad_parameter");
    assertThat(error.get("details").get(0).get("field").asText()).isEqualTo(field);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/api/v1/resources?language=en",
        "/api/v1/resources?concept=health",
        "/api/v1/standards?q=ai&lang=ar",
        "/api/v1/standards?q=ai&lang=zh",
        "/api/v1/standards/iso-iec-42001-2023?lang=ru",
        "/api/v1/landscape?ai=core&lang=es",
        "/api/v1/landscape/duplicates?committee=" + "ISO%2FIEC+JTC+1%2FSC+42",
      })
  void documentedParametersAndKnownValuesAreAccepted(String path) {
    HttpResponse<String> r = http.get(path);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  @Test
  void theListOfKnownParametersInARefusalIncludesLang() throws Exception {
    JsonNode error = plainError(http.get("/api/v1/standards?colour=blue"), 400);
    assertThat(error.get("details").get(0).get("problem").asText())
        .startsWith("unknown parameter; known: ")
        .contains(", lang");
  }
}
