package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.account.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Pages on a phone and from the keyboard, in Debian's headless Chromium: at 320 px (the narrowest
 * phones, and what a 1280 px screen shows at 400 % zoom, WCAG 1.4.10) nothing scrolls sideways and
 * every menu item is on screen once the menu is opened, the menu folds behind a toggle that works
 * without JavaScript, the filters are near the top, the first result is a few key presses away, and
 * ticking a filter keeps focus on it.
 */
class PhoneAndKeyboardTest {
  static final Dimension PHONE = new Dimension(390, 844);

  /**
   * 320 CSS px: the width WCAG 1.4.10 asks content to reflow at, which is also what a 1280 px
   * window shows at 400 % zoom (zoom divides the CSS width; Chromium's page zoom cannot be set
   * through WebDriver, so the test sets the width it amounts to).
   */
  static final Dimension NARROW = new Dimension(320, 800);

  static final List<String> LANGUAGES = List.of("en", "fr", "ar", "es", "ru", "zh");
  static final List<String> PUBLIC_PAGES =
      List.of(
          "/",
          "/search?q=management+system&sdo=ISO",
          "/standards/iso-iec-42001-2023",
          // A W3C latest version and its dated edition of the same text (editions/Twins).
          "/standards/w3c-speech-grammar",
          "/standards/w3c-rec-speech-grammar-20040316",
          "/taxonomy",
          "/taxonomy/vertical/health",
          "/taxonomy/history",
          "/learn",
          "/learn?kind=workshop&format=in-person",
          "/overlap?record=iso-iec-42001-2023",
          "/overlap?committee=ISO%2FIEC+JTC+1%2FSC+42",
          "/committees/iso-iec-jtc-1-sc-42",
          "/committees/iso-iec-jtc-1-sc-4",
          "/changes",
          "/landscape?rows=vertical&cols=concern",
          "/landscape/clusters",
          "/landscape/duplicates",
          "/signin",
          "/standards/no-such-record",
          "/suites",
          "/suites/new",
          "/suites/ai-in-health",
          "/suites/ai-in-health/print",
          "/suites/add?record=iso-iec-42001-2023",
          "/glossary",
          "/glossary/ai-system",
          "/about",
          "/accessibility",
          "/data-licences");
  static final List<String> COORDINATOR_PAGES =
      List.of(
          "/search?q=risk",
          "/submissions/new",
          // A change: the record's relations as rows, its concepts ticked.
          "/submissions/new?record=iso-iec-42001-2023",
          "/submissions/new?proposal=resource",
          "/submissions/mine",
          "/account",
          "/review/submissions",
          "/review/field-policy",
          "/review/relations",
          "/review/suggestions",
          "/review/mappings",
          "/taxonomy",
          "/taxonomy/concern/risk-management",
          "/suites/eu-ai-act-high-risk",
          "/signout");
  static final List<String> ADMIN_PAGES =
      List.of(
          "/admin/import",
          "/admin/import/{import}",
          "/admin/audit",
          "/admin/users",
          "/admin/users/coordinator@example.org");

  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static ChromeDriver browser;
  static String base;

  /** The submission waiting for review, whose page compares it with the catalogue. */
  static String submission;

  /** A finished import, whose page shows its summary and a rejected row. */
  static String importJob;

  /**
   * A change waiting for review whose record moved on since (its page's table of what changed since
   * its base) while another is open on the record (its table of the others).
   */
  static String competing;

  @BeforeAll
  static void start() throws Exception {
    app = Fixtures.starter(dir);
    app.loadCuratedSuites();
    Fixtures.user(app, "coordinator@example.org", Role.COORDINATOR);
    Fixtures.user(app, "admin@example.org", Role.ADMIN);
    // A token with a long label, so that the account pages show their table of tokens.
    app.accounts().createToken("coordinator@example.org", "continuous-integration-runner-eu-west");
    // A relation of another body held for review, so that the queue shows a row with its form.
    Fixtures.holdCrossBodyRelation(app);
    // A submission waiting for review, so that the review queue shows its table.
    Fixtures.user(app, "contributor@iso.org", Role.CONTRIBUTOR, "ISO");
    submission =
        app.submissions()
            .submit(
                app.submissions()
                    .draft(
                        org.aisx.catalog.Json.mapper()
                            .valueToTree(
                                Map.of(
                                    "action",
                                    "create",
                                    "record",
                                    Map.of(
                                        "identifier", "ISO 99999",
                                        "title", Map.of("en", "Proposed guidance on AI systems"),
                                        "sdo", "ISO",
                                        "type", "international-standard",
                                        "status", "draft")))),
                app.accounts().user("contributor@iso.org").orElseThrow())
            .id();
    importJob = AdminImportTest.refusedRowImport(app);
    competing = Fixtures.competingSubmissions(app, "iso-iec-42005-2025", "coordinator@example.org");
    server = app.web().start(0);
    base = "http://localhost:" + server.port();
    browser = Chromium.shared();
  }

  @AfterAll
  static void stop() {
    browser.manage().window().setSize(Chromium.WINDOW);
    server.close();
    app.close();
  }

