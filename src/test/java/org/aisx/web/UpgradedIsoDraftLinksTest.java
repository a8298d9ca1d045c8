package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.store.IsoDraftLinksTurnedTest;
import org.aisx.store.StoreConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalogue that stored ISO's "Will be replaced by" as the feed writes it, "ISO 23150:2023
 * replaces ISO/DIS 23150-1": once the new version opens it, the edition's page reads "To be
 * replaced by ISO/DIS 23150-1 (draft)" and stays in force without a superseded banner, the draft's
 * page reads "Will replace ISO 23150:2023", and the API says replaced-by, naming the drafts in
 * {@code replacementsToCome}.
 */
class UpgradedIsoDraftLinksTest {
  static final ObjectMapper json = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void anIsoEditionReadsToBeReplacedByItsDraftAndStaysInForceAfterTheUpgrade() throws Exception {
    IsoDraftLinksTurnedTest.VERSION_22.write(StoreConfig.embedded(dir));
    try (App app = Fixtures.empty(dir)) {
      WebServer server = app.web().start(0);
      try {
        Http http = new Http(server.port());
        Document edition = page(http, "/standards/" + IsoDraftLinksTurnedTest.FEED_ID + "?lang=en");
        assertThat(edition.selectFirst(".status-banner")).isNull();
        assertThat(edition.selectFirst(".record-head .badge").text()).isEqualTo("In force");
        List<String> rows = rows(edition);
        assertThat(rows)
            .contains(
                "Replaces ISO/PAS 23150:2021 (not in the catalogue)",
                "To be replaced by ISO/DIS 23150-1 Record ISO/DIS 23150-1 (draft)",
                "To be replaced by ISO/CD 23150-2 (not in the catalogue) (draft)")
            .noneMatch(r -> r.startsWith("Replaced by"));

        Document draft = page(http, "/standards/" + IsoDraftLinksTurnedTest.DRAFT_ID + "?lang=en");
        assertThat(rows(draft))
            .containsExactly("Will replace ISO 23150:2023 Record ISO 23150:2023");

        Document french = page(http, "/standards/" + IsoDraftLinksTurnedTest.FEED_ID + "?lang=fr");
        assertThat(rows(french))
            .contains("Sera remplacée par ISO/DIS 23150-1 Record ISO/DIS 23150-1 (projet)");

        HttpResponse<String> answer =
            http.get("/api/v1/standards/" + IsoDraftLinksTurnedTest.FEED_ID);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode record = json.readTree(answer.body());
        assertThat(record.get("status").asText()).isEqualTo("in-force");
        assertThat(UpgradedIsoUpdatesTest.relations(record.get("relations")))
            .containsExactly(
                "replaces ISO/PAS 23150:2021",
                "replaced-by ISO/DIS 23150-1",
                "replaced-by ISO/CD 23150-2");
        assertThat(strings(record.get("replacementsToCome")))
            .containsExactly("iso-dis-23150-1", "iso-cd-23150-2");
        JsonNode draftRecord =
            json.readTree(http.get("/api/v1/standards/" + IsoDraftLinksTurnedTest.DRAFT_ID).body());
        assertThat(strings(draftRecord.get("replacementsToCome")))
            .containsExactly(IsoDraftLinksTurnedTest.FEED_ID);
      } finally {
        server.close();
      }
    }
  }

  static Document page(Http http, String path) {
    HttpResponse<String> answer = http.get(path);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return Jsoup.parse(answer.body());
  }

  /** The rows of the page's relations table, as their text. */
  static List<String> rows(Document page) {
    List<String> out = new ArrayList<>();
    for (Element row : page.select("table.relations tbody tr")) {
      out.add(row.text());
    }
    return out;
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
