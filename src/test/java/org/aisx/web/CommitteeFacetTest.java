package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.committee.Committee;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search's committee facet names each committee with its title in the register (the bundled
 * one, ISO Open Data's), on the page and in the API, and filters by the committee as records name
 * it. A committee the register lacks is named as records name it. The class's own catalogue: one
 * test renames a committee in the register.
 */
class CommitteeFacetTest {
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static Http http;

  static final String SC42 = "ISO/IEC JTC 1/SC 42";

  @BeforeAll
  static void start() {
    app = Fixtures.starter(dir);
    server = app.web().start(0);
    http = new Http(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
    app.close();
  }

  static Document page(String path) {
    HttpResponse<String> r = http.get(path);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return Jsoup.parse(r.body());
  }

  /** The checkbox of the committee facet's value {@code value}, and the text of its label. */
  static Element box(Document d, String value) {
    for (Element in : d.select("#facet-committee input[name=committee]")) {
      if (in.attr("value").equals(value)) {
        return in;
      }
    }
    throw new AssertionError("no committee facet value " + value);
  }

  static String label(Document d, Element box) {
    return d.selectFirst("label[for=" + box.id() + "] .facet-label").text();
  }

  /** A committee of the facet that the register does not have (another body's). */
  static String notInRegister(JsonNode committeeFacet) {
    for (JsonNode v : committeeFacet) {
      if (app.committees().find(v.get("value").asText()).isEmpty()) {
        return v.get("value").asText();
      }
    }
    throw new AssertionError("every committee of the facet is in the register: " + committeeFacet);
  }

  @Test
  void theSearchPagesCommitteeFacetNamesEachCommitteeWithItsTitleAndFiltersByItsReference()
      throws Exception {
    Document d = page("/search?lang=en&q=artificial+intelligence");
    Element sc42 = box(d, SC42);
    assertThat(label(d, sc42)).isEqualTo("ISO/IEC JTC 1/SC 42 — Artificial intelligence");
    // The box still sends the committee as records name it, and the search filters by it.
    assertThat(sc42.attr("name")).isEqualTo("committee");
    Document filtered =
        page("/search?lang=en&q=artificial+intelligence&committee=" + ApiTest.enc(SC42));
    Element ticked = box(filtered, SC42);
    assertThat(ticked.hasAttr("checked")).isTrue();
    assertThat(label(filtered, ticked)).isEqualTo("ISO/IEC JTC 1/SC 42 — Artificial intelligence");

    // A committee the register lacks is named as the records name it, with nothing after it.
    Document all = page("/search?lang=en");
    JsonNode facet =
        ApiTest.body(http.get("/api/v1/standards?size=1")).get("facets").get("committee");
    String other = notInRegister(facet);
    Element otherBox = box(all, other);
    assertThat(label(all, otherBox)).isEqualTo(other);

    // On an Arabic page, the reference and the title are each isolated from the sentence.
    Document ar = page("/search?lang=ar&q=artificial+intelligence");
    assertThat(ar.selectFirst("label[for=" + box(ar, SC42).id() + "] .facet-label").html())
        .isEqualTo("<bdi>ISO/IEC JTC 1/SC 42</bdi> — <bdi>Artificial intelligence</bdi>");
    // In Chinese, the title in brackets.
    Document zh = page("/search?lang=zh&q=artificial+intelligence");
    assertThat(label(zh, box(zh, SC42))).isEqualTo("ISO/IEC JTC 1/SC 42（Artificial intelligence）");
  }

  @Test
  void theApisCommitteeFacetGivesEachCommitteesTitleBesideItsValueAndLabel() throws Exception {
    JsonNode b = ApiTest.body(http.get("/api/v1/standards?q=artificial+intelligence&size=1"));
    assertThat(ApiTest.validate(http, "SearchResponse", b)).isEmpty();
    JsonNode sc42 = null;
    for (JsonNode v : b.get("facets").get("committee")) {
      if (v.get("value").asText().equals(SC42)) {
        sc42 = v;
      }
    }
    assertThat(sc42).as(b.get("facets").get("committee").toString()).isNotNull();
    assertThat(sc42.get("label").asText()).isEqualTo(SC42);
    assertThat(sc42.get("title").asText()).isEqualTo("Artificial intelligence");
    assertThat(sc42.get("count").asLong()).isPositive();
    // A committee the register lacks, and the other facets' values: no title.
    String other = notInRegister(b.get("facets").get("committee"));
    for (JsonNode v : b.get("facets").get("committee")) {
      if (v.get("value").asText().equals(other)) {
        assertThat(v.has("title")).as(v.toString()).isFalse();
      }
    }
    for (JsonNode v : b.get("facets").get("sdo")) {
      assertThat(v.has("title")).as(v.toString()).isFalse();
    }
  }

  @Test
  void aTitleTheRegisterChangesIsShownAtOnceAndEscaped() throws Exception {
    String sc27 = "ISO/IEC JTC 1/SC 27";
    String path = "/search?lang=en&q=information+security";
    String api = "/api/v1/standards?q=information+security&size=1";
    Document before = page(path);
    assertThat(label(before, box(before, sc27)))
        .isEqualTo(sc27 + " — Information security, cybersecurity and privacy protection");
    assertThat(ApiTest.body(http.get(api)).get("facets").get("committee").toString())
        .contains("\"title\":\"Information security, cybersecurity and privacy protection\"");

    Committee c = app.committees().find(sc27).orElseThrow();
    String renamed = "Information <em>security</em> & privacy";
    app.committees()
        .saveAll(
            List.of(
                new Committee(
                    c.reference(),
                    c.isoId(),
                    renamed,
                    c.status(),
                    c.secretariat(),
                    c.created(),
                    c.scope(),
                    c.parentId(),
                    c.childIds(),
                    c.liaisons(),
                    c.organizations(),
                    c.sortKey())));

    // The same search, answered from the same index: its kept page and body are not sent again.
    HttpResponse<String> r = http.get(path);
    assertThat(r.body())
        .contains("Information &lt;em&gt;security&lt;/em&gt; &amp; privacy")
        .doesNotContain("<em>security</em>");
    Document after = Jsoup.parse(r.body());
    assertThat(label(after, box(after, sc27))).isEqualTo(sc27 + " — " + renamed);
    String title = null;
    for (JsonNode v : ApiTest.body(http.get(api)).get("facets").get("committee")) {
      if (v.get("value").asText().equals(sc27)) {
        title = v.get("title").asText();
      }
    }
    assertThat(title).isEqualTo(renamed);
  }
}
