package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Progress;
import org.aisx.landscape.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The landscape over real HTTP on the classified starter catalogue: the heat-map API (validated
 * against openapi.json) whose cells lead to searches with the same totals, the page with its SVG
 * and table, the CSV and SVG downloads, the topic clusters and the duplication signals.
 */
class LandscapeWebTest {
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static Http http;
  static Topics.Snapshot topics;

  @BeforeAll
  static void start() throws Exception {
    app = Fixtures.classifiedStarter(dir);
    app.embedder().embed("warm-up");
    app.startTopics(Progress.SILENT);
    server = app.web().start(0);
    http = new Http(server.port());
    long deadline = System.nanoTime() + 300_000_000_000L;
    while (app.topics().current().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    topics = app.topics().current().orElseThrow();
  }

  @AfterAll
  static void stop() {
    server.close();
    app.close();
  }

  /**
   * Each small chart of publications per year has a y scale people can read values off: text ticks
   * at round numbers (1, 2 or 5 times a power of ten apart) from 0 up to a top that holds the
   * largest count the table beside the charts gives. On an Arabic page the same ticks, in the
   * page's digits, and the chart drawn left to right (the years run so), its labels anchored there.
   */
  /**
   * The count of a map that shows only its most frequent values is a sentence of its own, ended
   * before the next one begins ("Records counted: 1,203 Only the most ..." ran the two together).
   */
  @Test
  void theCountAndTheNoteThatOnlyTheMostFrequentValuesAreShownAreTwoSentences() {
    for (String lang : List.of("en", "fr", "zh")) {
      String said =
          org.jsoup.Jsoup.parse(
                  http.get("/landscape?rows=committee&cols=status&lang=" + lang).body())
              .select("#map-h + p")
              .text();
      assertThat(said).as(lang).matches("\\D*[0-9][0-9,\\u00a0\\u202f ]*[.。] ?\\S.*");
    }
  }

  @Test
  void theChartsOfPublicationsPerYearHaveAYScale() {
    org.jsoup.nodes.Document en = org.jsoup.Jsoup.parse(http.get("/landscape?lang=en").body());
    long largest = 0;
    for (org.jsoup.nodes.Element td :
        en.selectFirst("section.over-time details table").select("td")) {
      largest = Math.max(largest, Long.parseLong(td.text().replaceAll("\\D", "")));
    }
    assertThat(largest).isPositive();
    org.jsoup.select.Elements charts = en.select("figure.year-chart svg");
    assertThat(charts).isNotEmpty();
    List<String> ticks = charts.get(0).select(".y-scale text").eachText();
    List<Long> values = new ArrayList<>();
    for (String tick : ticks) {
      values.add(Long.parseLong(tick.replace(",", "")));
    }
    assertThat(values).hasSizeBetween(2, 4).startsWith(0L).isSorted();
    long step = values.get(1);
    assertThat(String.valueOf(step)).matches("[125]0*");
    for (int i = 1; i < values.size(); i++) {
      assertThat(values.get(i) - values.get(i - 1)).isEqualTo(step);
    }
    assertThat(values.get(values.size() - 1)).isGreaterThanOrEqualTo(largest);
    // Every chart has the same scale: they are compared side by side.
    for (org.jsoup.nodes.Element chart : charts) {
      assertThat(chart.select(".y-scale text").eachText()).isEqualTo(ticks);
    }

    org.aisx.web.Messages arabic = new org.aisx.web.Messages(java.util.Locale.forLanguageTag("ar"));
    org.jsoup.nodes.Element chart =
        org.jsoup.Jsoup.parse(http.get("/landscape?lang=ar").body())
            .selectFirst("figure.year-chart svg");
    assertThat(chart.attr("direction")).isEqualTo("ltr");
    assertThat(chart.select(".y-scale text").eachText())
        .isEqualTo(values.stream().map(arabic::number).toList());
    assertThat(chart.select(".y-scale text").eachAttr("text-anchor")).containsOnly("end");
  }

  /** The charts name their first and last years below the columns, as the table's columns run. */
  @Test
  void theChartsOfPublicationsPerYearNameTheirFirstAndLastYears() {
    org.jsoup.nodes.Document en = org.jsoup.Jsoup.parse(http.get("/landscape?lang=en").body());
    List<String> years =
        en.selectFirst("section.over-time details table").select("thead th").eachText();
    List<String> shown = years.subList(1, years.size());
    assertThat(shown).hasSizeGreaterThanOrEqualTo(6);
    for (org.jsoup.nodes.Element chart : en.select("figure.year-chart svg")) {
      assertThat(chart.select(".x-scale text").eachText())
          .containsExactly(shown.get(0), shown.get(shown.size() - 1));
      assertThat(chart.select(".x-scale text").eachAttr("text-anchor"))
          .containsExactly("start", "end");
    }
  }

  @Test
  void theHeatMapApiAnswersItsSchemaAndEveryCellLeadsToASearchWithItsCount() throws Exception {
    HttpResponse<String> r =
        http.get("/api/v1/landscape?rows=vertical&cols=concern&suggestions=include");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode b = ApiTest.body(r);
    assertThat(ApiTest.validate(http, "LandscapeResponse", b)).isEmpty();
    assertThat(b.get("rows")).hasSize(13);
    assertThat(b.get("cols")).hasSize(15);
    assertThat(b.get("cells")).hasSize(13 * 15);
    List<JsonNode> filled = new ArrayList<>();
    List<JsonNode> empty = new ArrayList<>();
    b.get("cells").forEach(c -> (c.get("count").asLong() > 0 ? filled : empty).add(c));
    assertThat(filled).isNotEmpty();
    Random random = new Random(15);
    List<JsonNode> drawn = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      drawn.add(filled.get(random.nextInt(filled.size())));
    }
    if (!empty.isEmpty()) {
      drawn.add(empty.get(random.nextInt(empty.size())));
    }
    for (JsonNode c : drawn) {
      JsonNode search = ApiTest.body(http.get(c.get("search").asText()));
      assertThat(search.get("total").asLong())
          .as(c.get("search").asText())
          .isEqualTo(c.get("count").asLong());
      assertThat(c.get("gap").asBoolean()).isEqualTo(!c.get("byStatus").has("in-force"));
    }
    assertThat(b.get("gaps").size())
        .isEqualTo((int) countWhere(b.get("cells"), c -> c.get("gap").asBoolean()));
  }

