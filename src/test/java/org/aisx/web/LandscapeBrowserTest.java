package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.landscape.HeatMap;
import org.aisx.search.Axis;
import org.aisx.search.Facet;
import org.aisx.search.SearchRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The heat-map in Debian's headless Chromium: {@code /landscape?rows=vertical&cols=concern} draws
 * every cell, the health × transparency cell is reached from the keyboard and clicked through to
 * the search page, which shows the same count.
 */
@ResourceLock(Chromium.SHARED)
class LandscapeBrowserTest {
  /** The search page's heading when nothing matches (messages_en.properties, results.none). */
  static final String NO_RESULTS = "No results";

  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static ChromeDriver browser;
  static String base;

  @BeforeAll
  static void start() {
    app = Fixtures.classifiedStarter(dir);
    app.embedder().embed("warm-up");
    server = app.web().start(0);
    base = "http://localhost:" + server.port();
    browser = Chromium.shared();
    browser.manage().window().setSize(Chromium.WINDOW);
  }

  @AfterAll
  static void stop() {
    server.close();
    app.close();
  }

  @Test
  void theMapShowsEveryCellAndTheHealthTransparencyCellClicksThroughToASearchWithItsCount() {
    browser.manage().deleteAllCookies();
    browser.get(base + "/landscape?rows=vertical&cols=concern&lang=en");
    List<WebElement> cells = browser.findElements(By.cssSelector("svg.heatmap a.hm-cell"));
    assertThat(cells).hasSize(13 * 15);
    HeatMap expected =
        app.landscape()
            .heatMap(
                SearchRequest.all().includingSuggestions(true),
                new Axis.OfFacet(Facet.VERTICAL),
                new Axis.OfFacet(Facet.CONCERN));
    long count =
        expected.cells().stream()
            .filter(c -> c.row().equals("health") && c.col().equals("transparency-explainability"))
            .findFirst()
            .orElseThrow()
            .count();
    WebElement cell =
        browser.findElement(
            By.cssSelector(
                "svg.heatmap a.hm-cell[href*='vertical=health'][href*='concern=transparency-explainability']"));
    // The number drawn in the cell (its <title> holds the description).
    assertThat(cell.findElement(By.cssSelector("text")).getText()).isEqualTo(Long.toString(count));
    // Gaps are marked by a pattern, not by colour alone.
    assertThat(
            browser.findElements(
                By.cssSelector("svg.heatmap a.hm-cell rect[fill='url(#hm-hatch)']")))
        .hasSize(expected.gaps().size());
    // Cells are links in the tab order: focus it and follow it with Enter.
    browser.executeScript("arguments[0].focus();", cell);
    assertThat(browser.switchTo().activeElement().getDomAttribute("href"))
        .isEqualTo(cell.getDomAttribute("href"));
    browser.switchTo().activeElement().sendKeys(Keys.ENTER);
    Chromium.waiting(browser, Duration.ofSeconds(30))
        .until(ExpectedConditions.urlContains("/search?"));
    String heading = browser.findElement(By.id("results-heading")).getText();
    if (count == 0) {
      assertThat(heading).isEqualTo(NO_RESULTS);
    } else {
      assertThat(heading).startsWith(count + " results");
    }
    assertThat(browser.getCurrentUrl())
        .contains("vertical=health")
        .contains("concern=transparency-explainability");
  }

  @Test
  void theTableAlternativeGivesTheSameCountsAndWorksWithoutJavaScript() {
    Chromium.javaScript(browser, false);
    try {
      browser.get(base + "/landscape?rows=vertical&cols=concern&lang=fr");
      WebElement details = browser.findElement(By.cssSelector("details.map-table"));
      details.findElement(By.tagName("summary")).click();
      List<WebElement> links = details.findElements(By.cssSelector("td a"));
      assertThat(links).hasSize(13 * 15);
      List<WebElement> svgCells = browser.findElements(By.cssSelector("svg.heatmap a.hm-cell"));
      for (int i = 0; i < links.size(); i += 17) {
        assertThat(links.get(i).getDomAttribute("href"))
            .isEqualTo(svgCells.get(i).getDomAttribute("href"));
      }
    } finally {
      Chromium.javaScript(browser, true);
    }
  }

  @Test
  void aMapTheFormCannotDrawKeepsTheFormAsFilledInAndSaysWhatToChange() {
    Chromium.javaScript(browser, false);
    try {
      browser.get(base + "/landscape?lang=fr");
      browser.findElement(By.id("l-q")).sendKeys("privacy");
      new Select(browser.findElement(By.id("l-rows"))).selectByValue("sdo");
      new Select(browser.findElement(By.id("l-cols"))).selectByValue("sdo");
      new Select(browser.findElement(By.id("l-status"))).selectByValue("in-force");
      browser.findElement(By.id("l-from")).sendKeys("2020");
      browser.findElement(By.cssSelector("#landscape-form button[type=submit]")).click();
      Chromium.waiting(browser, Duration.ofSeconds(30))
          .until(ExpectedConditions.urlContains("cols=sdo"));
      // What to change, in the page's language, linked to the field ...
      WebElement summary = browser.findElement(By.cssSelector(".error-summary[role=alert]"));
      assertThat(summary.getText()).contains("Colonnes");
      assertThat(summary.findElement(By.cssSelector("a")).getDomAttribute("href"))
          .isEqualTo("#l-cols");
      assertThat(browser.findElement(By.id("l-cols")).getDomAttribute("aria-invalid"))
          .isEqualTo("true");
      // ... and the form as it was filled in, to correct and send again.
      assertThat(browser.findElement(By.id("l-q")).getDomProperty("value")).isEqualTo("privacy");
      assertThat(
              new Select(browser.findElement(By.id("l-rows")))
                  .getFirstSelectedOption()
                  .getDomAttribute("value"))
          .isEqualTo("sdo");
      assertThat(
              new Select(browser.findElement(By.id("l-status")))
                  .getFirstSelectedOption()
                  .getDomAttribute("value"))
          .isEqualTo("in-force");
      assertThat(browser.findElement(By.id("l-from")).getDomProperty("value")).isEqualTo("2020");
      assertThat(browser.findElements(By.cssSelector("svg.heatmap"))).isEmpty();
      // Corrected, the same form draws the map.
      new Select(browser.findElement(By.id("l-cols"))).selectByValue("status");
      browser.findElement(By.cssSelector("#landscape-form button[type=submit]")).click();
      Chromium.waiting(browser, Duration.ofSeconds(30))
          .until(ExpectedConditions.urlContains("cols=status"));
      assertThat(browser.findElements(By.cssSelector("svg.heatmap a.hm-cell"))).isNotEmpty();
      assertThat(browser.findElements(By.cssSelector(".error-summary"))).isEmpty();
    } finally {
      Chromium.javaScript(browser, true);
    }
  }
}
