package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Progress;
import org.aisx.ingest.Importer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JIS, ISO and W3C feed fixtures imported and served: a national standard leads to the
 * international one it adopts and back, titles are searched in their own language (Japanese with
 * Kuromoji, French with the French analyzer) and shown in the reader's, and an inferred status says
 * so on the record page.
 */
class NationalAdoptionAndLanguagesTest {
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static Http http;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    app = Fixtures.empty(dir.resolve("data"));
    List<Path> feeds = new ArrayList<>();
    for (String name : List.of("jis", "iso", "w3c")) {
      Path file = dir.resolve(name + ".yaml");
      try (InputStream in =
          NationalAdoptionAndLanguagesTest.class.getResourceAsStream(
              "/fixtures/relaton/" + name + ".yaml")) {
        Files.copy(in, file);
      }
      feeds.add(file);
    }
    app.importer().importFiles(Importer.Format.AUTO, feeds, null, Progress.SILENT);
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
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return Jsoup.parse(r.body());
  }

  static List<String> keywordHits(String q) throws Exception {
    HttpResponse<String> r =
        http.get(
            "/api/v1/standards?mode=keyword&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    for (JsonNode item : JSON.readTree(r.body()).get("items")) {
      ids.add(item.get("id").asText());
    }
    return ids;
  }

  @Test
  void theJisRecordPageLeadsToTheIsoIecStandardItAdoptsAndBack() {
    Document jis = page("/standards/jis-x-22989-2023");
    assertThat(jis.select("table.relations tr").eachText())
        .anyMatch(t -> t.startsWith("Adopts") && t.contains("ISO/IEC 22989:2022"));
    assertThat(jis.select("table.relations a").eachAttr("href"))
        .contains("/standards/iso-iec-22989-2022");
    assertThat(jis.select(".record-facts dd").eachText()).contains("JIS");

    Document iso = page("/standards/iso-iec-22989-2022");
    assertThat(iso.select("table.relations tr").eachText())
        .anyMatch(t -> t.startsWith("Adopted by") && t.contains("JIS X 22989:2023"));
    assertThat(iso.select("table.relations a").eachAttr("href"))
        .contains("/standards/jis-x-22989-2023");
  }

  @Test
  void aJapaneseTitleQueryFindsTheJisRecordAndAFrenchOneTheIsoRecord() throws Exception {
    assertThat(keywordHits("人工知能の概念及び用語")).first().isEqualTo("jis-x-22989-2023");
    // Words of a longer title, run together as Japanese writes them.
    assertThat(keywordHits("情報セキュリティマネジメントシステム")).contains("jis-q-27001-2023");
    assertThat(keywordHits("concepts et terminologie relatifs à l'intelligence artificielle"))
        .first()
        .isEqualTo("iso-iec-22989-2022");
    // French stemming: "terminologies" finds "terminologie".
    assertThat(keywordHits("terminologies intelligence artificielle"))
        .contains("iso-iec-22989-2022");
  }

  @Test
  void theReadersLanguageIsShownWhereTheRecordHasIt() {
    Document fr = page("/standards/iso-iec-22989-2022?lang=fr");
    assertThat(fr.selectFirst("h1").attr("lang")).isEqualTo("fr");
    assertThat(fr.selectFirst("h1").text()).contains("Intelligence artificielle");
    Document en = page("/standards/jis-x-22989-2023?lang=en");
    assertThat(en.selectFirst("h1").attr("lang")).isEqualTo("en");
    assertThat(en.selectFirst("h1").text()).startsWith("Information technology");
    Document search =
        page(
            "/search?mode=keyword&lang=fr&q=" + URLEncoder.encode("22989", StandardCharsets.UTF_8));
    assertThat(search.text()).contains("Concepts et terminologie relatifs");
  }

  @Test
  void anInferredStatusSaysSoOnTheRecordPage() {
    Document w3c = page("/standards/w3c-crd-webnn-20260327");
    assertThat(w3c.selectFirst("#status-inferred")).isNotNull();
    assertThat(w3c.selectFirst("#status-inferred").text()).contains("feed gives no status");
    Document jis = page("/standards/jis-x-22989-2023");
    assertThat(jis.selectFirst("#status-inferred")).isNull();
  }
}