  /**
   * The landscape API counts machine suggestions by default, as the landscape page does: for the
   * same address each cell of the page says the count the API gives for it, and a cell's search
   * (which carries {@code suggestions}) finds that many records. {@code suggestions=exclude} turns
   * them off in both.
   */
  @Test
  void theLandscapeApiAndPageGiveTheSameCountsForTheSameParameters() throws Exception {
    for (String query :
        List.of("rows=sdo&cols=vertical", "rows=sdo&cols=status&suggestions=exclude")) {
      JsonNode api = ApiTest.body(http.get("/api/v1/landscape?" + query));
      java.util.Map<String, Long> byCell = new java.util.HashMap<>();
      for (JsonNode c : api.get("cells")) {
        byCell.put(c.get("row").asText() + "|" + c.get("col").asText(), c.get("count").asLong());
      }
      org.jsoup.nodes.Document page =
          org.jsoup.Jsoup.parse(http.get("/landscape?lang=en&" + query).body());
      org.jsoup.select.Elements cells = page.select("a.hm-cell");
      assertThat(cells).hasSize(byCell.size());
      String rowAxis = query.replaceAll(".*rows=([a-z]+).*", "$1");
      String colAxis = query.replaceAll(".*cols=([a-z]+).*", "$1");
      long positive = 0;
      for (org.jsoup.nodes.Element cell : cells) {
        java.util.Map<String, String> href = new java.util.HashMap<>();
        for (String pair :
            cell.attr("href").substring(cell.attr("href").indexOf('?') + 1).split("&")) {
          String[] kv = pair.split("=", 2);
          href.put(
              kv[0], java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        java.util.regex.Matcher said =
            java.util.regex.Pattern.compile(": ([0-9,]+) records?\\.")
                .matcher(cell.attr("aria-label"));
        assertThat(said.find()).as(cell.attr("aria-label")).isTrue();
        long shown = Long.parseLong(said.group(1).replace(",", ""));
        assertThat(shown)
            .as(query + " " + cell.attr("aria-label"))
            .isEqualTo(byCell.get(href.get(rowAxis) + "|" + href.get(colAxis)));
        positive += shown > 0 ? 1 : 0;
      }
      assertThat(positive).as(query).isPositive();
    }
    JsonNode defaulted = ApiTest.body(http.get("/api/v1/landscape?rows=sdo&cols=vertical"));
    JsonNode included =
        ApiTest.body(http.get("/api/v1/landscape?rows=sdo&cols=vertical&suggestions=include"));
    assertThat(defaulted.get("cells")).isEqualTo(included.get("cells"));
    JsonNode cell = defaulted.get("cells").get(0);
    assertThat(cell.get("search").asText()).contains("suggestions=include");
    assertThat(ApiTest.body(http.get(cell.get("search").asText())).get("total").asLong())
        .isEqualTo(cell.get("count").asLong());
  }

  @Test
  void theHeatMapApiTakesEverySearchParameterAndTheYearAxis() throws Exception {
    JsonNode b =
        ApiTest.body(
            http.get("/api/v1/landscape?rows=sdo&cols=year&q=network&mode=keyword&from=2015"));
    assertThat(ApiTest.validate(http, "LandscapeResponse", b)).isEmpty();
    JsonNode total = ApiTest.body(http.get("/api/v1/standards?q=network&mode=keyword&from=2015"));
    assertThat(b.get("total").asLong()).isEqualTo(total.get("total").asLong());
    assertThat(b.get("cols").get(0).get("value").asText()).isEqualTo("2015");
    for (JsonNode c : b.get("cells")) {
      if (c.get("count").asLong() > 0) {
        JsonNode search = ApiTest.body(http.get(c.get("search").asText()));
        assertThat(search.get("total").asLong()).isEqualTo(c.get("count").asLong());
      }
    }
  }

  @Test
  void badAxesAndUnknownParametersAre400sNamingTheParameter() throws Exception {
    for (String[] bad :
        List.of(
            new String[] {"/api/v1/landscape?rows=nope", "rows"},
            new String[] {"/api/v1/landscape?rows=sdo&cols=sdo", "cols"},
            new String[] {"/api/v1/landscape?colour=red", "colour"},
            new String[] {"/api/v1/landscape?vertical=nowhere", "vertical"},
            new String[] {"/api/v1/landscape/clusters?rows=sdo", "rows"},
            new String[] {"/api/v1/landscape/duplicates?x=1", "x"})) {
      HttpResponse<String> r = http.get(bad[0]);
      assertThat(r.statusCode()).as(bad[0]).isEqualTo(400);
      JsonNode b = ApiTest.body(r);
      assertThat(ApiTest.validate(http, "Error", b)).isEmpty();
      assertThat(b.toString()).as(bad[0]).contains(bad[1]);
    }
    assertThat(http.get("/landscape?rows=sdo&cols=sdo").statusCode()).isEqualTo(400);
  }

  @Test
  void thePageDrawsTheMapAsLinkedSvgCellsWithATableAndDownloads() {
    HttpResponse<String> r = http.get("/landscape?rows=vertical&cols=concern");
    assertThat(r.statusCode()).isEqualTo(200);
    String page = r.body();
    assertThat(page).contains("<svg").contains("<table").contains("hm-hatch");
    assertThat(page.split("class=\"hm-cell\"", -1)).hasSize(13 * 15 + 1);
    assertThat(page)
        .contains("/search?vertical=health&amp;concern=transparency-explainability")
        .contains("/landscape.csv?rows=vertical&amp;cols=concern")
        .contains("/landscape.svg?rows=vertical&amp;cols=concern");
    assertThat(http.get("/landscape?lang=ar").body()).contains("dir=\"rtl\"");
  }

  @Test
  void theCsvHasOneLinePerCellAndTheSvgIsAStandaloneDocument() throws Exception {
    HttpResponse<String> csv = http.get("/landscape.csv?rows=vertical&cols=concern");
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    String[] lines = csv.body().split("\r\n");
    assertThat(lines).hasSize(1 + 13 * 15);
    assertThat(lines[0]).startsWith("vertical,vertical_label,concern,concern_label,count,in-force");
    // Each cell's search is an absolute link, which works once the file is downloaded.
    for (String line : java.util.Arrays.copyOfRange(lines, 1, lines.length)) {
      assertThat(line.substring(line.lastIndexOf(',') + 1))
          .startsWith(http.base() + "/search?vertical=");
    }
    String link = lines[1].substring(lines[1].lastIndexOf(',') + 1);
    assertThat(http.get(link.substring(http.base().length())).statusCode()).isEqualTo(200);
    HttpResponse<String> svg = http.get("/landscape.svg?rows=vertical&cols=concern");
    assertThat(svg.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc =
        f.newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.body().getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
    assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "a").getLength())
        .isEqualTo(13 * 15);
  }

  @Test
  void clustersCoverEveryEmbeddedRecordOnceAndFollowTheSearch() throws Exception {
    JsonNode b = ApiTest.body(http.get("/api/v1/landscape/clusters"));
    assertThat(ApiTest.validate(http, "ClustersResponse", b)).isEmpty();
    assertThat(b.get("topics").size()).isGreaterThan(1);
    long sum = 0;
    for (JsonNode t : b.get("topics")) {
      sum += t.get("size").asLong();
      assertThat(t.get("words").size()).isPositive();
    }
    assertThat(sum).isEqualTo(b.get("embedded").asLong());
    JsonNode ieee = ApiTest.body(http.get("/api/v1/landscape/clusters?sdo=IEEE"));
    assertThat(ApiTest.validate(http, "ClustersResponse", ieee)).isEmpty();
    for (JsonNode t : ieee.get("topics")) {
      assertThat(t.get("bodies").size()).isEqualTo(1);
      assertThat(t.get("bodies").has("IEEE")).isTrue();
    }
    JsonNode first = b.get("topics").get(0);
    HttpResponse<String> records = http.get(first.get("records").asText());
    assertThat(records.statusCode()).isEqualTo(200);
    assertThat(records.body().split("<tr>", -1)).hasSize(first.get("size").asInt() + 2);
    HttpResponse<String> page = http.get("/landscape/clusters");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(first.get("label").asText());
    if (first.get("overlap").size() > 0) {
      assertThat(page.body()).contains(first.get("overlap").get(0).asText().replace("&", "&amp;"));
    }
    assertThat(http.get("/landscape/clusters/999").statusCode()).isEqualTo(404);
  }

  /**
   * Whether the committees at work on a topic already coordinate: under each topic's active
   * committees, the liaisons ISO's register records between them, each pair once, in the reader's
   * language (on an Arabic page each committee isolated); where the register has two or more of
   * them and no liaison between them, it says so. The API gives the same pairs as data, with how
   * many of the committees the register has.
   */
  @Test
  void eachTopicSaysWhichOfItsActiveCommitteesAreInLiaison() throws Exception {
    JsonNode b = ApiTest.body(http.get("/api/v1/landscape/clusters"));
    org.jsoup.nodes.Document en = org.jsoup.Jsoup.parse(http.get("/landscape/clusters").body());
    org.jsoup.nodes.Document ar =
        org.jsoup.Jsoup.parse(http.get("/landscape/clusters?lang=ar").body());
    assertThat(ApiTest.validate(http, "ClustersResponse", b)).isEmpty();
    int pairs = 0;
    int topicsWithLiaisons = 0;
    for (JsonNode topic : b.get("topics")) {
      List<String> active = new ArrayList<>();
      topic.get("activeCommittees").forEach(c -> active.add(c.asText()));
      List<String> expected = new ArrayList<>();
      List<String> expectedAr = new ArrayList<>();
      List<List<String>> expectedPairs = new ArrayList<>();
      int inRegister = 0;
      for (int i = 0; i < active.size(); i++) {
        var a = app.committees().find(active.get(i));
        inRegister += a.isPresent() ? 1 : 0;
        List<String> with = new ArrayList<>();
        for (String other : active.subList(i + 1, active.size())) {
          var o = app.committees().find(other);
          boolean liaison =
              a.isPresent()
                  && o.isPresent()
                  && (a.get().liaisons().stream()
                          .anyMatch(l -> org.aisx.catalog.Slug.of(l).equals(o.get().slug()))
                      || o.get().liaisons().stream()
                          .anyMatch(l -> org.aisx.catalog.Slug.of(l).equals(a.get().slug())));
          if (liaison) {
            with.add(other);
            expectedPairs.add(List.of(active.get(i), other));
          }
        }
        if (!with.isEmpty()) {
          expected.add(active.get(i) + " is in liaison with " + String.join(", ", with));
          expectedAr.add(
              "<bdi>"
                  + active.get(i)
                  + "</bdi> على اتصال مع <bdi>"
                  + String.join(", ", with)
                  + "</bdi>");
          pairs += with.size();
        }
      }
      int n = topic.get("number").asInt();
      List<List<String>> given = new ArrayList<>();
      topic
          .get("liaisons")
          .forEach(l -> given.add(List.of(l.get("a").asText(), l.get("b").asText())));
      assertThat(given).as("topic " + n + " " + active).isEqualTo(expectedPairs);
      assertThat(topic.get("committeesInRegister").asInt()).as("topic " + n).isEqualTo(inRegister);
      topicsWithLiaisons += given.isEmpty() ? 0 : 1;
      org.jsoup.nodes.Element item = en.getElementById("topic-" + n).parent();
      List<String> shown = item.select("ul.liaisons > li").eachText();
      assertThat(shown).as("topic " + n + " " + active).isEqualTo(expected);
      List<String> shownAr = new ArrayList<>();
      ar.getElementById("topic-" + n)
          .parent()
          .select("ul.liaisons > li")
          .forEach(li -> shownAr.add(li.html()));
      assertThat(shownAr).as("topic " + n + " in Arabic").isEqualTo(expectedAr);
      boolean none = expected.isEmpty() && inRegister >= 2;
      assertThat(
              item.text().contains("ISO's register records no liaison between these committees."))
          .as("topic " + n + " " + active)
          .isEqualTo(none);
    }
    // The starter catalogue's topics have committees of ISO and IEC's joint committee at work on
    // them side by side (JTC 1's subcommittees among them), some of them in liaison.
    assertThat(pairs).isPositive();
    assertThat(topicsWithLiaisons).isPositive();
  }

  /**
   * A heat-map by committee names each committee with its title in ISO's register, as the search's
   * committee facet does: on the page (the table's headings, the map's labels; on an Arabic page
   * the reference and the title each isolated), in the API ({@code title} beside the value and
   * label), and in the CSV in a column of its own after the others, whose columns keep their
   * values. A committee the register lacks is named as records name it.
   */
  @Test
  void aHeatMapByCommitteeNamesEachCommitteeWithItsTitleInTheRegister() throws Exception {
    String sc42 = "ISO/IEC JTC 1/SC 42";
    String path = "/landscape?rows=committee&cols=status";
    JsonNode b = ApiTest.body(http.get("/api/v1/landscape?rows=committee&cols=status"));
    assertThat(ApiTest.validate(http, "LandscapeResponse", b)).isEmpty();
    Map<String, String> titles = new java.util.LinkedHashMap<>();
    String other = null;
    for (JsonNode row : b.get("rows")) {
      String value = row.get("value").asText();
      assertThat(row.get("label").asText()).isEqualTo(value);
      var known = app.committees().title(value);
      if (known.isPresent()) {
        assertThat(row.get("title").asText()).as(value).isEqualTo(known.get());
        titles.put(value, known.get());
      } else {
        assertThat(row.has("title")).as(value).isFalse();
        other = value;
      }
    }
    assertThat(titles).containsEntry(sc42, "Artificial intelligence");
    assertThat(other).as("a committee the register lacks among the rows").isNotNull();
    for (JsonNode col : b.get("cols")) {
      assertThat(col.has("title")).isFalse();
    }

    org.jsoup.nodes.Document en = org.jsoup.Jsoup.parse(http.get(path + "&lang=en").body());
    List<String> headings = en.select("details.map-table tbody th[scope=row]").eachText();
    assertThat(headings).hasSize(b.get("rows").size());
    assertThat(headings).contains(sc42 + " — Artificial intelligence", other);
    long titled = headings.stream().filter(h -> h.contains(" — ")).count();
    assertThat(titled).isEqualTo(titles.size());
    List<String> svgTitles = en.select("svg.heatmap > text > title").eachText();
    assertThat(svgTitles).contains(sc42 + " — Artificial intelligence", other);

    org.jsoup.nodes.Document ar = org.jsoup.Jsoup.parse(http.get(path + "&lang=ar").body());
    List<String> arHeadings = new ArrayList<>();
    ar.select("details.map-table tbody th[scope=row]").forEach(th -> arHeadings.add(th.html()));
    assertThat(arHeadings)
        .contains("<bdi>" + sc42 + "</bdi> — <bdi>Artificial intelligence</bdi>")
        .contains("<bdi>" + other + "</bdi>");

    String[] lines = http.get("/landscape.csv?rows=committee&cols=status").body().split("\r\n");
    assertThat(lines[0])
        .startsWith("committee,committee_label,status,status_label,count,in-force")
        .endsWith(",gap,draft_only,search,committee_title");
    int sc42Lines = 0;
    for (String line : java.util.Arrays.copyOfRange(lines, 1, lines.length)) {
      List<String> cells = csvCells(line);
      assertThat(cells).hasSize(csvCells(lines[0]).size());
      assertThat(cells.get(1)).isEqualTo(cells.get(0));
      assertThat(cells.get(cells.size() - 1))
          .as(line)
          .isEqualTo(titles.getOrDefault(cells.get(0), ""));
      sc42Lines += cells.get(0).equals(sc42) ? 1 : 0;
    }
    assertThat(sc42Lines).isEqualTo(b.get("cols").size());
    // A map without a committee axis keeps its columns.
    assertThat(http.get("/landscape.csv?rows=vertical&cols=concern").body().split("\r\n")[0])
        .endsWith(",gap,draft_only,search");
  }

  /** The cells of one CSV line (quoted as RFC 4180 quotes them). */
  private static List<String> csvCells(String line) throws java.io.IOException {
    try (org.apache.commons.csv.CSVParser p =
        org.apache.commons.csv.CSVParser.parse(line, org.apache.commons.csv.CSVFormat.DEFAULT)) {
      return p.getRecords().get(0).toList();
    }
  }

  @Test
  void duplicationSignalsPairDifferentBodiesAndListPerCommittee() throws Exception {
    JsonNode b = ApiTest.body(http.get("/api/v1/landscape/duplicates"));
    assertThat(ApiTest.validate(http, "DuplicatesResponse", b)).isEmpty();
    assertThat(b.get("total").asInt()).isEqualTo(topics.duplicates().size());
    for (JsonNode p : b.get("pairs")) {
      assertThat(p.get("a").get("sdo").asText()).isNotEqualTo(p.get("b").get("sdo").asText());
      assertThat(p.get("similarity").asDouble()).isGreaterThanOrEqualTo(Topics.DUPLICATE_FLOOR);
    }
    if (b.get("pairs").size() > 0) {
      String committee = null;
      for (JsonNode p : b.get("pairs")) {
        if (p.get("a").hasNonNull("committee")) {
          committee = p.get("a").get("committee").asText();
          break;
        }
      }
      if (committee != null) {
        JsonNode one =
            ApiTest.body(
                http.get("/api/v1/landscape/duplicates?committee=" + ApiTest.enc(committee)));
        assertThat(one.get("total").asInt()).isPositive();
        for (JsonNode p : one.get("pairs")) {
          assertThat(
                  List.of(
                      p.get("a").path("committee").asText(), p.get("b").path("committee").asText()))
              .contains(committee);
        }
        HttpResponse<String> csv =
            http.get("/landscape/duplicates.csv?committee=" + ApiTest.enc(committee));
        assertThat(csv.body().split("\r\n")).hasSize(one.get("total").asInt() + 1);
      }
    }
    assertThat(http.get("/landscape/duplicates").statusCode()).isEqualTo(200);
  }

  private static long countWhere(JsonNode array, java.util.function.Predicate<JsonNode> p) {
    long n = 0;
    for (JsonNode x : array) {
      if (p.test(x)) {
        n++;
      }
    }
    return n;
  }
}
