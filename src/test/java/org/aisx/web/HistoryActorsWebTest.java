package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.account.Role;
import org.aisx.catalog.Json;
import org.aisx.catalog.Progress;
import org.aisx.ingest.ImportSummary;
import org.aisx.ingest.Importer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who made a change, over real HTTP on the starter catalogue: the record's history and the change
 * log name the processes in the reader's language ("Import of relaton-iso", "Edition rules",
 * "Upgrade of the catalogue") and a person as the public may see them, in English, French and
 * Arabic; the JSON API keeps the codes openapi.json lists, in every language.
 */
class HistoryActorsWebTest {
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static Http http;

  /** A record the starter catalogue imported and the edition rules then changed. */
  static final String EDITED = "iec-62243-2012";

  static final String IMPORTED = "ieee-9901-2026";
  static final String UPGRADED = "ieee-9902-2026";
  static final String COORDINATED = "ieee-9903-2026";
  static final String COORDINATOR = "coordinator@history.example";

  @BeforeAll
  static void start() throws Exception {
    app = Fixtures.starter(dir);
    ImportSummary summary = new ImportSummary();
    app.importer()
        .importStream(
            Importer.Format.JSON,
            new ByteArrayInputStream(
                ("{\"format\":\"aisx-json\",\"version\":1,\"records\":["
                        + record("IEEE 9901-2026")
                        + "]}")
                    .getBytes(StandardCharsets.UTF_8)),
            "relaton-iso.json",
            "relaton-iso",
            summary,
            Progress.SILENT);
    assertThat(summary.rejections()).isEmpty();
    // As the store's upgrade (RelationTargetsNamed) writes its revisions.
    app.catalog()
        .save(
            app.reader().read(Json.mapper().readTree(record("IEEE 9902-2026"))),
            "upgrade",
            "aisx-upgrade",
            null);
    Fixtures.user(app, COORDINATOR, Role.COORDINATOR);
    app.catalog()
        .save(
            app.reader().read(Json.mapper().readTree(record("IEEE 9903-2026"))),
            COORDINATOR,
            "edit:coordinator",
            null);
    server = app.web().start(0);
    http = new Http(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
    app.close();
  }

  static String record(String identifier) {
    return "{\"identifier\":\""
        + identifier
        + "\",\"sdo\":\"IEEE\",\"type\":\"international-standard\",\"status\":\"in-force\","
        + "\"title\":{\"en\":\"History test\"}}";
  }

  static Messages t(String lang) {
    return new Messages(Locale.forLanguageTag(lang));
  }

  /** The "By" cells of a record's history. */
  static List<String> who(String id, String lang) {
    HttpResponse<String> r = http.get("/standards/" + id + "?lang=" + lang);
    assertThat(r.statusCode()).isEqualTo(200);
    Document d = Jsoup.parse(r.body());
    List<String> cells = new ArrayList<>();
    for (Element row : d.select("table.history tbody tr")) {
      cells.add(row.select("td").last().text());
    }
    assertThat(cells).as(id + " " + lang).isNotEmpty();
    return cells;
  }

  @Test
  void aRecordsHistoryNamesTheProcessesInTheReadersLanguage() throws Exception {
    for (String lang : List.of("en", "fr", "ar", "es", "ru", "zh")) {
      Messages t = t(lang);
      assertThat(who(EDITED, lang))
          .as(lang)
          .contains(t.get("actor.importStarter"))
          .anySatisfy(c -> assertThat(c).startsWith(t.get("actor.editions")))
          .noneSatisfy(c -> assertThat(c).containsAnyOf("import", "editions", "aisx-"));
      assertThat(who(IMPORTED, lang))
          .as(lang)
          .contains(t.isolating("actor.importOf", "relaton-iso"))
          .noneSatisfy(c -> assertThat(c).contains("(relaton-iso)"));
      assertThat(who(UPGRADED, lang))
          .as(lang)
          .containsOnly(t.get("actor.upgrade"))
          .noneSatisfy(c -> assertThat(c).contains("aisx-upgrade"));
    }
    assertThat(who(EDITED, "en")).contains("Import of the bundled catalogue");
    assertThat(who(IMPORTED, "en")).contains("Import of relaton-iso");
    assertThat(who(UPGRADED, "en")).containsOnly("Upgrade of the catalogue");
    assertThat(who(IMPORTED, "fr")).contains("Import de relaton-iso");
    assertThat(who(UPGRADED, "fr")).containsOnly("Mise à niveau du catalogue");
    assertThat(who(EDITED, "ar")).contains("استيراد الفهرس المرفق");
    assertThat(who(UPGRADED, "ar")).containsOnly("ترقية الفهرس");
  }

  @Test
  void aPersonIsNamedAsThePublicMaySeeThemWithTheirSourceInTheReadersLanguage() throws Exception {
    for (String lang : List.of("en", "fr", "ar")) {
      String role = PagesTest.say(lang, "role.coordinator");
      String edit = PagesTest.say(lang, "source.edit");
      assertThat(who(COORDINATED, lang))
          .as(lang)
          .containsOnly(role + " (" + edit + ")")
          .noneSatisfy(c -> assertThat(c).contains(COORDINATOR).contains("edit:"));
    }
  }

  @Test
  void theChangeLogNamesTheProcessesInTheReadersLanguage() throws Exception {
    for (String lang : List.of("en", "fr", "ar")) {
      Messages t = t(lang);
      Document d = Jsoup.parse(http.get("/changes?lang=" + lang).body());
      List<String> cells = new ArrayList<>();
      for (Element row : d.select("table.changes-table tbody tr")) {
        cells.add(row.select("td").last().text());
      }
      assertThat(cells)
          .as(lang)
          .contains(t.get("actor.upgrade"), t.isolating("actor.importOf", "relaton-iso"))
          .noneSatisfy(c -> assertThat(c).containsAnyOf("upgrade", "import (", "aisx-"));
    }
  }

  @Test
  void theApiKeepsTheCodesInEveryLanguage() throws Exception {
    for (String lang : List.of("en", "fr", "ar")) {
      JsonNode edited =
          ApiTest.body(http.get("/api/v1/standards/" + EDITED + "/history?lang=" + lang));
      assertThat(edited.get("events").findValuesAsText("actor")).contains("import", "editions");
      assertThat(edited.get("events").findValuesAsText("source")).contains("aisx-starter-corpus");
      JsonNode upgraded =
          ApiTest.body(http.get("/api/v1/standards/" + UPGRADED + "/history?lang=" + lang));
      assertThat(upgraded.get("events").findValuesAsText("actor")).containsOnly("upgrade");
      assertThat(upgraded.get("events").findValuesAsText("source")).containsOnly("aisx-upgrade");
      // A person without a body by their role's code, not its name in the language asked for.
      JsonNode coordinated =
          ApiTest.body(http.get("/api/v1/standards/" + COORDINATED + "/history?lang=" + lang));
      assertThat(ApiTest.validate(http, "HistoryResponse", coordinated)).isEmpty();
      assertThat(coordinated.get("events").findValuesAsText("actor"))
          .as(lang)
          .containsOnly("coordinator");
      assertThat(coordinated.get("events").findValuesAsText("source"))
          .containsOnly("edit:coordinator");
    }
  }
}
