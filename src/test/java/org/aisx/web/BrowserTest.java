package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.aisx.App;
import org.aisx.Fixtures;
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

/** The whole path in Debian's headless Chromium: search, filter, open the record. */
class BrowserTest {
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static ChromeDriver browser;
  static String base;

  @BeforeAll
  static void start() {
    app = Fixtures.starter(dir);
    server = app.web().start(0);
    base = "http://localhost:" + server.port();
    browser = Chromium.shared();
  }

  @AfterAll
  static void stop() {
    server.close();
    app.close();
  }

  @Test
  void searchThenFilterThenOpenTheRecord() throws Exception {
    browser.get(base + "/");
    WebElement q = browser.findElement(By.id("q"));
    q.sendKeys("management system", Keys.ENTER);
    WebDriverWait wait = Chromium.waiting(browser, Duration.ofSeconds(10));
    wait.until(ExpectedConditions.urlContains("q=management"));
    assertThat(htmlClasses()).as("app.js marks the page").contains("js");

    // Ticking the box applies the filter at once (progressive enhancement).
    WebElement iso = browser.findElement(By.cssSelector("#facet-sdo input[value='ISO']"));
    browser.findElement(By.cssSelector("label[for='" + iso.getAttribute("id") + "']")).click();
    wait.until(ExpectedConditions.urlContains("sdo=ISO"));
    assertThat(browser.findElement(By.cssSelector("#facet-sdo input[value='ISO']")).isSelected())
        .isTrue();
    screenshot("search-desktop");

    browser
        .findElement(
            By.linkText("Information technology - Artificial intelligence - Management system"))
        .click();
    wait.until(ExpectedConditions.urlContains("/standards/iso-iec-42001-2023"));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Information technology - Artificial intelligence - Management system");
    WebElement out = browser.findElement(By.cssSelector("a.source-link"));
    assertThat(out.getAttribute("href")).startsWith("https://webstore.iec.ch/");
    assertThat(out.isDisplayed()).isTrue();
    screenshot("record-desktop");

    browser.manage().window().setSize(new Dimension(390, 844));
    browser.get(base + "/search?q=management+system&sdo=ISO");
    screenshot("search-phone");
    browser.get(base + "/standards/iso-iec-42001-2023?lang=fr");
    assertThat(browser.findElement(By.cssSelector("a.source-link")).getText())
        .contains("Aller à la page");
    screenshot("record-phone-fr");
    browser.manage().window().setSize(Chromium.WINDOW);
  }

  @Test
  void filtersWorkWithoutJavaScriptThroughTheApplyButton() {
    Chromium.javaScript(browser, false);
    try {
      browser.get(base + "/search?q=machine+learning");
      // The page's script did not run: app.js marks <html> with class "js" first thing.
      assertThat(htmlClasses()).doesNotContain("js");
      // The same form: tick the box (nothing submits it), then the button applies the filter.
      WebElement itu = browser.findElement(By.cssSelector("#facet-sdo input[value='ITU-T']"));
      assertThat(itu.getAttribute("type")).isEqualTo("checkbox");
      // The panel is a folded <details> that the style sheet shows beside the results on a wide
      // screen: WebDriver calls what it holds hidden and will not click it, so the mouse clicks
      // where it is drawn.
      new Actions(browser)
          .moveToElement(
              browser.findElement(By.cssSelector("label[for='" + itu.getAttribute("id") + "']")))
          .click()
          .perform();
      assertThat(itu.isSelected()).isTrue();
      new Actions(browser)
          .moveToElement(
              browser.findElement(By.cssSelector("#filter-form button.apply[type=submit]")))
          .click()
          .perform();
      Chromium.waiting(browser, Duration.ofSeconds(10))
          .until(ExpectedConditions.urlContains("sdo=ITU-T"));
      assertThat(browser.getCurrentUrl()).contains("q=machine+learning");
      assertThat(
              browser.findElement(By.cssSelector("#facet-sdo input[value='ITU-T']")).isSelected())
          .isTrue();
      assertThat(browser.findElements(By.cssSelector("ol.hits .facts span:first-child")))
          .isNotEmpty()
          .extracting(WebElement::getText)
          .containsOnly("ITU-T");
      assertThat(htmlClasses()).doesNotContain("js");
    } finally {
      Chromium.javaScript(browser, true);
    }
  }

  /** The classes of the page's root element, as the DOM has them now. */
  private static List<String> htmlClasses() {
    String classes = browser.findElement(By.tagName("html")).getDomAttribute("class");
    return classes == null ? List.of() : List.of(classes.trim().split("\\s+"));
  }

  private static void screenshot(String name) throws Exception {
    Path target = Path.of("target", "screenshots");
    Files.createDirectories(target);
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(target.resolve(name + ".png"), png);
  }
}