  @Test
  void atPhoneWidthNoPageScrollsSidewaysAndEveryMenuItemIsOnScreen() throws Exception {
    List<String> wide = new ArrayList<>();
    List<String> offScreen = new ArrayList<>();
    int measured = 0;
    for (String lang : LANGUAGES) {
      // Every language at 320 px; Arabic (right to left) at 390 px as well.
      for (Dimension size : lang.equals("ar") ? List.of(NARROW, PHONE) : List.of(NARROW)) {
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(size);
        measured += measure(PUBLIC_PAGES, lang, wide, offScreen);
        signIn("coordinator@example.org");
        browser.manage().window().setSize(size);
        measured += measure(COORDINATOR_PAGES, lang, wide, offScreen);
        assertThat(browser.findElement(By.cssSelector(".signout button")).isDisplayed()).isTrue();
        signIn("admin@example.org");
        browser.manage().window().setSize(size);
        measured += measure(ADMIN_PAGES, lang, wide, offScreen);
      }
    }
    assertThat(measured)
        .isEqualTo(
            (LANGUAGES.size() + 1)
                * (PUBLIC_PAGES.size() + COORDINATOR_PAGES.size() + ADMIN_PAGES.size()));
    assertThat(wide).as("pages wider than the screen").isEmpty();
    assertThat(offScreen).as("header links outside the screen").isEmpty();
  }

  /**
   * Loads each page, compares the document's width with the viewport's with the header menu folded
   * and then opened, and notes every header link or button outside the screen once it is open.
   */
  private static int measure(
      List<String> pages, String lang, List<String> wide, List<String> offScreen) throws Exception {
    int measured = 0;
    for (String page : pages) {
      page = page.replace("{import}", importJob);
      String url = page + (page.contains("?") ? "&" : "?") + "lang=" + lang;
      browser.get(base + url);
      long viewport =
          ((Number) browser.executeScript("return document.documentElement.clientWidth;"))
              .longValue();
      String at = " at " + viewport + " px";
      long folded = scrollWidth();
      if (folded > viewport) {
        wide.add(url + at + ", menu folded: " + folded + " px");
      }
      // Every page but the print view of a suite (which has no header) has the menu.
      for (WebElement toggle : browser.findElements(By.cssSelector(".site-menu > summary"))) {
        if (toggle.isDisplayed()) {
          toggle.click();
        }
        assertThat(visible(browser.findElement(By.cssSelector(".main-nav a"))))
            .as(url + ": the menu is open")
            .isTrue();
      }
      long open = scrollWidth();
      if (open > viewport) {
        wide.add(url + at + ", menu open: " + open + " px");
      }
      // Every header link and button measured in the page in one call (one WebDriver round trip
      // each was most of this test's time).
      @SuppressWarnings("unchecked")
      List<String> outside =
          (List<String>)
              browser.executeScript(
                  "var out = [], width = arguments[0];"
                      + "document.querySelectorAll('.site-header a, .site-header button')"
                      + ".forEach(function (e) {"
                      + "  var r = e.getBoundingClientRect();"
                      + "  if (r.left < 0 || r.right > width) {"
                      + "    out.push(e.innerText + ' {left=' + r.left + ', right=' + r.right + '}');"
                      + "  }"
                      + "});"
                      + "return out;",
                  viewport);
      outside.forEach(item -> offScreen.add(url + at + ": " + item));
      measured++;
    }
    if (lang.equals("ar") || lang.equals("en")) {
      screenshot(
          "phone-"
              + lang
              + "-"
              + browser.manage().window().getSize().getWidth()
              + "-"
              + pages.size());
    }
    return measured;
  }

  private static long scrollWidth() {
    return ((Number) browser.executeScript("return document.documentElement.scrollWidth;"))
        .longValue();
  }

  @Test
  void onANarrowScreenTheMainMenuFoldsBehindAToggleThatWorksWithoutJavaScript() {
    browser.manage().deleteAllCookies();
    Chromium.javaScript(browser, false);
    try {
      browser.manage().window().setSize(NARROW);
      browser.get(base + "/search?q=risk&lang=ar");
      WebElement toggle = browser.findElement(By.cssSelector(".site-menu > summary"));
      WebElement search = browser.findElement(By.cssSelector(".main-nav a[href='/search']"));
      assertThat(toggle.isDisplayed()).isTrue();
      assertThat(toggle.getText()).isEqualTo("القائمة");
      assertThat(visible(search)).as("folded at first").isFalse();
      // The language links stay in view without opening anything.
      assertThat(browser.findElement(By.cssSelector(".lang-nav a[hreflang='en']")).isDisplayed())
          .isTrue();
      toggle.click();
      assertThat(visible(search)).isTrue();
      search.click();
      new WebDriverWait(browser, Duration.ofSeconds(10))
          .until(ExpectedConditions.urlContains("/search"));

      // On a wide screen the menu is simply there, without a toggle.
      browser.manage().window().setSize(Chromium.WINDOW);
      browser.get(base + "/about?lang=en");
      assertThat(browser.findElement(By.cssSelector(".site-menu > summary")).isDisplayed())
          .isFalse();
      assertThat(visible(browser.findElement(By.cssSelector(".main-nav a[href='/search']"))))
          .isTrue();
    } finally {
      Chromium.javaScript(browser, true);
      browser.manage().window().setSize(Chromium.WINDOW);
    }
  }

