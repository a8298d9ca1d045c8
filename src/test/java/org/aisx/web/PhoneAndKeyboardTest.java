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
          "/taxonomy",
          "/taxonomy/vertical/health",
          "/taxonomy/history",
          "/learn",
          "/learn?kind=workshop&format=in-person",
          "/overlap?record=iso-iec-42001-2023",
          "/overlap?committee=ISO%2FIEC+JTC+1%2FSC+42",
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
          "/admin/import", "/admin/audit", "/admin/users", "/admin/users/coordinator@example.org");

  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static ChromeDriver browser;
  static String base;

  @BeforeAll
  static void start() {
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
            app.accounts().user("contributor@iso.org").orElseThrow());
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
      for (WebElement item :
          browser.findElements(By.cssSelector(".site-header a, .site-header button"))) {
        @SuppressWarnings("unchecked")
        Map<String, Number> box =
            (Map<String, Number>)
                browser.executeScript(
                    "var r = arguments[0].getBoundingClientRect();"
                        + "return {left: r.left, right: r.right};",
                    item);
        if (box.get("left").doubleValue() < 0 || box.get("right").doubleValue() > viewport) {
          offScreen.add(url + at + ": " + item.getText() + " " + box);
        }
      }
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
      // The language and account links stay in view without opening anything.
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

  @Test
  void onAPhoneReviewTablesKeepWholeWordsAndScrollInTheirOwnFocusableNamedFrame() {
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
            // The table scrolls in a frame of its own that the keyboard reaches, named.
            WebElement frame = table.findElement(By.xpath("ancestor::*[@role='region'][1]"));
            assertThat(frame.getDomAttribute("tabindex")).as(url).isEqualTo("0");
            assertThat(frame.getDomAttribute("aria-label")).as(url).isNotBlank();
            browser.executeScript("arguments[0].focus();", frame);
            assertThat(browser.switchTo().activeElement()).as(url).isEqualTo(frame);
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
                            + "   if (n.parentElement.closest('.visually-hidden, meter')) continue;"
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

      // Without JavaScript the panel stays open above the results.
      Chromium.javaScript(browser, false);
      browser.get(base + "/search?q=management+system&lang=en");
      assertThat(offsetTop(browser.findElement(By.id("filters"))))
          .isLessThan(offsetTop(browser.findElement(By.cssSelector("ol.hits li"))));
      assertThat(browser.findElement(By.cssSelector("#facet-sdo input[value='ISO']")).isDisplayed())
          .isTrue();
    } finally {
      Chromium.javaScript(browser, true);
      browser.manage().window().setSize(Chromium.WINDOW);
    }
  }

  @Test
  void onADesktopTheFiltersAreShownBesideTheResultsWithoutAToggle() {
    browser.manage().deleteAllCookies();
    browser.manage().window().setSize(Chromium.WINDOW);
    browser.get(base + "/search?q=management+system&lang=en");
    assertThat(browser.findElement(By.cssSelector("#facet-sdo input[value='ISO']")).isDisplayed())
        .isTrue();
    assertThat(browser.findElement(By.cssSelector("#filters > summary")).isDisplayed()).isFalse();
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
      browser.findElement(By.cssSelector("label[for='" + itu.getAttribute("id") + "']")).click();
      browser.findElement(By.cssSelector("#filter-form button.apply")).click();
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
