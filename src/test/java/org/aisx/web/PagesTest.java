package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.aisx.semantic.Embedder;
import org.aisx.semantic.Vectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Server-rendered pages over real HTTP, parsed as a browser would. */
class PagesTest {
  static final String XSS = "<script>alert('x')</script><img src=x onerror=alert(1)>";
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static Http http;

  @BeforeAll
  static void start() {
    app = Fixtures.starter(dir);
    app.catalog()
        .save(
            Standard.builder("XSS 1:2026")
                .title(Map.of("en", "Hostile title " + XSS))
                .summary(Map.of("en", "Hostile abstract " + XSS))
                .sdo("Test body " + XSS)
                .committee("Committee " + XSS)
                .type(PublicationType.OTHER)
                .status(Status.DRAFT)
                .keywords(List.of(XSS))
                .build(),
            "test " + XSS,
            "test",
            null);
    // The hostile record gets the vector of ISO/IEC 42001, so it is that record's closest work.
    Standard hostile = app.catalog().get("xss-1-2026");
    float[] near = app.vectors().vectorFor(app.catalog().get("iso-iec-42001-2023"));
    app.vectors()
        .saveAll(
            Map.of(
                hostile.id(), new Vectors.Computed(Embedder.hash(Embedder.textOf(hostile)), near)));
    app.catalog().reindex(hostile.id());
    app.catalog().publish();
    // Written without an embedding job running, so this one has no vector.
    app.catalog()
        .save(
            Standard.builder("NOVEC 1:2026")
                .title(Map.of("en", "A record not embedded yet"))
                .sdo("Test body")
                .type(PublicationType.OTHER)
                .status(Status.DRAFT)
                .build(),
            "test",
            "test",
            null);
    app.loadCuratedSuites();
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
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    return Jsoup.parse(r.body());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /**
   * On an Arabic page the English identifier and title of a record are isolated from the
   * right-to-left text around them (a {@code bdi}, or an element with its own {@code dir}), so that
   * the bidirectional algorithm does not move the colon and numbers of "ISO/IEC 42001:2023" among
   * the Arabic words; a title says its language (a quotation of the classifier's evidence cannot).
   */
  @Test
  void recordIdentifiersAndTitlesAreIsolatedOnArabicPages() {
    String identifier = "ISO/IEC 42001:2023";
    String title = app.catalog().get("iso-iec-42001-2023").titleIn("en");
    for (String path :
        List.of(
            "/suites/ai-in-health",
            "/suites/ai-in-health/print",
            "/search?q=42001",
            "/standards/iso-iec-42001-2023",
            "/standards/iso-iec-42005-2025",
            "/overlap?record=iso-iec-42001-2023",
            "/learn")) {
      Document d = page(path + (path.contains("?") ? "&" : "?") + "lang=ar");
      List<Element> shown =
          d.body().getAllElements().stream()
              .filter(e -> e.ownText().trim().equals(identifier))
              .toList();
      assertThat(shown).as(path).isNotEmpty();
      assertThat(shown)
          .as(path + ": elements showing " + identifier)
          .allSatisfy(e -> assertThat(isolated(e)).as(e.outerHtml()).isTrue());
      d.body().getAllElements().stream()
          .filter(e -> e.ownText().trim().equals(title))
          .forEach(
              e -> {
                assertThat(isolated(e)).as(path + ": " + e.outerHtml()).isTrue();
                if (e.closest(".evidence") != null) {
                  return; // a quotation of whichever text the classifier read: its language unsaid
                }
                assertThat(e.closest("[lang]")).as(path + ": " + e.outerHtml()).isNotNull();
                assertThat(e.closest("[lang]").attr("lang")).as(e.outerHtml()).isEqualTo("en");
              });
    }
  }

  /**
   * On an Arabic page an identifier, a body's or committee's name set into a translated sentence (a
   * message's argument) is isolated too: a {@code bdi} of its own in the sentence's text, between
   * FSI and PDI in an attribute or the page's title, where there is no markup; so is a label of the
   * landscape's charts, drawn as SVG text.
   */
  @Test
  void valuesSetIntoArabicSentencesAreIsolated() {
    Map<String, List<String>> pages =
        Map.of(
            "/suites/new?record=iso-iec-42001-2023",
            List.of("ISO/IEC 42001:2023"),
            "/search?q=42001",
            List.of("ISO/IEC 42001:2023"),
            "/standards/iso-iec-42001-2023",
            List.of("ISO/IEC 42001:2023"),
            "/overlap?committee=" + enc("ISO/IEC JTC 1/SC 42"),
            List.of("ISO/IEC JTC 1/SC 42"));
    for (Map.Entry<String, List<String>> e : pages.entrySet()) {
      String path = e.getKey() + (e.getKey().contains("?") ? "&" : "?") + "lang=ar";
      Document d = page(path);
      for (String value : e.getValue()) {
        assertIsolatedAmongArabic(path, d, value);
      }
    }
    Document startsWith = page("/suites/new?record=iso-iec-42001-2023&lang=ar");
    assertThat(startsWith.select(".suite-form > p bdi").text()).isEqualTo("ISO/IEC 42001:2023");
    Document record = page("/standards/iso-iec-42001-2023?lang=ar");
    assertThat(record.select("a.source-link bdi").text()).isEqualTo("ISO/IEC");
    Document overlap = page("/overlap?committee=" + enc("ISO/IEC JTC 1/SC 42") + "&lang=ar");
    assertThat(overlap.select("bdi").eachText()).contains("ISO/IEC JTC 1/SC 42");
    // The English pages say the same words as before, the attributes without isolates.
    Document en = page("/search?q=42001&lang=en");
    assertThat(en.select(".add-to-suite a").eachAttr("aria-label"))
        .contains("Add ISO/IEC 42001:2023 to a suite");
    assertThat(
            page("/suites/new?record=iso-iec-42001-2023&lang=en")
                .selectFirst(".suite-form > p")
                .text())
        .isEqualTo("The suite starts with ISO/IEC 42001:2023.");
  }

  /**
   * The landscape's heat map (its row and column labels, in the page and as the SVG it offers) and
   * its drafts chart (each bar's label) isolate each label on an Arabic page, so that an identifier
   * or an English label keeps its order inside the left-to-right drawing; an English page's labels
   * are as they were.
   */
  @Test
  void theLandscapeChartsIsolateTheirLabelsOnArabicPages() {
    String fsi = "\u2068";
    String pdi = "\u2069";
    Document ar = page("/landscape?lang=ar");
    Elements rowLabels = ar.select("svg.heatmap > text[text-anchor=end] tspan");
    assertThat(rowLabels).isNotEmpty();
    assertThat(rowLabels.eachText()).allSatisfy(l -> assertThat(l).startsWith(fsi).endsWith(pdi));
    Elements bars = ar.select("svg.bar-chart > text[x=0]");
    assertThat(bars).isNotEmpty();
    assertThat(bars.eachText()).allSatisfy(l -> assertThat(l).startsWith(fsi).endsWith(pdi));
    String svg = http.get("/landscape.svg?lang=ar").body();
    assertThat(
            Jsoup.parse(svg, org.jsoup.parser.Parser.xmlParser()).select("text > tspan").eachText())
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l).startsWith(fsi).endsWith(pdi));
    Document en = page("/landscape?lang=en");
    assertThat(en.select("svg.heatmap > text[text-anchor=end] tspan").eachText())
        .isNotEmpty()
        .noneMatch(l -> l.contains(fsi) || l.contains(pdi));
    assertThat(en.select("svg.bar-chart > text[x=0]").eachText()).contains("ISO", "IEC");
  }

  private static final java.util.regex.Pattern ARABIC =
      java.util.regex.Pattern.compile("[\\u0600-\\u06ff]");

  /**
   * Fails where {@code value} stands unisolated among Arabic words on {@code d}: in a text not
   * inside a {@code bdi} or an element with its own {@code dir} that holds no Arabic word, or in an
   * attribute or the title where it is not between FSI and PDI.
   */
  static void assertIsolatedAmongArabic(String path, Document d, String value) {
    java.util.regex.Pattern isolated =
        java.util.regex.Pattern.compile(
            "\u2068[^\u2069]*" + java.util.regex.Pattern.quote(value) + "[^\u2068]*\u2069");
    int seen = 0;
    for (Element e : d.body().getAllElements()) {
      for (org.jsoup.nodes.TextNode n : e.textNodes()) {
        if (!n.text().contains(value)) {
          continue;
        }
        seen++;
        Element at = e;
        while (at != null
            && !at.tagName().equals("body")
            && !at.tagName().equals("bdi")
            && !at.hasAttr("dir")) {
          at = at.parent();
        }
        assertThat(at != null && !at.tagName().equals("body") && !ARABIC.matcher(at.text()).find())
            .as(path + ": '" + value + "' in " + e.outerHtml())
            .isTrue();
      }
      for (org.jsoup.nodes.Attribute a : e.attributes()) {
        if (a.getValue().contains(value) && ARABIC.matcher(a.getValue()).find()) {
          seen++;
          assertThat(isolated.matcher(a.getValue()).find())
              .as(path + ": " + a.getKey() + "=\"" + a.getValue() + "\"")
              .isTrue();
        }
      }
    }
    if (d.title().contains(value)) {
      assertThat(isolated.matcher(d.title()).find()).as(path + ": title " + d.title()).isTrue();
    }
    assertThat(seen).as(path + ": '" + value + "' shown").isPositive();
  }

  /** Whether {@code e} or an element around it, inside the body, sets its own direction. */
  static boolean isolated(Element e) {
    for (Element at = e; at != null && !at.tagName().equals("body"); at = at.parent()) {
      if (at.tagName().equals("bdi") || at.hasAttr("dir")) {
        return true;
      }
    }
    return false;
  }

  /**
   * A facet listing as many values as a search answer lists says that others exist beyond them; a
   * shorter one does not.
   */
  @Test
  void aFacetCutAtItsListedValuesSaysSo() throws Exception {
    Document d = Jsoup.parse(http.get("/search?lang=en").body());
    org.jsoup.select.Elements committees = d.select("#facet-committee input[type=checkbox]");
    assertThat(committees).hasSize(org.aisx.search.Facet.COMMITTEE.listed());
    assertThat(d.select("#facet-committee p.muted").text())
        .isEqualTo(say("en", "filters.capped", committees.size()));
    assertThat(d.select("#facet-sdo input[type=checkbox]").size())
        .isLessThan(org.aisx.search.Facet.SDO.listed());
    assertThat(d.select("#facet-sdo p.muted")).isEmpty();
    Document narrow = Jsoup.parse(http.get("/search?q=42001&lang=fr").body());
    assertThat(narrow.select("#facet-committee p.muted")).isEmpty();
  }

  /**
   * The filter form, sent with or without script, keeps the search's mode and page size: ticking a
   * filter on a keyword search of 50 a page stays a keyword search of 50 a page.
   */
  @Test
  void applyingFiltersKeepsTheSearchModeAndPageSize() {
    Document d = page("/search?q=privacy&mode=keyword&size=50&lang=en");
    Element form = d.selectFirst("form#filter-form");
    assertThat(form.select("input[type=hidden][name=mode]").eachAttr("value"))
        .containsExactly("keyword");
    assertThat(form.select("input[type=hidden][name=size]").eachAttr("value"))
        .containsExactly("50");
    // What the browser sends when one body is ticked: every named field of the form.
    StringBuilder sent = new StringBuilder();
    String sdo = form.selectFirst("#facet-sdo input[type=checkbox]").attr("value");
    for (Element input : form.select("input[name]")) {
      boolean box = input.attr("type").equals("checkbox") || input.attr("type").equals("radio");
      boolean ticked =
          box
              && (input.hasAttr("checked")
                  || (input.attr("name").equals("sdo") && input.attr("value").equals(sdo)));
      if (box ? ticked : !input.attr("value").isEmpty()) {
        sent.append(sent.length() == 0 ? "" : "&")
            .append(input.attr("name"))
            .append('=')
            .append(enc(input.attr("value")));
      }
    }
    Document filtered = page("/search?" + sent + "&lang=en");
    Document expected = page("/search?q=privacy&mode=keyword&size=50&lang=en&sdo=" + enc(sdo));
    assertThat(filtered.select("ol.hits .identifier").eachText())
        .isEqualTo(expected.select("ol.hits .identifier").eachText());
    assertThat(filtered.selectFirst("form#filter-form input[name=mode]").attr("value"))
        .isEqualTo("keyword");
    // A search with neither leaves them to their defaults, and its links stay as they were.
    Element plain = page("/search?q=privacy&lang=en").selectFirst("form#filter-form");
    assertThat(plain.select("input[name=mode], input[name=size]")).isEmpty();
  }

  @Test
  void aReplacedDraftSaysSoAndLinksToThePublishedStandard() {
    Document d = page("/standards/ieee-p7001-d-4-2021-10");
    assertThat(d.selectFirst(".badge").text()).isEqualTo("Replaced draft");
    Element banner = d.selectFirst(".status-banner");
    assertThat(banner.text()).contains("no longer in development").contains("Replaced by");
    assertThat(banner.selectFirst("a").attr("href")).isEqualTo("/standards/ieee-7001-2021");
    Document standard = page("/standards/ieee-7001-2021");
    assertThat(standard.select("tr.relation-replaces a").eachAttr("href"))
        .contains("/standards/ieee-p7001-d-4-2021-10");
  }

  @Test
  void theStatusFacetCountsReplacedDraftsApartFromDraftsInDevelopment() {
    Document d = page("/search?sdo=IEEE");
    Element replaced = d.selectFirst("#facet-status input[value=replaced]");
    Element draft = d.selectFirst("#facet-status input[value=draft]");
    int replacedCount =
        Integer.parseInt(d.selectFirst("label[for=" + replaced.id() + "] .count").text());
    int draftCount = Integer.parseInt(d.selectFirst("label[for=" + draft.id() + "] .count").text());
    assertThat(replacedCount).isGreaterThan(draftCount);
    assertThat(page("/search?sdo=IEEE&status=draft").select("ol.hits .badge").eachText())
        .isNotEmpty()
        .allMatch(b -> b.equals("Draft"));
  }

  @Test
  void seriesSupplementLinksAreFoldedBelowTheRealRelations() {
    Document d = page("/standards/itu-t-y-3172-06-2019");
    Element folded = d.selectFirst("details.series-relations");
    assertThat(folded).isNotNull();
    assertThat(folded.hasAttr("open")).isFalse();
    assertThat(folded.select("li")).hasSizeGreaterThan(10);
    assertThat(d.select("table.relations tr.relation-complements").size())
        .isLessThan(folded.select("li").size());
  }

  @Test
  void searchPageOffersFacetCheckboxesWithCounts() {
    Document d = page("/search?q=" + enc("management system"));
    Element iso = d.selectFirst("#facet-sdo input[value=ISO]");
    assertThat(iso).isNotNull();
    assertThat(iso.attr("type")).isEqualTo("checkbox");
    Element label = d.selectFirst("label[for=" + iso.id() + "]");
    assertThat(label.selectFirst(".count").text()).matches("\\d+");
    assertThat(d.select("#facet-status, #facet-type")).hasSize(2);
    assertThat(d.select("ol.hits > li")).isNotEmpty();
  }

  @Test
  void resultsFoundByMeaningAloneSaySoAndWordMatchesDoNot() {
    String q = "/search?q=" + enc("computers that understand pictures");
    Document hybrid = page(q);
    List<Element> marked = hybrid.select("ol.hits > li:has(.meaning)");
    assertThat(marked).isNotEmpty();
    assertThat(marked.get(0).selectFirst(".meaning").text()).isEqualTo("Close in meaning");
    assertThat(hybrid.selectFirst(".meaning-note").text()).startsWith(marked.size() + " of");
    Document keyword = page(q + "&mode=keyword");
    assertThat(keyword.select(".meaning, .meaning-note")).isEmpty();
    Document named = page("/search?q=42001");
    assertThat(named.select("ol.hits > li")).isNotEmpty();
    assertThat(named.selectFirst("ol.hits > li").select(".meaning")).isEmpty();
    assertThat(page(q + "&lang=fr").selectFirst(".meaning").text()).isEqualTo("Proche par le sens");
  }

  @Test
  void tickingIsoIecNarrowsTheResultsTo42001AndKeepsTheBoxTicked() {
    Document d = page("/search?q=" + enc("management system") + "&sdo=" + enc("ISO/IEC"));
    assertThat(d.select("ol.hits h3 a").eachText())
        .contains("Information technology - Artificial intelligence - Management system");
    assertThat(d.select("ol.hits .identifier").eachText()).allMatch(t -> t.startsWith("ISO/IEC"));
    // The joint body is no facet value (the facet lists ISO and IEC, each counting joint work):
    // ticked, it stays in the form, without a count.
    Element joint = d.selectFirst("#facet-sdo input[value=ISO/IEC]");
    assertThat(joint.hasAttr("checked")).isTrue();
    assertThat(d.selectFirst("label[for=" + joint.id() + "]").select(".count")).isEmpty();
    assertThat(d.selectFirst("#facet-sdo input[value=ISO]").hasAttr("checked")).isFalse();
  }

  @Test
  void supersededEditionsAreMarkedInResultsAndOnTheirPage() {
    // By words: the superseded RFC 7231 is the second of the two records that name both words. (In
    // the default hybrid mode it comes 28th, after the records close in meaning only; until the
    // corpus took the fourth tier mapping's records the first page of 20 held another superseded
    // record, ITU-T H.625 (10/2010), which this test found instead of RFC 7231.)
    Document results = page("/search?q=" + enc("HTTP semantics") + "&mode=keyword");
    Element old = results.selectFirst("li.hit.status-superseded");
    assertThat(old).isNotNull();
    assertThat(old.select("a").eachAttr("href")).contains("/standards/rfc-7231");
    assertThat(old.selectFirst(".badge").text()).isEqualTo("Superseded");
    assertThat(old.selectFirst(".warning").text()).contains("newer edition");

    Document record = page("/standards/rfc-7231");
    Element banner = record.selectFirst(".status-banner");
    assertThat(banner.text()).contains("superseded");
    assertThat(banner.selectFirst("a").attr("href")).isEqualTo("/standards/rfc-9110");
  }

  @Test
  void aWithdrawnEditionsBannerNamesTheEditionInForceNotAReplacedDraftListedBeforeIt() {
    // As ISO 21177:2023 in the bundled catalogue: the published standard, the replaced draft of it
    // ("ISO 21177", listed first by identifier) and the standard itself all replace the edition.
    var c = app.catalog();
    c.save(
        Standard.builder("SUCC 1:2023")
            .title(Map.of("en", "Successor test, first edition"))
            .sdo("Test body")
            .type(PublicationType.INTERNATIONAL_STANDARD)
            .status(Status.WITHDRAWN)
            .published("2023-01")
            .build(),
        "test",
        "test",
        null);
    c.save(
        Standard.builder("SUCC 1")
            .title(Map.of("en", "Successor test, draft of the second edition"))
            .sdo("Test body")
            .type(PublicationType.INTERNATIONAL_STANDARD)
            .status(Status.REPLACED)
            .relations(
                List.of(
                    Relation.of(RelationType.REPLACES, "SUCC 1:2023"),
                    Relation.of(RelationType.REPLACED_BY, "SUCC 1:2024")))
            .build(),
        "test",
        "test",
        null);
    c.save(
        Standard.builder("SUCC 1:2024")
            .title(Map.of("en", "Successor test, second edition"))
            .sdo("Test body")
            .type(PublicationType.INTERNATIONAL_STANDARD)
            .status(Status.IN_FORCE)
            .published("2024-01")
            .relations(List.of(Relation.of(RelationType.REPLACES, "SUCC 1:2023")))
            .build(),
        "test",
        "test",
        null);
    Element banner = page("/standards/succ-1-2023").selectFirst(".status-banner");
    assertThat(banner.text()).contains("Current edition");
    assertThat(banner.selectFirst("a").attr("href")).isEqualTo("/standards/succ-1-2024");
    assertThat(c.successor(c.get("succ-1-2023")).orElseThrow().id()).isEqualTo("succ-1-2024");
  }

  @Test
  void recordPageShowsFieldsRelationsBothWaysHistoryAndTheLinkOut() {
    Document d = page("/standards/rfc-9110");
    assertThat(d.selectFirst("h1").text()).isEqualTo("HTTP Semantics");
    Element out = d.selectFirst("a.source-link");
    assertThat(out.attr("href")).isEqualTo("https://www.rfc-editor.org/info/rfc9110");
    assertThat(d.select("table.relations td").eachText()).contains("Replaces");
    assertThat(d.select("table.relations a").eachAttr("href")).contains("/standards/rfc-7231");
    assertThat(d.select("table.history tbody tr")).hasSize(1);
    assertThat(d.select(".record-facts dd").eachText()).contains("IETF", "10.17487/RFC9110");

    Document target = page("/standards/rfc-7231");
    assertThat(target.select("table.relations tr").eachText())
        .anyMatch(t -> t.startsWith("Replaced by") && t.contains("RFC 9110"));
  }

  @Test
  void recordPageShowsTheLineBreaksAndListItemsOfTheAbstract() {
    // Paragraphs are <p>; within one, line breaks are kept (white-space: pre-line in the CSS).
    Document d = page("/standards/itu-t-f-748-16-05-2022");
    List<String> paragraphs = d.select("p.abstract").eachText();
    assertThat(paragraphs).hasSize(1);
    assertThat(d.selectFirst("p.abstract").wholeText())
        .contains(
            "for the MV service are:\n• Defining the requirements of MV-based services and"
                + " applications;\n• Helping end users");
  }

  @Test
  void untrustedTextIsEscapedEverywhere() {
    for (String path :
        List.of(
            "/standards/xss-1-2026",
            "/standards/iso-iec-42001-2023",
            "/overlap?record=iso-iec-42001-2023",
            "/overlap?committee=" + enc("Committee " + XSS),
            "/overlap?text=" + enc(XSS) + "&sdo=" + enc("Test body " + XSS),
            "/search?q=" + enc("Hostile"),
            "/search?q=" + enc(XSS),
            "/search?q=" + enc("\"><script>alert(2)</script>"))) {
      HttpResponse<String> r = http.get(path);
      assertThat(r.body()).as(path).doesNotContain("<script>alert").doesNotContain("<img src=x");
      Document d = Jsoup.parse(r.body());
      assertThat(d.select("script").eachAttr("src")).as(path).containsOnly("/static/app.js");
      assertThat(d.select("[onerror]")).as(path).isEmpty();
    }
    assertThat(page("/standards/xss-1-2026").selectFirst("h1").text())
        .isEqualTo("Hostile title " + XSS);
  }

  @Test
  void frenchIsCompleteAndChosenByParameterCookieOrBrowser() {
    Document fr = page("/search?lang=fr");
    assertThat(fr.selectFirst("html").attr("lang")).isEqualTo("fr");
    assertThat(fr.selectFirst("#search-heading").text()).isEqualTo("Trouver des normes d'IA");
    assertThat(fr.selectFirst("#facet-status legend").text()).isEqualTo("Statut");

    Document french = page("/standards/iso-iec-42005-2025?lang=fr");
    assertThat(french.selectFirst("h1").attr("lang")).isEqualTo("fr");
    assertThat(french.selectFirst("h1").text()).contains("Intelligence artificielle");
    Document englishOnly = page("/standards/iso-iec-42001-2023?lang=fr");
    assertThat(englishOnly.selectFirst("h1").attr("lang")).isEqualTo("en");

    HttpResponse<String> byHeader =
        http.get("/taxonomy", "Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5");
    assertThat(Jsoup.parse(byHeader.body()).selectFirst("h1").text()).isEqualTo("Taxonomie");
  }

  static final List<String> LANGUAGES = List.of("ar", "zh", "en", "fr", "ru", "es");

  static java.util.Properties bundle(String lang) throws java.io.IOException {
    java.util.Properties p = new java.util.Properties();
    try (var in = PagesTest.class.getResourceAsStream("/i18n/messages_" + lang + ".properties")) {
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void everyMessageKeyHasATextInAllSixLanguages() throws Exception {
    java.util.Properties en = bundle("en");
    for (String lang : LANGUAGES) {
      java.util.Properties b = bundle(lang);
      assertThat(b.keySet()).as(lang).isEqualTo(en.keySet());
      b.forEach(
          (k, v) -> {
            String text = (String) v;
            assertThat(text).as(lang + " " + k).isNotBlank();
            if (text.contains("{0")) {
              // MessageFormat swallows a lone apostrophe in texts with arguments: doubled.
              assertThat(text).as(lang + " " + k).doesNotContainPattern("(?<!')'(?!')");
              // ... and each argument the English text uses is used in every language.
              // (each plural form too: the one for 0, 1, 2, 3, 5, 11, 21 and 101 in every argument)
              for (long n : new long[] {0, 1, 2, 3, 5, 11, 21, 101}) {
                Object[] args = {n, n, n, n};
                new java.text.MessageFormat(
                    org.aisx.catalog.Plurals.resolve(text, lang, args),
                    java.util.Locale.forLanguageTag(lang));
              }
              for (String arg : List.of("{0", "{1", "{2")) {
                assertThat(text.contains(arg))
                    .as(lang + " " + k + " uses " + arg + "}")
                    .isEqualTo(en.getProperty((String) k).contains(arg));
              }
            }
          });
    }
  }

  /**
   * French sets a no-break space (U+00A0, or the narrow U+202F) before {@code : ; ? !} and inside
   * guillemets, so that a line never begins with the mark; Chinese writes its marks full-width
   * ({@code ：；？！}) after Chinese text. Text quoted as typed (an HTTP header, a time, an identifier
   * such as "42001:2023") keeps its ASCII colon, which no space follows or precedes.
   */
  @Test
  void frenchAndChineseMessagesPunctuateAsTheirLanguagesDo() throws Exception {
    java.util.regex.Pattern french =
        java.util.regex.Pattern.compile(
            "(?<![\u00a0\u202f])([;?!»]|:(?=\\s|$))|«(?![\u00a0\u202f])");
    bundle("fr")
        .forEach(
            (k, v) -> {
              String text = ((String) v).replace("Authorization: Bearer", "");
              assertThat(french.matcher(text).find()).as("fr " + k + ": " + v).isFalse();
            });
    java.util.regex.Pattern chinese =
        java.util.regex.Pattern.compile("[\\p{IsHan}\u3000-\u303f\uff00-\uffef]\\s*[:;?!]");
    bundle("zh")
        .forEach(
            (k, v) ->
                assertThat(chinese.matcher((String) v).find()).as("zh " + k + ": " + v).isFalse());
  }

  @Test
  void noPageShowsAMessageKeyInAnyLanguage() throws Exception {
    java.util.Set<String> keys = new java.util.HashSet<>();
    bundle("en").keySet().forEach(k -> keys.add((String) k));
    java.util.regex.Pattern keyLike = java.util.regex.Pattern.compile("[a-z]+(\\.[a-zA-Z_-]+)+");
    java.util.Set<String> prefixes = new java.util.HashSet<>();
    keys.forEach(k -> prefixes.add(k.substring(0, k.indexOf('.') + 1)));
    for (String lang : LANGUAGES) {
      for (String path :
          List.of(
              "/",
              "/search?q=management+system&sdo=ISO%2FIEC",
              "/standards/iso-iec-42001-2023",
              "/standards/iso-iec-42005-2025",
              "/taxonomy",
              "/overlap?record=iso-iec-42001-2023",
              "/changes",
              "/signin",
              "/about",
              "/accessibility",
              "/data-licences",
              "/standards/does-not-exist",
              "/search?page=abc")) {
        Document d =
            Jsoup.parse(http.get(path + (path.contains("?") ? "&" : "?") + "lang=" + lang).body());
        assertThat(d.selectFirst("html").attr("lang")).isEqualTo(lang);
        assertThat(d.selectFirst("html").attr("dir")).isEqualTo(lang.equals("ar") ? "rtl" : "ltr");
        StringBuilder shown = new StringBuilder(d.text());
        for (Element e : d.select("[title], [aria-label], [placeholder]")) {
          shown.append(' ').append(e.attr("title")).append(' ').append(e.attr("aria-label"));
          shown.append(' ').append(e.attr("placeholder"));
        }
        for (String word : shown.toString().split("[\\s()\\[\\]:,;]+")) {
          if (keyLike.matcher(word).matches() && prefixes.stream().anyMatch(word::startsWith)) {
            org.assertj.core.api.Assertions.fail(lang + " " + path + " shows the key " + word);
          }
        }
      }
    }
  }

  @Test
  void everyPageHasAFooterLinkingTheAboutApiAccessibilityAndLicencePages() {
    for (String path : List.of("/", "/standards/iso-iec-42001-2023", "/about", "/signin")) {
      Document d = page(path + "?lang=fr");
      List<String> links = d.select("footer nav a").eachAttr("href");
      assertThat(links)
          .as(path)
          .containsExactly("/about", "/api/v1/openapi.json", "/accessibility", "/data-licences");
      assertThat(d.selectFirst("footer nav").attr("aria-label")).isEqualTo("À propos de ce site");
    }
    for (String target : List.of("/about", "/api/v1/openapi.json", "/accessibility")) {
      assertThat(http.get(target).statusCode()).as(target).isEqualTo(200);
    }
  }

  @Test
  void theSitePagesSpeakEachLanguageAndSayWhatTheyMust() {
    for (String lang : LANGUAGES) {
      for (String path : List.of("/about", "/accessibility", "/data-licences")) {
        Document d = page(path + "?lang=" + lang);
        assertThat(d.selectFirst("html").attr("lang")).isEqualTo(lang);
        assertThat(d.selectFirst("main h1").text())
            .as(lang + path)
            .isEqualTo(d.title().split(" · ")[0].replace("\u2068", "").replace("\u2069", ""));
        assertThat(d.select("main section, main .source-list > li")).as(lang + path).isNotEmpty();
        // Without a contact configured, the pages say that none is named rather than invent one.
        if (!path.equals("/data-licences")) {
          assertThat(d.select("main a[href^=mailto:]")).isEmpty();
        }
      }
    }
    Document a11y = page("/accessibility?lang=en");
    assertThat(a11y.selectFirst("main").text())
        .contains("WCAG) 2.1, level AA")
        .contains("axe-core")
        .contains("at 1280 px and at 390 px width")
        .contains("320 px")
        .contains("Known limitations")
        .contains("has not named a contact address");
    Document licences = page("/data-licences?lang=en");
    String text = licences.selectFirst("main").text();
    assertThat(text)
        .contains("not subject to copyright in the United States")
        .contains("CC BY 4.0")
        .contains("ODC-By 1.0")
        .contains("The terms of the publishing body");
    // Every Relaton feed the bundled catalogue was built from is named with its repository.
    assertThat(licences.select("main a[href^=https://github.com/]").eachText())
        .contains(
            "relaton/relaton-data-itu",
            "relaton/relaton-data-iec",
            "relaton/relaton-data-iso",
            "ietf-tools/relaton-data-ieee",
            "relaton/relaton-data-w3c",
            "relaton/relaton-data-jis",
            "relaton/relaton-data-ecma",
            "usnistgov/NIST-Tech-Pubs");
  }

  @Test
  void robotsTxtAllowsThePublicPagesAndKeepsCrawlersOutOfPrivateOnes() {
    HttpResponse<String> r = http.get("/robots.txt");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    List<String> lines = r.body().lines().toList();
    assertThat(lines)
        .contains(
            "User-agent: *",
            "Allow: /",
            "Allow: /api/v1/openapi.json",
            "Disallow: /signin",
            "Disallow: /admin/",
            "Disallow: /review/",
            "Disallow: /submissions/",
            "Disallow: /suites/new",
            "Disallow: /*?key=",
            "Disallow: /api/");
    // What it disallows is really there and not public: sign-in first.
    for (String priv : List.of("/admin/import", "/review/submissions", "/submissions/mine")) {
      assertThat(http.get(priv).statusCode()).as(priv).isIn(401, 403);
    }
  }

  @Test
  void theIconIsLinkedFromEveryPageAndFaviconIcoLeadsToIt() {
    Document d = page("/search");
    String icon = d.selectFirst("head link[rel=icon]").attr("href");
    HttpResponse<String> svg = http.get(icon);
    assertThat(svg.statusCode()).isEqualTo(200);
    assertThat(svg.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("image/svg+xml"));
    assertThat(svg.body()).startsWith("<svg");
    HttpResponse<String> ico = http.get("/favicon.ico");
    assertThat(ico.statusCode()).isEqualTo(301);
    assertThat(ico.headers().firstValue("Location")).hasValue(icon);
    // Its short body is text, not the API's default type, JSON.
    assertThat(ico.headers().firstValue("Content-Type")).hasValue("text/plain;charset=utf-8");
  }

  @Test
  void errorPagesSpeakThePageLanguage() {
    HttpResponse<String> missing = http.get("/standards/does-not-exist?lang=ru");
    assertThat(missing.statusCode()).isEqualTo(404);
    Document ru = Jsoup.parse(missing.body());
    assertThat(ru.selectFirst("h1").text()).isEqualTo("Не найдено");
    assertThat(ru.selectFirst("main").text()).contains("По этому адресу нет ни страницы");
    Document fr = Jsoup.parse(http.get("/search?page=abc&lang=fr").body());
    assertThat(fr.selectFirst("main").text())
        .contains("Une valeur de l'adresse n'a pas pu être comprise")
        .contains("page");
  }

  /**
   * An address no route or asset has is the not-found page in the page's language (as a record
   * there is not is), chosen by parameter or cookie: not Javalin's English "Endpoint GET ... not
   * found".
   */
  @Test
  void anAddressNoRouteHasIsTheNotFoundPageInThePageLanguage() throws Exception {
    for (String path : List.of("/nonexistent", "/standards/", "/static/nope.css")) {
      for (HttpResponse<String> r :
          List.of(
              http.get(path + "?lang=fr"),
              http.get(path, "Cookie", "lang=fr"),
              http.get(path, "Accept-Language", "fr-CA, en;q=0.5"))) {
        assertThat(r.statusCode()).as(path).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(r.headers().firstValue("Vary").orElseThrow()).contains("Accept-Language");
        Document d = Jsoup.parse(r.body());
        assertThat(d.selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(d.selectFirst("h1").text()).isEqualTo(shown("fr", "error.title.404"));
        assertThat(d.selectFirst("main").text())
            .as(path)
            .contains(shown("fr", "error.message.not_found"))
            .doesNotContain("Endpoint")
            .doesNotContain("not found");
      }
    }
  }

  /**
   * A page given a lang it does not have falls back as if none were given (the cookie, then the
   * browser's languages), and remembers nothing: a person following a link gets a page they can
   * read. (The API refuses it.)
   */
  @Test
  void aPageGivenALanguageItDoesNotHaveFallsBackToTheReadersLanguage() {
    HttpResponse<String> r = http.get("/search?lang=de", "Accept-Language", "es");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(r.body()).selectFirst("html").attr("lang")).isEqualTo("es");
    assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("lang="));
    assertThat(Jsoup.parse(http.get("/search?lang=de").body()).selectFirst("html").attr("lang"))
        .isEqualTo("en");
  }

  /** {@code key} of {@code lang}'s bundle with {@code args}, as the pages say it. */
  /**
   * A message as Jsoup's {@code text()} reads it off a page: that turns the no-break space French
   * sets before a colon into a plain space (the narrow one, before {@code ; ? !}, it keeps).
   */
  static String shown(String lang, String key, Object... args) throws java.io.IOException {
    return say(lang, key, args).replace('\u00a0', ' ');
  }

  /** What a page puts between a label and its value in {@code lang}, as {@link #shown} reads it. */
  static String colon(String lang) {
    return new Messages(java.util.Locale.forLanguageTag(lang)).colon().replace('\u00a0', ' ');
  }

  /**
   * Page 99,999 of {@code path} is an empty 200 page that says it is past the last one and links to
   * the last page, which is not past the end.
   */
  static void assertAPagePastTheEndLinksToTheLastPage(Http http, String path) {
    HttpResponse<String> past = http.get(path + "?page=99999");
    assertThat(past.statusCode()).as(past.body()).isEqualTo(200);
    org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(past.body());
    assertThat(page.text()).contains("page 99,999 is past the last one");
    org.jsoup.nodes.Element last = page.selectFirst(".past-end a");
    assertThat(last).isNotNull();
    assertThat(last.text()).startsWith("Go to the last page");
    HttpResponse<String> lastPage = http.get(last.attr("href"));
    assertThat(lastPage.statusCode()).isEqualTo(200);
    assertThat(lastPage.body()).doesNotContain("past-end");
  }

  static String say(String lang, String key, Object... args) throws java.io.IOException {
    String pattern = bundle(lang).getProperty(key);
    assertThat(pattern).as(lang + " " + key).isNotNull();
    return args.length == 0
        ? pattern
        : new Messages(java.util.Locale.forLanguageTag(lang)).get(key, args);
  }

  @Test
  void anErrorPageSaysWhatIsWrongAndNamesTheFieldInThePageLanguage() throws Exception {
    for (String lang : LANGUAGES) {
      HttpResponse<String> years = http.get("/search?from=2030&to=2020&lang=" + lang);
      assertThat(years.statusCode()).isEqualTo(400);
      Document d = Jsoup.parse(years.body());
      assertThat(d.selectFirst("html").attr("dir")).isEqualTo(lang.equals("ar") ? "rtl" : "ltr");
      Element detail = d.selectFirst(".error-page li");
      assertThat(detail.text())
          .as(lang)
          .startsWith(shown(lang, "param.from"))
          .contains(shown(lang, "problem.yearAfterTo", "2030", "2020"));
      // The parameter as the address spells it, kept left to right in an Arabic sentence.
      assertThat(detail.select("bdi code").text()).isEqualTo("from");

      Document page = Jsoup.parse(http.get("/search?page=abc&lang=" + lang).body());
      assertThat(page.selectFirst(".error-page li").text())
          .as(lang)
          .startsWith(shown(lang, "param.page"))
          .contains(
              shown(
                  lang,
                  "problem.notWholeNumber",
                  "abc",
                  "1",
                  String.valueOf(org.aisx.search.SearchRequest.MAX_WINDOW)));
      if (!lang.equals("en")) {
        assertThat(d.selectFirst("main").text()).as(lang).doesNotContain("is after");
        assertThat(page.selectFirst("main").text()).as(lang).doesNotContain("whole number");
      }
    }
  }

  @Test
  void theApiSaysItsProblemsInEnglishUnlessTheRequestAsksForALanguage() throws Exception {
    HttpResponse<String> french =
        http.get("/api/v1/standards?from=2030&to=2020", "Accept-Language", "fr");
    assertThat(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(french.body())
                .at("/error/details/0/problem")
                .asText())
        .isEqualTo(say("fr", "problem.yearAfterTo", "2030", "2020"));
    HttpResponse<String> r = http.get("/api/v1/standards?from=2030&to=2020");
    assertThat(r.statusCode()).isEqualTo(400);
    com.fasterxml.jackson.databind.JsonNode error =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).get("error");
    assertThat(error.get("code").asText()).isEqualTo("bad_parameter");
    assertThat(error.at("/details/0/field").asText()).isEqualTo("from");
    assertThat(error.at("/details/0/problem").asText()).isEqualTo("year 2030 is after to=2020");
  }

  @Test
  void aPageThatNeedsSignInAsksAPersonToSignInAndComeBack() throws Exception {
    for (String lang : LANGUAGES) {
      HttpResponse<String> r = http.get("/submissions/mine?lang=" + lang);
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.headers().firstValue("WWW-Authenticate")).isEmpty();
      Document d = Jsoup.parse(r.body());
      assertThat(d.selectFirst("h1").text()).isEqualTo(shown(lang, "error.title.401"));
      String main = d.selectFirst("main").text();
      assertThat(main).as(lang).contains(shown(lang, "access.signInRequired.page"));
      assertThat(main).as(lang).doesNotContain("Bearer").doesNotContain("Authorization");
      assertThat(d.select(".error-page a[href^='/signin']").eachAttr("href"))
          .containsExactly("/signin?next=" + enc("/submissions/mine?lang=" + lang));
      assertThat(d.select(".error-page a[href^='/signin']").text())
          .isEqualTo(shown(lang, "account.signIn"));
    }
    // The API keeps its wording, for the program that called it.
    HttpResponse<String> api = http.get("/api/v1/me");
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"aisx\"");
    assertThat(api.body()).contains("Authorization: Bearer");
  }

  @Test
  void conceptsAndStatusesAreNamedInThePageLanguage() {
    Document ar = page("/taxonomy?lang=ar");
    assertThat(ar.text()).contains("نظم الإدارة").contains("إدارة المخاطر");
    Document zh = page("/search?q=management+system&lang=zh");
    assertThat(zh.selectFirst("#facet-status legend").text()).isEqualTo("状态");
    assertThat(zh.select(".badge").eachText()).contains("现行");
    Document ru = page("/standards/iso-iec-42001-2023?lang=ru");
    assertThat(ru.selectFirst("a.source-link").text()).startsWith("Перейти на страницу");
    Document es = page("/standards/iso-iec-42001-2023?lang=es");
    // Dates in the language's form: 18 dic 2023 (published 2023-12-18).
    assertThat(es.select(".record-facts time").eachText())
        .anySatisfy(t -> assertThat(t).contains("dic"));
  }

  @Test
  void pagesHaveLandmarksAndLabelledInputs() {
    Document d = page("/search");
    assertThat(d.select("header, main, footer, nav")).hasSizeGreaterThanOrEqualTo(4);
    assertThat(d.selectFirst("a.skip").attr("href")).isEqualTo("#main");
    for (Element input : d.select("input:not([type=hidden])")) {
      assertThat(d.select("label[for=" + input.id() + "]")).as(input.outerHtml()).isNotEmpty();
    }
  }

  @Test
  void errorsAreFriendlyPagesWithTheRightStatus() {
    HttpResponse<String> missing = http.get("/standards/does-not-exist");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(Jsoup.parse(missing.body()).selectFirst("h1").text()).isEqualTo("Not found");
    HttpResponse<String> bad = http.get("/search?page=abc");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(bad.body()).selectFirst("main").text()).contains("page");
  }

  @Test
  void pagingLinksKeepTheSearch() {
    Document d = page("/search?sdo=" + enc("IEEE") + "&size=5");
    Element next = d.selectFirst("a[rel=next]");
    assertThat(next.attr("href")).contains("sdo=IEEE").contains("page=2");
    Document second = page(next.attr("href"));
    assertThat(second.select("ol.hits > li")).hasSize(5);
  }

  @Test
  void aSearchOfStopWordsAloneSaysSoInThePageLanguage() throws Exception {
    for (String lang : LANGUAGES) {
      for (String q : List.of("the of and", "le la les")) {
        Document d = page("/search?q=" + enc(q) + "&lang=" + lang);
        assertThat(d.select("ol.hits > li")).as("%s in %s", q, lang).isEmpty();
        assertThat(d.selectFirst("#results-heading").text()).isEqualTo(shown(lang, "results.none"));
        assertThat(d.selectFirst(".only-stop-words").text())
            .isEqualTo(shown(lang, "results.onlyStopWords"));
      }
    }
    // A search that finds nothing for its words gives the usual hint instead.
    assertThat(page("/search?q=zzqqxx").select(".only-stop-words")).isEmpty();
  }

  @Test
  void aPagePastTheEndSaysHowManyResultsThereAreAndLinksToTheLastPage() {
    for (String mode : List.of("keyword", "semantic", "hybrid")) {
      Document first = page("/search?q=management&size=10&mode=" + mode);
      assertThat(first.select("ol.hits > li")).isNotEmpty();
      Document past = page("/search?q=management&page=999&size=20&mode=" + mode);
      assertThat(past.select("ol.hits > li")).as(mode).isEmpty();
      String heading = past.selectFirst("#results-heading").text();
      String total = heading.replaceAll("\\D.*", "");
      assertThat(first.selectFirst("#results-heading").text()).startsWith(total + " ");
      Element last = past.selectFirst(".past-end a");
      assertThat(last.attr("href")).contains("q=management").doesNotContain("page=999");
      assertThat(page(last.attr("href")).select("ol.hits > li")).as(mode).isNotEmpty();
      // The pager does not claim a position past the last page ("Page 999 of 9").
      assertThat(past.select("nav.pager").text()).as(mode).doesNotContain("999");
    }
  }

  @Test
  void recordPageShowsRelatedWorkWithReadableScoresAndStatus() {
    Document d = page("/standards/iso-iec-42001-2023");
    Element related = d.selectFirst("section#related");
    assertThat(related.selectFirst("h2").text()).isEqualTo("Related work");
    List<Element> rows = related.select("tbody tr");
    assertThat(rows).hasSize(8);
    // The hostile record carries 42001's own vector: first, at 100 %, marked as a draft, escaped.
    Element first = rows.get(0);
    assertThat(first.selectFirst("a").attr("href")).isEqualTo("/standards/xss-1-2026");
    assertThat(first.selectFirst("a").text()).isEqualTo("Hostile title " + XSS);
    assertThat(first.selectFirst(".score").text()).isEqualTo("100%");
    assertThat(first.selectFirst(".sim-fill").hasClass("w-100")).isTrue();
    assertThat(first.hasClass("status-draft")).isTrue();
    assertThat(first.selectFirst(".badge").text()).isEqualTo("Draft");
    int previous = 100;
    for (Element row : rows) {
      assertThat(row.selectFirst("a").attr("href"))
          .startsWith("/standards/")
          .isNotEqualTo("/standards/iso-iec-42001-2023");
      assertThat(row.selectFirst(".identifier").text()).isNotBlank();
      String score = row.selectFirst(".score").text();
      assertThat(score).matches("\\d{1,3}%");
      int percent = Integer.parseInt(score.replace("%", ""));
      assertThat(percent).isLessThanOrEqualTo(previous).isGreaterThan(30);
      previous = percent;
      // The bar is decorative, sized by a class in steps of 5 %, never by an inline style.
      Element bar = row.selectFirst(".sim-bar");
      assertThat(bar.attr("aria-hidden")).isEqualTo("true");
      assertThat(bar.selectFirst(".sim-fill").className())
          .contains("w-" + Math.round(percent / 5.0) * 5);
      assertThat(row.select("[style]")).isEmpty();
    }

    Document french = page("/standards/iso-iec-42001-2023?lang=fr");
    assertThat(french.selectFirst("#related h2").text()).isEqualTo("Travaux apparentés");
    assertThat(french.selectFirst("#related .score").text()).isEqualTo("100\u202f%");
  }

  @Test
  void relatedWorkMarksSupersededEditionsAndDrafts() {
    Element related = page("/standards/iso-iec-15938-17-2024").selectFirst("section#related");
    Element old = related.selectFirst("tr:has(a[href=/standards/iso-iec-15938-17-2022])");
    assertThat(old.hasClass("status-superseded")).isTrue();
    assertThat(old.selectFirst(".badge").text()).isEqualTo("Superseded");
    assertThat(related.select("tr.status-draft .badge").eachText()).contains("Draft");
  }

  @Test
  void relatedWorkOnARecordPageShowsTheStandardInForceRatherThanItsReplacedDrafts() {
    Element related = page("/standards/iso-iec-42001-2023").selectFirst("section#related");
    assertThat(related.select("tbody tr a").eachAttr("href"))
        .contains("/standards/iso-iec-42005-2025")
        .doesNotContain("/standards/iso-iec-fdis-42005", "/standards/iso-iec-dis-42005");
  }

  @Test
  void relatedWorkIsLeftOutWhileTheRecordHasNoVector() {
    Document d = page("/standards/novec-1-2026");
    assertThat(d.selectFirst("h1").text()).isEqualTo("A record not embedded yet");
    assertThat(d.select("#related, table.related")).isEmpty();
    assertThat(d.text()).doesNotContain("Related work");
  }

  /**
   * The overlap check leaves out one body's work as records name it: the form offers a joint body
   * (ISO/IEC) beside ISO and IEC, which the search facet counts apart.
   */
  @Test
  void theOverlapFormOffersTheBodiesAsRecordsNameThem() {
    assertThat(page("/overlap").select("#o-sdo option").eachAttr("value"))
        .contains("ISO/IEC", "ISO", "IEC", "IEEE");
  }

  @Test
  void aProposalAsLongAsTheFormAllowsIsCheckedForOverlapEvenInChinese() {
    // 4,000 characters of Chinese are 36 KB once %-escaped: more than an address may hold.
    String text = "用于医疗影像诊断的人工智能系统的数据质量与风险管理要求。".repeat(150).substring(0, 4_000);
    Browser b = new Browser(server.port());
    HttpResponse<String> r =
        b.postForm("/overlap", Map.of("_csrf", b.csrf("/overlap"), "text", text));
    assertThat(r.statusCode()).isEqualTo(200);
    Document d = Jsoup.parse(r.body());
    assertThat(d.selectFirst("#o-text").text()).isEqualTo(text);
    assertThat(d.select(".overlap-results")).hasSize(1);

    HttpResponse<String> forged =
        new Browser(server.port()).postForm("/overlap", Map.of("text", text));
    assertThat(forged.statusCode()).isEqualTo(403);
  }

  @Test
  void overlapPageOffersThreeWaysInAndIsLinkedFromTheNavAndTheRecordPage() {
    Document d = page("/overlap");
    assertThat(d.select("header nav a[href=/overlap]")).hasSize(1);
    for (String form : List.of("#by-record", "#by-committee", "#by-text")) {
      Element f = d.selectFirst("form" + form);
      assertThat(f.attr("action")).isEqualTo("/overlap");
      // A proposal's text goes in the body: 4,000 characters do not fit in an address.
      assertThat(f.attr("method")).isEqualTo(form.equals("#by-text") ? "post" : "get");
      assertThat(f.select("button[type=submit]")).hasSize(1);
    }
    assertThat(d.select("#by-text input[name=_csrf]").attr("value")).isNotEmpty();
    for (Element input : d.select("main input:not([type=hidden]), main textarea, main select")) {
      assertThat(d.select("label[for=" + input.id() + "]")).as(input.outerHtml()).isNotEmpty();
    }
    assertThat(d.select("#by-committee datalist option").eachAttr("value"))
        .contains("ISO/IEC JTC 1/SC 42");
    assertThat(d.select("#by-text select option").eachAttr("value")).contains("", "IEEE");
    assertThat(d.select(".overlap-results")).isEmpty();

    Element check = page("/standards/iso-iec-42001-2023").selectFirst("a#check-overlap");
    assertThat(check.attr("href")).isEqualTo("/overlap?record=iso-iec-42001-2023");
    Document r = page(check.attr("href"));
    assertThat(r.selectFirst("#o-record").val()).isEqualTo("iso-iec-42001-2023");
    assertThat(r.selectFirst("#overlap-results-h a").attr("href"))
        .isEqualTo("/standards/iso-iec-42001-2023");
    assertThat(r.selectFirst(".overlap-results .note").text()).contains("ISO/IEC");
    assertThat(r.select("table#inforce tbody tr")).hasSize(10);
    assertThat(r.select("table#inforce .badge").eachText()).containsOnly("In force");
    assertThat(r.select("table#inforce tr td:eq(1)").eachText())
        .noneMatch(body -> body.startsWith("ISO/IEC"));
    // The hostile draft carries 42001's own vector: first among drafts, escaped.
    Element first = r.selectFirst("table#drafts tbody tr");
    assertThat(first.selectFirst("a").text()).isEqualTo("Hostile title " + XSS);
    assertThat(first.selectFirst(".score").text()).isEqualTo("100%");
    assertThat(r.select("table#drafts .badge").eachText()).containsOnly("Draft");
  }

  @Test
  void overlapPageByCommitteeNamesTheClosestCommitteeRecordAndByTextKeepsTheForm() {
    Document c = page("/overlap?committee=" + enc("ISO/IEC JTC 1/SC 42"));
    assertThat(c.selectFirst("#overlap-results-h").text()).contains("ISO/IEC JTC 1/SC 42");
    assertThat(c.select("table#inforce th").eachText()).contains("Closest committee record");
    assertThat(c.select("table#inforce td.closest a").eachAttr("href"))
        .isNotEmpty()
        .allMatch(h -> h.startsWith("/standards/iso-iec-"));

    String text = "Certification of the bodies that audit AI management systems";
    Document t = page("/overlap?text=" + enc(text) + "&sdo=IEEE&lang=fr");
    assertThat(t.selectFirst("#o-text").text()).isEqualTo(text);
    assertThat(t.selectFirst("#o-sdo option[selected]").val()).isEqualTo("IEEE");
    assertThat(t.selectFirst("#overlap-results-h").text())
        .isEqualTo("Travaux les plus proches de votre description");
    assertThat(t.selectFirst("table#inforce tbody tr a").attr("href"))
        .isEqualTo("/standards/iso-iec-42006-2025");

    HttpResponse<String> bad = http.get("/overlap?text=risk&limit=0");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(bad.body()).selectFirst("main").text()).contains("limit");
    assertThat(http.get("/overlap?record=zzqqxx").statusCode()).isEqualTo(404);
    assertThat(http.get("/overlap?committee=zzqqxx").statusCode()).isEqualTo(400);
  }

  @Test
  void overlapFormTakesIdentifiersAsTypedAndCommitteesInAnyCaseAndSpacing() {
    for (String typed : List.of("42001", "ISO/IEC 42001", "iso iec 42001")) {
      Document d = page("/overlap?record=" + enc(typed));
      assertThat(d.selectFirst("#overlap-results-h a").attr("href"))
          .as(typed)
          .isEqualTo("/standards/iso-iec-42001-2023");
    }
    Document y = page("/overlap?record=" + enc("Y.3172"));
    assertThat(y.selectFirst("#overlap-results-h a").text()).startsWith("ITU-T Y.3172");
    for (String typed :
        List.of("iso/iec jtc 1/sc 42", "ISO/IEC JTC1/SC42", "ISO IEC JTC 1 SC 42")) {
      Document d = page("/overlap?committee=" + enc(typed));
      assertThat(d.selectFirst("#overlap-results-h").text())
          .as(typed)
          .contains("ISO/IEC JTC 1/SC 42");
    }
  }

  @Test
  void aNearMissOffersChoicesThatEachLeadToAnAnswer() {
    Document d = page("/overlap?committee=" + enc("SC 42"));
    assertThat(d.select(".overlap-results")).isEmpty();
    List<Element> choices = d.select(".near-miss ul.choices a");
    assertThat(choices).isNotEmpty();
    assertThat(choices.stream().map(Element::text)).contains("ISO/IEC JTC 1/SC 42");
    for (Element choice : choices) {
      assertThat(page(choice.attr("href")).select(".overlap-results")).as(choice.text()).hasSize(1);
    }
    Document words = page("/overlap?record=" + enc("artificial intelligence management system"));
    List<Element> records = words.select(".near-miss ul.choices a");
    assertThat(records).isNotEmpty();
    assertThat(page(records.get(0).attr("href")).select(".overlap-results")).hasSize(1);
  }
}