  @Test
  void wideTablesScrollInTheirOwnBoxAndKeepTheirFirstColumnInView() {
    browser.manage().deleteAllCookies();
    browser.manage().window().setSize(NARROW);
    try {
      browser.get(base + "/landscape?rows=vertical&cols=concern&lang=en");
      browser.findElement(By.cssSelector(".map-table > summary")).click();
      WebElement box = browser.findElement(By.cssSelector(".map-table .table-scroll"));
      WebElement key = box.findElement(By.cssSelector("tbody tr > :first-child"));
      long boxWidth =
          ((Number) browser.executeScript("return arguments[0].clientWidth;", box)).longValue();
      long tableWidth =
          ((Number) browser.executeScript("return arguments[0].scrollWidth;", box)).longValue();
      assertThat(tableWidth).as("the table is wider than its box").isGreaterThan(boxWidth);
      assertThat(scrollWidth()).isLessThanOrEqualTo(320);
      double before = left(key);
      browser.executeScript("arguments[0].scrollLeft = arguments[0].scrollWidth;", box);
      // Unstuck, it would move by the whole scrolled width; stuck, by at most a rounding.
      assertThat(left(key))
          .as("the key column stays where it was")
          .isCloseTo(before, org.assertj.core.api.Assertions.within(1.0));
    } finally {
      browser.manage().window().setSize(Chromium.WINDOW);
    }
  }

  @Test
  void onAPhoneTheHeatMapKeepsReadableLabelsAndScrollsInItsOwnFocusableFrame() {
    for (String lang : List.of("en", "ar")) {
      browser.manage().deleteAllCookies();
      browser.manage().window().setSize(PHONE);
      try {
        browser.get(base + "/landscape?rows=vertical&cols=concern&lang=" + lang);
        WebElement frame = browser.findElement(By.cssSelector(".map-frame"));
        // The smallest label of the rows and columns as drawn on the screen, in CSS px.
        double smallest =
            ((Number)
                    browser.executeScript(
                        "var min = Infinity;"
                            + " arguments[0].querySelectorAll('svg.heatmap > text').forEach(t => {"
                            + "   var m = t.getScreenCTM();"
                            + "   var px = Math.hypot(m.a, m.b) * parseFloat(getComputedStyle(t).fontSize);"
                            + "   min = Math.min(min, px); });"
                            + " return min;",
                        frame))
                .doubleValue();
        assertThat(smallest).as(lang + " label size in px").isGreaterThanOrEqualTo(11.0);
        // The map is wider than the phone: its frame scrolls, the page does not.
        long frameWidth =
            ((Number) browser.executeScript("return arguments[0].clientWidth;", frame)).longValue();
        long mapWidth =
            ((Number) browser.executeScript("return arguments[0].scrollWidth;", frame)).longValue();
        assertThat(mapWidth).as(lang).isGreaterThan(frameWidth);
        assertThat(scrollWidth()).as(lang).isLessThanOrEqualTo(PHONE.width);
        // A scrolling region that the keyboard reaches, named for a screen reader.
        assertThat(frame.getDomAttribute("tabindex")).isEqualTo("0");
        assertThat(frame.getDomAttribute("role")).isEqualTo("region");
        assertThat(frame.getDomAttribute("aria-label")).isNotBlank();
        browser.executeScript("arguments[0].focus();", frame);
        assertThat(browser.switchTo().activeElement()).isEqualTo(frame);
        // The map is drawn left to right in every language: it opens on its row labels.
        WebElement firstRow = frame.findElement(By.cssSelector("svg.heatmap > text"));
        assertThat(left(firstRow)).as(lang).isGreaterThanOrEqualTo(left(frame) - 1);
        assertThat(left(firstRow)).as(lang).isLessThan(left(frame) + frameWidth);
      } finally {
        browser.manage().window().setSize(Chromium.WINDOW);
      }
    }
  }

  /** The review queues whose tables coordinators work in. */
  static final List<String> REVIEW_TABLES =
      List.of(
          "/review/submissions", "/review/suggestions", "/review/mappings", "/review/relations");

  /**
   * Pages with tables: a record's relations, related work and history, the overlap results, the
   * changes, a submission's comparison, the review queues and the admin lists.
   */
  static List<String> tablePages() {
    List<String> pages =
        new ArrayList<>(
            List.of(
                "/standards/iso-iec-42001-2023",
                "/overlap?record=iso-iec-42001-2023",
                "/overlap?committee=ISO%2FIEC+JTC+1%2FSC+42",
                "/changes",
                "/taxonomy/history",
                "/landscape/duplicates",
                "/suites/ai-in-health",
                "/suites/ai-in-health/print",
                "/submissions/" + submission,
                "/submissions/" + competing,
                "/review/field-policy",
                "/admin/users",
                "/admin/audit",
                "/admin/users/coordinator@example.org"));
    pages.addAll(REVIEW_TABLES);
    return pages;
  }

