package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Status;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committees over real HTTP on the starter catalogue, whose register is the bundled one (ISO
 * Open Data's 785 committees): a committee's page in English and in Arabic, the page of a committee
 * known only from records, the 404 of a name that comes close to some, the record page naming its
 * committee with its title, and the API validated against openapi.json.
 */
class CommitteeWebTest {
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static Http http;

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

  @Test
  void aCommitteesPageSaysWhatTheRegisterSaysAndListsItsRecordsNewestFirst() throws Exception {
    Document d = page("/committees/iso-iec-jtc-1-sc-42?lang=en");
    assertThat(d.selectFirst("html").attr("dir")).isEqualTo("ltr");
    assertThat(d.selectFirst("h1").text()).isEqualTo("ISO/IEC JTC 1/SC 42 Artificial intelligence");
    Element facts = d.selectFirst("dl.committee-facts");
    assertThat(facts.text()).contains("Status Active", "Secretariat ANSI", "Created Nov 21, 2017");
    Element parent = facts.selectFirst("a[href=/committees/iso-iec-jtc-1]");
    assertThat(parent).isNotNull();
    assertThat(parent.text()).isEqualTo("ISO/IEC JTC 1");
    assertThat(facts.text()).contains("Information technology");
    assertThat(d.selectFirst("#scope-h").parent().text())
        .contains("Standardization in the area of Artificial Intelligence")
        .doesNotContain("<li>");
    Element liaisons = d.selectFirst("#liaisons-h").parent();
    Element sc27 = liaisons.selectFirst("a[href=/committees/iso-iec-jtc-1-sc-27]");
    assertThat(sc27).isNotNull();
    assertThat(sc27.parent().text())
        .isEqualTo(
            "ISO/IEC JTC 1/SC 27 Information security, cybersecurity and privacy protection");
    assertThat(d.selectFirst("#organizations-h")).isNotNull();
    assertThat(d.text()).contains("ISO Open Data, ODC-By 1.0");

    // The records, as many as a search within the committee finds, newest first, drafts marked.
    JsonNode all =
        ApiTest.body(
            http.get(
                "/api/v1/standards?committee=" + ApiTest.enc("ISO/IEC JTC 1/SC 42") + "&size=1"));
    long total = all.get("total").asLong();
    assertThat(total).isGreaterThan(CommitteeRoutes.PAGE_SIZE);
    assertThat(d.selectFirst("#records-h").text())
        .isEqualTo(PagesTest.say("en", "committee.records", total));
    List<Element> items = d.select("ol.committee-records > li");
    assertThat(items).hasSize(CommitteeRoutes.PAGE_SIZE);
    List<String> dates = new ArrayList<>();
    int drafts = 0;
    for (Element li : items) {
      String id = li.selectFirst("a").attr("href").replace("/standards/", "");
      var record = app.catalog().get(id);
      assertThat(record.committee()).isEqualTo("ISO/IEC JTC 1/SC 42");
      boolean draft = record.status() == Status.DRAFT;
      assertThat(li.selectFirst(".badge-draft") != null).as(id).isEqualTo(draft);
      drafts += draft ? 1 : 0;
      if (record.published() != null) {
        dates.add(record.published());
      }
    }
    assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(drafts + dates.size()).isPositive();
    Element next = d.selectFirst("nav.pager a[rel=next]");
    assertThat(next.attr("href")).isEqualTo("/committees/iso-iec-jtc-1-sc-42?page=2");
    Document second = page(next.attr("href"));
    assertThat(second.select("ol.committee-records > li")).isNotEmpty();
    assertThat(second.selectFirst("nav.pager a[rel=prev]").attr("href"))
        .isEqualTo("/committees/iso-iec-jtc-1-sc-42");
    Element search = d.selectFirst("a[href^=/search?committee=]");
    assertThat(search.attr("href")).isEqualTo("/search?committee=ISO%2FIEC+JTC+1%2FSC+42");
    PagesTest.assertAPagePastTheEndLinksToTheLastPage(http, "/committees/iso-iec-jtc-1-sc-42");

    // Any spelling of the reference is the same committee.
    assertThat(page("/committees/ISO%20IEC%20JTC%201%20SC%2042").selectFirst("h1").text())
        .isEqualTo("ISO/IEC JTC 1/SC 42 Artificial intelligence");
    // A committee with subcommittees lists them, linked.
    Document jtc1 = page("/committees/iso-iec-jtc-1?lang=en");
    assertThat(jtc1.selectFirst("#subcommittees-h").parent().select("a").eachAttr("href"))
        .contains("/committees/iso-iec-jtc-1-sc-42", "/committees/iso-iec-jtc-1-sc-27");
  }

  @Test
  void theCommitteesPageReadsRightToLeftInArabic() throws Exception {
    Document d = page("/committees/iso-iec-jtc-1-sc-42?lang=ar");
    assertThat(d.selectFirst("html").attr("dir")).isEqualTo("rtl");
    assertThat(d.selectFirst("html").attr("lang")).isEqualTo("ar");
    // The reference and the English title keep their own direction inside the Arabic page.
    assertThat(d.selectFirst("h1 bdi[dir=ltr]").text()).isEqualTo("ISO/IEC JTC 1/SC 42");
    assertThat(d.selectFirst("h1 [lang=en]").text()).isEqualTo("Artificial intelligence");
    assertThat(d.selectFirst("#liaisons-h").text())
        .isEqualTo(PagesTest.say("ar", "committee.liaisons"));
    assertThat(d.selectFirst("#scope-h").text()).isEqualTo(PagesTest.say("ar", "committee.scope"));
    assertThat(d.selectFirst("dl.committee-facts").text())
        .contains(PagesTest.say("ar", "committee.secretariat"));
    assertThat(d.selectFirst("a[href^=/search?committee=]").text())
        .isEqualTo(PagesTest.say("ar", "committee.search"));
  }

  /** The value the committee's facts give beside the term {@code key} says in {@code lang}. */
  static Element fact(Document d, String lang, String key) throws Exception {
    for (Element dt : d.select("dl.committee-facts dt")) {
      if (dt.text().equals(PagesTest.shown(lang, key))) {
        return dt.nextElementSibling();
      }
    }
    throw new AssertionError(lang + ": no " + key + " in " + d.select("dl.committee-facts"));
  }

  /** {@code text} as Jsoup reads a page's text, with no-break spaces as plain ones. */
  static String plain(String text) {
    return text.replace('\u00a0', ' ').replace('\u202f', ' ');
  }

  @Test
  void aCommitteesStateAndDatesAreSaidInEachLanguage() throws Exception {
    for (String lang : PagesTest.LANGUAGES) {
      Messages t = new Messages(java.util.Locale.forLanguageTag(lang));
      Document d = page("/committees/iso-iec-jtc-1-sc-42?lang=" + lang);
      Element state = fact(d, lang, "committee.status");
      assertThat(state.text()).as(lang).isEqualTo(PagesTest.say(lang, "committee.state.active"));
      // Said in the page's language: not marked as English.
      assertThat(state.attr("lang")).as(lang).isEmpty();
      Element created = fact(d, lang, "committee.created").selectFirst("time");
      assertThat(created.attr("datetime")).isEqualTo("2017-11-21");
      assertThat(plain(created.text())).as(lang).isEqualTo(plain(t.date("2017-11-21")));
      // Each record's day too, in the page's form, the ISO day in its datetime.
      List<Element> days = d.select("ol.committee-records time");
      assertThat(days).as(lang).isNotEmpty();
      for (Element day : days) {
        assertThat(plain(day.text())).as(lang).isEqualTo(plain(t.date(day.attr("datetime"))));
      }
      Document suspended = page("/committees/iso-tc-18?lang=" + lang);
      assertThat(fact(suspended, lang, "committee.status").text())
          .as(lang)
          .isEqualTo(PagesTest.say(lang, "committee.state.suspended"));
    }
    // French and Arabic say it their way, not as the register does.
    Document fr = page("/committees/iso-iec-jtc-1-sc-42?lang=fr");
    assertThat(fact(fr, "fr", "committee.status").text()).isEqualTo("Actif");
    assertThat(fact(fr, "fr", "committee.created").text()).isEqualTo("21 nov. 2017");
    Document ar = page("/committees/iso-tc-18?lang=ar");
    assertThat(fact(ar, "ar", "committee.status").text()).isEqualTo("معلّقة");
    assertThat(fact(ar, "ar", "committee.created").text()).doesNotContain("1947-01-01");
  }

  @Test
  void aStateTheRegisterHasNoNameForIsShownAsGivenEscapedAndMarkedEnglish() throws Exception {
    app.committees()
        .saveAll(
            List.of(
                new org.aisx.committee.Committee(
                    "ISO/TC 9990",
                    99_990L,
                    "Test committee",
                    "<b>Dormant</b>",
                    "AFNOR",
                    "not a day",
                    null,
                    null,
                    List.of(),
                    List.of(),
                    List.of(),
                    null)));
    for (String lang : List.of("en", "fr", "ar")) {
      HttpResponse<String> r = http.get("/committees/iso-tc-9990?lang=" + lang);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("&lt;b&gt;Dormant&lt;/b&gt;").doesNotContain("<b>Dormant");
      Document d = Jsoup.parse(r.body());
      Element state = fact(d, lang, "committee.status");
      assertThat(state.text()).isEqualTo("<b>Dormant</b>");
      assertThat(state.attr("lang")).isEqualTo("en");
      // A day of another shape is shown as it is.
      assertThat(fact(d, lang, "committee.created").text()).isEqualTo("not a day");
    }
  }

  @Test
  void aCommitteeKnownOnlyFromRecordsHasAPageWithThem() throws Exception {
    Document d = page("/committees/itu-t-sg13?lang=en");
    assertThat(d.selectFirst("h1").text()).isEqualTo("ITU-T SG13");
    assertThat(d.text()).contains(PagesTest.say("en", "committee.notInRegister"));
    assertThat(d.selectFirst("dl.committee-facts")).isNull();
    assertThat(d.select("ol.committee-records > li")).isNotEmpty();
    assertThat(d.selectFirst("a[href^=/search?committee=]").attr("href"))
        .isEqualTo("/search?committee=ITU-T+SG13");
  }

  @Test
  void anUnknownCommitteeIsA404OfferingTheCommitteesItComesCloseTo() throws Exception {
    HttpResponse<String> close = http.get("/committees/iso-iec-jtc-1-sc-4?lang=en");
    assertThat(close.statusCode()).isEqualTo(404);
    Document d = Jsoup.parse(close.body());
    assertThat(d.text()).contains(PagesTest.say("en", "error.message.committee_near_miss"));
    assertThat(d.select("ul.choices a").eachAttr("href"))
        .contains("/committees/iso-iec-jtc-1-sc-42", "/committees/iso-iec-jtc-1-sc-41");
    assertThat(d.select("ul.choices a").eachText())
        .contains("ISO/IEC JTC 1/SC 42 Artificial intelligence");

    HttpResponse<String> none = http.get("/committees/zzqxw?lang=en");
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(Jsoup.parse(none.body()).select("ul.choices")).isEmpty();
  }

  @Test
  void aRecordsPageNamesItsCommitteeWithItsTitleAndLinksToItsPage() throws Exception {
    JsonNode one =
        ApiTest.body(
            http.get(
                "/api/v1/standards?committee=" + ApiTest.enc("ISO/IEC JTC 1/SC 42") + "&size=1"));
    String id = one.get("items").get(0).get("id").asText();
    Document d = page("/standards/" + id + "?lang=en");
    Element link = d.selectFirst("a[href=/committees/iso-iec-jtc-1-sc-42]");
    assertThat(link).isNotNull();
    assertThat(link.text()).isEqualTo("ISO/IEC JTC 1/SC 42 Artificial intelligence");
  }

  @Test
  void theApiAnswersACommitteeAsOpenapiJsonDescribesIt() throws Exception {
    HttpResponse<String> r = http.get("/api/v1/committees/iso-iec-jtc-1-sc-42");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode b = ApiTest.body(r);
    assertThat(ApiTest.validate(http, "CommitteeResponse", b)).isEmpty();
    assertThat(b.get("reference").asText()).isEqualTo("ISO/IEC JTC 1/SC 42");
    assertThat(b.get("inRegister").asBoolean()).isTrue();
    assertThat(b.get("title").asText()).isEqualTo("Artificial intelligence");
    assertThat(b.get("secretariat").asText()).isEqualTo("ANSI");
    assertThat(b.get("created").asText()).isEqualTo("2017-11-21");
    assertThat(b.get("parent").get("reference").asText()).isEqualTo("ISO/IEC JTC 1");
    assertThat(b.get("scope").asText()).doesNotContain("<");
    assertThat(b.get("committeeLiaisons").findValuesAsText("reference"))
        .contains("ISO/IEC JTC 1/SC 27");
    assertThat(b.get("records").asLong()).isGreaterThan(CommitteeRoutes.PAGE_SIZE);
    JsonNode search = ApiTest.body(http.get(b.get("recordsUrl").asText()));
    assertThat(search.get("total").asLong()).isEqualTo(b.get("records").asLong());

    JsonNode sg13 = ApiTest.body(http.get("/api/v1/committees/itu-t-sg13"));
    assertThat(ApiTest.validate(http, "CommitteeResponse", sg13)).isEmpty();
    assertThat(sg13.get("inRegister").asBoolean()).isFalse();
    assertThat(sg13.get("title").isNull()).isTrue();
    assertThat(sg13.get("records").asLong()).isPositive();

    HttpResponse<String> missed = http.get("/api/v1/committees/iso-iec-jtc-1-sc-4");
    assertThat(missed.statusCode()).isEqualTo(404);
    JsonNode error = ApiTest.body(missed);
    assertThat(ApiTest.validate(http, "Error", error)).isEmpty();
    assertThat(error.get("error").get("code").asText()).isEqualTo("near_miss");
    assertThat(error.get("error").get("choices").findValuesAsText("value"))
        .contains("iso-iec-jtc-1-sc-42");
    assertThat(http.get("/api/v1/committees/zzqxw").statusCode()).isEqualTo(404);
  }
}