  /**
   * What is wrong with the tables of the page shown, as a phone shows them: a row that is not a
   * card, a cell not named by its column's heading (data-label) or not a row heading, a hidden
   * cell, a cell outside the screen. The landscape's tables, which scroll in their own frame, are
   * left out (see {@link #wideTablesScrollInTheirOwnBoxAndKeepTheirFirstColumnInView}).
   */
  @SuppressWarnings("unchecked")
  private static List<String> tableFaults() {
    return (List<String>)
        browser.executeScript(
            "var out = []; var width = document.documentElement.clientWidth;"
                + " document.querySelectorAll('main table').forEach((table, n) => {"
                + "  if (table.closest('.table-scroll')) return;"
                + "  var name = 'table ' + n + ' ' + table.className;"
                + "  var heads = Array.from(table.querySelectorAll('thead th'))"
                + "    .map(th => th.textContent.trim());"
                + "  table.querySelectorAll('th, td').forEach(c => {"
                + "   var st = getComputedStyle(c);"
                + "   if (st.display === 'none' || st.visibility === 'hidden')"
                + "    out.push(name + ': hidden: ' + c.textContent.trim()); });"
                + "  table.querySelectorAll('tbody tr').forEach(tr => {"
                + "   if (getComputedStyle(tr).display === 'table-row') {"
                + "    out.push(name + ': a row of columns, not a card'); return; }"
                + "   Array.from(tr.children).forEach((cell, i) => {"
                + "    var r = cell.getBoundingClientRect();"
                + "    if (r.left < -0.5 || r.right > width + 0.5)"
                + "     out.push(name + ': off screen ' + Math.round(r.left) + '..' + Math.round(r.right));"
                + "    if (cell.tagName === 'TH') {"
                + "     if (cell.getAttribute('scope') !== 'row') out.push(name + ': th not a row heading');"
                + "    } else if ((cell.getAttribute('data-label') || '').trim() !== heads[i]) {"
                + "     out.push(name + ': cell ' + i + ' named ' + cell.getAttribute('data-label')"
                + "      + ' under ' + heads[i]); } }); }); });"
                + " return out;");
  }

  @Test
  void onAPhoneEveryTableShowsEachRowAsACardNamingEveryValueWithNothingHidden() {
    List<String> faults = new ArrayList<>();
    List<String> withRows = new ArrayList<>();
    try {
      for (String lang : List.of("en", "ar")) {
        signIn("admin@example.org");
        browser.manage().window().setSize(PHONE);
        for (String page : tablePages()) {
          String url = page + (page.contains("?") ? "&" : "?") + "lang=" + lang;
          browser.get(base + url);
          tableFaults().forEach(f -> faults.add(url + ": " + f));
          if (!browser.findElements(By.cssSelector("main table tbody tr")).isEmpty()) {
            withRows.add(page);
          }
          long width =
              ((Number) browser.executeScript("return document.scrollingElement.scrollWidth;"))
                  .longValue();
          long inner = ((Number) browser.executeScript("return innerWidth;")).longValue();
          if (width > inner) {
            faults.add(url + ": the page scrolls sideways, " + width + " px");
          }
        }
      }
    } finally {
      browser.manage().window().setSize(Chromium.WINDOW);
    }
    assertThat(withRows)
        .as("the pages whose tables have rows")
        .contains(
            "/standards/iso-iec-42001-2023",
            "/overlap?record=iso-iec-42001-2023",
            "/changes",
            "/submissions/" + submission,
            "/submissions/" + competing,
            "/admin/users",
            "/admin/audit",
            "/review/submissions",
            "/review/relations");
    assertThat(faults).isEmpty();

    // On a wide screen they are tables, every column in view.
    signIn("admin@example.org");
    browser.get(base + "/standards/iso-iec-42001-2023?lang=en");
    assertThat(browser.findElement(By.cssSelector("table.history tbody tr")).getCssValue("display"))
        .isEqualTo("table-row");
    assertThat(browser.findElement(By.cssSelector("table.history thead")).isDisplayed()).isTrue();
  }

  @Test
  void onAPhoneReviewTablesKeepWholeWords() {
    List<String> broken = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    try {
      for (String lang : List.of("en", "fr", "ru", "ar")) {
        signIn("coordinator@example.org");
        browser.manage().window().setSize(PHONE);
        for (String page : REVIEW_TABLES) {
          String url = page + "?lang=" + lang;
          browser.get(base + url);
          for (WebElement table : browser.findElements(By.cssSelector("main table"))) {
            seen.add(url);
            // No word of a heading or cell is split over two lines to fit the phone (a break
            // after a hyphen or slash, where lines may end, is no split).
            @SuppressWarnings("unchecked")
            List<String> split =
                (List<String>)
                    browser.executeScript(
                        "var out = [];"
                            + " arguments[0].querySelectorAll('th, td').forEach(cell => {"
                            + "  var walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);"
                            + "  for (var n = walk.nextNode(); n; n = walk.nextNode()) {"
                            + "   if (n.parentElement.closest('.visually-hidden, meter, thead')) continue;"
                            + "   var re = /[^\\s\\-\\/]+/g, m;"
                            + "   while ((m = re.exec(n.data))) {"
                            + "    var r = document.createRange();"
                            + "    r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);"
                            + "    var tops = new Set(Array.from(r.getClientRects())"
                            + "      .map(x => Math.round(x.top)));"
                            + "    if (tops.size > 1) out.push(m[0]); } } });"
                            + " return out;",
                        table);
            split.forEach(w -> broken.add(url + ": " + w));
          }
          assertThat(scrollWidth()).as(url).isLessThanOrEqualTo(PHONE.width);
        }
      }
    } finally {
      browser.manage().window().setSize(Chromium.WINDOW);
    }
    assertThat(seen)
        .as("the queues with a table")
        .anyMatch(u -> u.startsWith("/review/submissions"))
        .anyMatch(u -> u.startsWith("/review/relations"));
    assertThat(broken).as("words split to fit the phone").isEmpty();
  }

  /**
   * Whether the element is painted where the user can click it. (WebDriver's own isDisplayed calls
   * everything inside a closed {@code <details>} hidden, even when the style sheet shows it, as the
   * header menu's does on a wide screen.)
   */
  private static boolean visible(WebElement e) {
    return (Boolean)
        browser.executeScript(
            "var e = arguments[0]; e.scrollIntoView({block: 'center'});"
                + " var r = e.getBoundingClientRect();"
                + " if (r.width === 0 || r.height === 0) return false;"
                + " var hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                + " return hit !== null && (hit === e || e.contains(hit));",
            e);
  }

  private static double left(WebElement e) {
    return ((Number) browser.executeScript("return arguments[0].getBoundingClientRect().left;", e))
        .doubleValue();
  }

  @Test
  void onAPhoneTheFiltersAreAFoldedPanelAboveTheResults() {
    browser.manage().deleteAllCookies();
    browser.manage().window().setSize(PHONE);
    try {
      browser.get(base + "/search?q=management+system&lang=en");
      WebElement panel = browser.findElement(By.id("filters"));
      long panelTop = offsetTop(panel);
      long firstResultTop = offsetTop(browser.findElement(By.cssSelector("ol.hits li")));
      assertThat(panelTop).isLessThan(firstResultTop).isLessThan(900);
      WebElement iso = browser.findElement(By.cssSelector("#facet-sdo input[value='ISO']"));
      assertThat(iso.isDisplayed()).as("folded at first").isFalse();
      panel.findElement(By.tagName("summary")).click();
      assertThat(iso.isDisplayed()).isTrue();

      // Without JavaScript too the panel is folded above the results, and opens.
      Chromium.javaScript(browser, false);
      browser.get(base + "/search?q=management+system&lang=en");
      assertThat(offsetTop(browser.findElement(By.id("filters"))))
          .isLessThan(offsetTop(browser.findElement(By.cssSelector("ol.hits li"))))
          .isLessThan(900);
      WebElement box = browser.findElement(By.cssSelector("#facet-sdo input[value='ISO']"));
      assertThat(visible(box)).as("folded without JavaScript").isFalse();
      browser.findElement(By.cssSelector("#filters > summary")).click();
      assertThat(visible(box)).isTrue();
    } finally {
      Chromium.javaScript(browser, true);
      browser.manage().window().setSize(Chromium.WINDOW);
    }
  }

  @Test
  void onADesktopTheFiltersAreShownBesideTheResultsWithoutAToggle() {
    browser.manage().deleteAllCookies();
    browser.manage().window().setSize(Chromium.WINDOW);
    try {
      for (boolean script : List.of(true, false)) {
        Chromium.javaScript(browser, script);
        browser.get(base + "/search?q=management+system&lang=en");
        WebElement box = browser.findElement(By.cssSelector("#facet-sdo input[value='ISO']"));
        assertThat(visible(box)).as("JavaScript " + script).isTrue();
        assertThat(browser.findElement(By.cssSelector("#filters > summary")).isDisplayed())
            .as("JavaScript " + script)
            .isFalse();
        // Beside the results, not above them.
        assertThat(left(browser.findElement(By.id("filters"))))
            .as("JavaScript " + script)
            .isLessThan(left(browser.findElement(By.cssSelector("ol.hits li"))));
        assertThat(offsetTop(box))
            .as("JavaScript " + script)
            .isLessThan(offsetTop(browser.findElement(By.cssSelector("ol.hits li"))) + 400);
      }
    } finally {
      Chromium.javaScript(browser, true);
    }
  }

  @Test
  void theFirstResultIsFourKeyPressesFromTheTopThroughTheSkipLink() {
    browser.manage().deleteAllCookies();
    browser.manage().window().setSize(Chromium.WINDOW);
    browser.get(base + "/search?q=management+system&lang=en");
    String firstResult =
        browser.findElement(By.cssSelector("ol.hits li h3 a")).getAttribute("href");
    Actions keys = new Actions(browser);
    keys.sendKeys(Keys.TAB).perform();
    assertThat(focused().getAttribute("href")).endsWith("#main");
    keys.sendKeys(Keys.TAB).perform();
    assertThat(focused().getText()).isEqualTo("Skip to results");
    keys.sendKeys(Keys.ENTER).perform();
    keys.sendKeys(Keys.TAB).perform();
    assertThat(focused().getAttribute("href")).isEqualTo(firstResult);
  }

  @Test
  void tickingAFilterKeepsKeyboardFocusOnThatFilter() {
    browser.manage().deleteAllCookies();
    browser.manage().window().setSize(Chromium.WINDOW);
    browser.get(base + "/search?q=management+system&lang=en");
    WebElement itu = browser.findElement(By.cssSelector("#facet-sdo input[value='ITU-T']"));
    String id = itu.getAttribute("id");
    itu.sendKeys(Keys.SPACE);
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("sdo=ITU-T"));
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> id.equals(focused().getAttribute("id")));
    assertThat(focused().isSelected()).isTrue();

    // On a phone the collapsed panel opens to show the focused box.
    browser.manage().window().setSize(PHONE);
    WebElement ieee = browser.findElement(By.cssSelector("#facet-sdo input[value='ISO']"));
    browser.get(base + "/search?q=management+system&lang=en&sdo=ISO#" + ieee.getAttribute("id"));
    WebElement box = focused();
    assertThat(box.getAttribute("value")).isEqualTo("ISO");
    assertThat(box.isDisplayed()).isTrue();
    browser.manage().window().setSize(Chromium.WINDOW);
  }

  @Test
  void withoutJavaScriptApplyingFiltersReturnsToThePanel() {
    browser.manage().deleteAllCookies();
    browser.manage().window().setSize(Chromium.WINDOW);
    Chromium.javaScript(browser, false);
    try {
      browser.get(base + "/search?q=machine+learning&lang=en");
      WebElement itu = browser.findElement(By.cssSelector("#facet-sdo input[value='ITU-T']"));
      // The panel is a folded <details> that the style sheet shows beside the results: WebDriver
      // calls what it holds hidden and will not click it, so the mouse clicks where it is drawn.
      WebElement label =
          browser.findElement(By.cssSelector("label[for='" + itu.getAttribute("id") + "']"));
      assertThat(visible(label)).isTrue();
      new Actions(browser).moveToElement(label).click().perform();
      assertThat(itu.isSelected()).isTrue();
      WebElement apply = browser.findElement(By.cssSelector("#filter-form button.apply"));
      assertThat(visible(apply)).isTrue();
      new Actions(browser).moveToElement(apply).click().perform();
      new WebDriverWait(browser, Duration.ofSeconds(10))
          .until(ExpectedConditions.urlContains("sdo=ITU-T"));
      assertThat(browser.getCurrentUrl()).endsWith("#filters");
      // The next Tab starts from the panel: it lands inside it, not back in the header.
      new Actions(browser).sendKeys(Keys.TAB).perform();
      assertThat(
              (Boolean)
                  browser.executeScript(
                      "return document.getElementById('filters').contains(document.activeElement);"))
          .isTrue();
    } finally {
      Chromium.javaScript(browser, true);
    }
  }

  /** Pages with forms, as an admin sees them. */
  static final List<String> FORM_PAGES =
      List.of(
          "/search?q=risk",
          "/landscape?rows=vertical&cols=concern",
          "/overlap",
          "/learn",
          "/glossary",
          "/submissions/new",
          "/submissions/new?proposal=resource",
          "/suites/new",
          "/suites/eu-ai-act-high-risk",
          "/suites/add?record=iso-iec-42001-2023",
          "/taxonomy/concern/risk-management",
          "/review/suggestions",
          "/review/mappings",
          "/review/relations",
          "/review/field-policy",
          "/admin/import",
          "/admin/audit",
          "/admin/users/coordinator@example.org",
          "/account",
          "/signout");

  @Test
  void onAPhoneFormControlsHaveSixteenPixelTextAndTargetsFortyFourPixelsHigh() {
    List<String> small = new ArrayList<>();
    int measured = 0;
    try {
      signIn("admin@example.org");
      browser.manage().window().setSize(PHONE);
      for (String page : FORM_PAGES) {
        browser.get(base + page + (page.contains("?") ? "&" : "?") + "lang=en");
        // Every folded panel opened (the menu, the filters), so that its controls are measured.
        @SuppressWarnings("unchecked")
        List<Object> found =
            (List<Object>)
                browser.executeScript(
                    "document.querySelectorAll('details').forEach(d => d.open = true);"
                        + " var out = [], n = 0;"
                        + " document.querySelectorAll('input:not([type=hidden]), select, textarea,"
                        + "   button, .site-menu > summary, .filter-panel > summary').forEach(e => {"
                        + "  var r = e.getBoundingClientRect();"
                        + "  if (r.width === 0 && r.height === 0) return;"
                        + "  var st = getComputedStyle(e); n++;"
                        + "  var name = e.tagName.toLowerCase() + (e.type ? '[' + e.type + ']' : '')"
                        + "   + ' ' + (e.id || e.name || e.textContent.trim().slice(0, 30));"
                        + "  var box = e.type === 'checkbox' || e.type === 'radio';"
                        + "  if (!box && parseFloat(st.fontSize) < 16) out.push(name + ': ' + st.fontSize);"
                        + "  var high = r.height;"
                        + "  if (box) Array.from(e.labels || [])"
                        + "   .forEach(l => high = Math.max(high, l.getBoundingClientRect().height));"
                        + "  if (high < 43.5) out.push(name + ': ' + high.toFixed(1) + ' px high'); });"
                        + " return [n, out];");
        measured += ((Number) found.get(0)).intValue();
        @SuppressWarnings("unchecked")
        List<String> faults = (List<String>) found.get(1);
        faults.forEach(f -> small.add(page + ": " + f));
      }
    } finally {
      browser.manage().window().setSize(Chromium.WINDOW);
    }
    assertThat(measured).as("controls measured").isGreaterThan(100);
    assertThat(small).as("controls under 16 px text or 44 px height").isEmpty();
  }

  @Test
  void theKeyboardFocusRingContrastsThreeToOneWithWhatIsAroundIt() {
    List<String> faint = new ArrayList<>();
    int focused = 0;
    try {
      signIn("coordinator@example.org");
      for (Dimension size : List.of(Chromium.WINDOW, PHONE)) {
        browser.manage().window().setSize(size);
        for (String page :
            List.of(
                "/search?q=management+system&lang=en",
                "/standards/w3c-crd-webnn-20260310?lang=ar",
                "/review/relations?lang=en")) {
          browser.get(base + page);
          // Open the menu on a phone, so that its links are reached too.
          for (WebElement toggle : browser.findElements(By.cssSelector(".site-menu > summary"))) {
            if (toggle.isDisplayed()) {
              browser.executeScript("arguments[0].parentElement.open = true;", toggle);
            }
          }
          for (int i = 0; i < 60; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            String fault = (String) browser.executeScript(FOCUS_RING);
            focused++;
            if (fault != null) {
              faint.add(page + " at " + size.getWidth() + " px: " + fault);
            }
          }
        }
      }
    } finally {
      browser.manage().window().setSize(Chromium.WINDOW);
    }
    assertThat(focused).isEqualTo(2 * 3 * 60);
    assertThat(faint).isEmpty();
  }

  /**
   * What is wrong with the focus ring of the focused element (null if nothing): no ring, thinner
   * than 2 px, or of a colour with less than 3:1 contrast with the background it is drawn on (the
   * colour behind the element's parent). Elements of an SVG picture draw their own (a stroke).
   */
  private static final String FOCUS_RING =
      "var e = document.activeElement;"
          + " if (!e || e === document.body || e.closest('svg')) return null;"
          + " var st = getComputedStyle(e);"
          + " var name = e.tagName + ' ' + (e.id || e.getAttribute('href') || e.textContent.trim().slice(0, 30));"
          + " if (st.outlineStyle === 'none' || parseFloat(st.outlineWidth) < 2)"
          + "  return name + ': no ring (' + st.outlineStyle + ' ' + st.outlineWidth + ')';"
          + " function rgb(c) { var m = c.match(/[\\d.]+/g).map(Number);"
          + "  return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; }"
          + " function lum(c) { return [c.r, c.g, c.b].map(v => { v /= 255;"
          + "  return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })"
          + "  .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0); }"
          + " var back = {r: 255, g: 255, b: 255, a: 1};"
          + " for (var p = e.parentElement; p; p = p.parentElement) {"
          + "  var c = rgb(getComputedStyle(p).backgroundColor); if (c.a > 0) { back = c; break; } }"
          + " var ring = rgb(st.outlineColor);"
          + " var a = lum(ring), b = lum(back);"
          + " var ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);"
          + " return ratio < 3 ? name + ': ' + st.outlineColor + ' on '"
          + "  + getComputedStyle(p || document.body).backgroundColor + ', ' + ratio.toFixed(2) + ':1' : null;";

  @Test
  void onAPhoneEveryHeatMapLabelStaysInsideTheMapWrappedOrShortenedWithItsWholeTextInItsTitle() {
    List<String> outside = new ArrayList<>();
    List<String> garbled = new ArrayList<>();
    int labels = 0;
    int wrapped = 0;
    try {
      browser.manage().deleteAllCookies();
      browser.manage().window().setSize(PHONE);
      for (String lang : LANGUAGES) {
        for (String axes :
            List.of(
                "rows=vertical&cols=concern",
                "rows=committee&cols=application",
                "rows=concern&cols=activity")) {
          String url = "/landscape?" + axes + "&lang=" + lang;
          browser.get(base + url);
          @SuppressWarnings("unchecked")
          List<Map<String, Object>> drawn =
              (List<Map<String, Object>>)
                  browser.executeScript(
                      "var svg = document.querySelector('svg.heatmap');"
                          + " var box = svg.getBoundingClientRect();"
                          + " return Array.from(svg.querySelectorAll(':scope > text')).map(t => {"
                          + "  var r = t.getBoundingClientRect();"
                          + "  return {title: t.querySelector('title').textContent,"
                          + "   lines: Array.from(t.querySelectorAll('tspan')).map(s => s.textContent),"
                          + "   inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5"
                          + "    && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5}; });");
          for (Map<String, Object> label : drawn) {
            labels++;
            String title = (String) label.get("title");
            @SuppressWarnings("unchecked")
            List<String> lines = (List<String>) label.get("lines");
            if (!(Boolean) label.get("inside")) {
              outside.add(url + ": " + title);
            }
            if (lines.size() > 1) {
              wrapped++;
            }
            // Spaces and the isolates of right-to-left pages (FSI, PDI) are not seen.
            String shown = String.join("", lines).replaceAll("[\\s\u2068\u2069]", "");
            String whole = title.replaceAll("[\\s\u2068\u2069]", "");
            boolean shortened =
                shown.endsWith("…") && whole.startsWith(shown.substring(0, shown.length() - 1));
            if (lines.isEmpty() || lines.size() > 2 || !(shown.equals(whole) || shortened)) {
              garbled.add(url + ": " + title + " drawn as " + lines);
            }
          }
        }
      }
    } finally {
      browser.manage().window().setSize(Chromium.WINDOW);
    }
    assertThat(labels).isGreaterThan(100);
    assertThat(outside).as("labels reaching outside the map").isEmpty();
    assertThat(garbled).isEmpty();
    assertThat(wrapped).as("labels drawn on two lines").isGreaterThan(0);
  }

  @Test
  void arrowsAndBreadcrumbSeparatorsPointTheWayThePageReads() {
    browser.manage().deleteAllCookies();
    // Wide, so that the change log's short changes ("Proyecto → Proyecto reemplazado") keep both
    // values on one line beside the longer labels of who made them: the order is what is checked.
    browser.manage().window().setSize(new Dimension(1920, 1000));
    try {
      arrowsPointTheWayThePageReads();
    } finally {
      browser.manage().window().setSize(Chromium.WINDOW);
    }
  }

  private void arrowsPointTheWayThePageReads() {
    for (String lang : LANGUAGES) {
      boolean rtl = lang.equals("ar");
      String forward = rtl ? "←" : "→";
      // The breadcrumb: the separator points from the search to the record.
      browser.get(base + "/standards/iso-iec-42001-2023?lang=" + lang);
      WebElement crumbs = browser.findElement(By.cssSelector(".breadcrumb"));
      assertThat(crumbs.getText()).as(lang).contains(rtl ? " ‹ " : " › ");
      assertThat(crumbs.getText()).as(lang).doesNotContain(rtl ? "›" : "‹");
      WebElement search = crumbs.findElement(By.cssSelector("a[href='/search']"));
      WebElement separator = crumbs.findElement(By.cssSelector(".crumb-sep"));
      WebElement here = crumbs.findElement(By.xpath("./*[last()]"));
      assertThat(separator.getText()).as(lang).isEqualTo(rtl ? "‹" : "›");
      // Drawn left to right, where the browser does not mirror it into the other angle.
      assertThat(separator.getCssValue("direction")).as(lang).isEqualTo("ltr");
      if (rtl) {
        assertThat(left(search)).as(lang).isGreaterThan(left(separator));
        assertThat(left(separator)).as(lang).isGreaterThan(left(here));
      } else {
        assertThat(left(search)).as(lang).isLessThan(left(separator));
        assertThat(left(separator)).as(lang).isLessThan(left(here));
      }
      // A change in the history, old and new value each on one line, the same: from the old
      // value to the new one.
      browser.get(base + "/changes?lang=" + lang);
      // Polled: the layout may settle after the load event (fonts), and a check made before it
      // saw every change wrapped.
      WebElement change =
          Chromium.waiting(browser, java.time.Duration.ofSeconds(30))
              .withMessage(
                  lang + ": no change of the log with its old and new values each on one line")
              .until(
                  d ->
                      d.findElements(By.xpath("//td[del and ins]")).stream()
                          .filter(
                              td ->
                                  (Boolean)
                                      browser.executeScript(
                                          // Each value kept on one line (a narrow column may
                                          // wrap "Proyecto reemplazado"): the order is checked.
                                          "arguments[0].querySelector('del').style.whiteSpace ="
                                              + " 'nowrap';"
                                              + " arguments[0].querySelector('ins').style.whiteSpace"
                                              + " = 'nowrap';"
                                              + " var a = arguments[0].querySelector('del').getClientRects(),"
                                              + " b = arguments[0].querySelector('ins').getClientRects();"
                                              + " return a.length === 1 && b.length === 1"
                                              + "  && Math.abs(a[0].top - b[0].top) < 2;",
                                          td))
                          .findFirst()
                          .orElse(null));
      WebElement was = change.findElement(By.tagName("del"));
      WebElement now = change.findElement(By.tagName("ins"));
      assertThat(change.getText()).as(lang).contains(" " + forward + " ");
      assertThat(change.getText()).as(lang).doesNotContain(rtl ? "→" : "←");
      if (rtl) {
        assertThat(left(was)).as(lang).isGreaterThan(left(now));
      } else {
        assertThat(left(was)).as(lang).isLessThan(left(now));
      }
      // The pager's "next" ends with the arrow that leads on, "previous" starts with the other.
      browser.get(base + "/search?q=management+system&page=2&lang=" + lang);
      assertThat(browser.findElement(By.cssSelector(".pager a[rel=next]")).getText())
          .as(lang)
          .endsWith(" " + forward);
      assertThat(browser.findElement(By.cssSelector(".pager a[rel=prev]")).getText())
          .as(lang)
          .startsWith((rtl ? "→" : "←") + " ");
    }
  }

  @Test
  void onAPhoneTheAccountLinksAreInTheMenuWithOrWithoutJavaScript() {
    try {
      for (boolean script : List.of(false, true)) {
        signIn("admin@example.org");
        Chromium.javaScript(browser, script);
        browser.manage().window().setSize(PHONE);
        browser.get(base + "/taxonomy?lang=en");
        List<WebElement> account = new ArrayList<>();
        for (String href :
            List.of(
                "/account",
                "/submissions/mine",
                "/review/relations",
                "/review/submissions",
                "/review/field-policy",
                "/admin/users",
                "/admin/import",
                "/admin/audit")) {
          account.add(browser.findElement(By.cssSelector(".site-header a[href='" + href + "']")));
        }
        account.add(browser.findElement(By.cssSelector(".site-header .signout button")));
        WebElement toggle = browser.findElement(By.cssSelector(".site-menu > summary"));
        for (WebElement link : account) {
          assertThat(link.findElements(By.xpath("ancestor::details[@class='site-menu']")))
              .as(link.getText() + " in the menu")
              .hasSize(1);
          assertThat(visible(link)).as(link.getText() + ", menu folded").isFalse();
        }
        toggle.click();
        for (WebElement link : account) {
          assertThat(visible(link)).as(link.getText() + ", menu open").isTrue();
        }
        // The menu's last item signs out.
        account.get(account.size() - 1).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
            .until(d -> d.findElements(By.cssSelector(".account-nav .who")).isEmpty());
      }
    } finally {
      Chromium.javaScript(browser, true);
      browser.manage().window().setSize(Chromium.WINDOW);
    }
  }

  private static WebElement focused() {
    return browser.switchTo().activeElement();
  }

  private static long offsetTop(WebElement e) {
    return ((Number)
            browser.executeScript(
                "return arguments[0].getBoundingClientRect().top + window.scrollY;", e))
        .longValue();
  }

  private static void signIn(String email) {
    browser.manage().deleteAllCookies();
    browser.manage().window().setSize(Chromium.WINDOW);
    browser.get(base + "/signin?lang=en");
    browser.findElement(By.id("email")).sendKeys(email);
    browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD, Keys.ENTER);
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".account-nav .who")));
  }

  private static void screenshot(String name) throws Exception {
    Path target = Path.of("target", "screenshots");
    Files.createDirectories(target);
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(target.resolve(name + ".png"), png);
  }
}
