package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The done path of issue 14 in Debian's headless Chromium, without JavaScript: a new visitor
 * describes a customer-service chatbot for a retail bank on /suites/new and gets a suite with
 * ISO/IEC 42001, ISO/IEC 23894 and transparency and data-quality work; removes one member, adds one
 * from a search, opens the share link with fresh cookies (read-only), downloads the CSV and opens
 * the print view.
 */
class SuiteBrowserTest {
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static WebDriver browser;
  static String base;

  @BeforeAll
  static void start() {
    app = Fixtures.classifiedStarter(dir);
    server = app.web().start(0);
    base = "http://localhost:" + server.port();
    browser = Chromium.shared();
    Chromium.javaScript(Chromium.shared(), false);
  }

  @AfterAll
  static void stop() {
    Chromium.javaScript(Chromium.shared(), true);
    server.close();
    app.close();
  }

  static WebDriverWait waiting() {
    return Chromium.waiting(browser, Duration.ofSeconds(60));
  }

  static List<String> memberIds() {
    return browser.findElements(By.cssSelector(".suite-member")).stream()
        .map(e -> e.getAttribute("id").substring(2))
        .toList();
  }

  @Test
  void aVisitorBuildsSharesExportsAndPrintsASuiteForABankChatbot() {
    browser.get(base + "/suites/new");
    browser.findElement(By.id("text")).sendKeys("customer-service chatbot for a retail bank");
    browser.findElement(By.id("suggest")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("edit-key")));
    String suiteUrl = browser.getCurrentUrl().replaceAll("\\?.*$", "");
    assertThat(memberIds()).contains("iso-iec-42001-2023", "iso-iec-23894-2023");
    String groups = browser.findElement(By.cssSelector(".members")).getText();
    assertThat(groups).contains("Transparency", "Data quality");

    // Remove one member.
    String removed = "iso-iec-23894-2023";
    browser.findElement(By.cssSelector("#m-" + removed + " button[value=remove]")).click();
    waiting().until(d -> !memberIds().contains(removed));

    // Add one from a search, through "Add to suite".
    browser.get(base + "/search?q=impact+assessment");
    browser.findElement(By.cssSelector("a[href='/suites/add?record=iso-iec-42005-2025']")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("add-to-chosen")));
    browser.findElement(By.id("add-to-chosen")).click();
    waiting().until(d -> memberIds().contains("iso-iec-42005-2025"));
    assertThat(browser.getCurrentUrl()).startsWith(suiteUrl);

    // Another browser (no cookies) opens the share link: read-only.
    String share = browser.findElement(By.id("share-link")).getAttribute("value");
    assertThat(share).isEqualTo(suiteUrl);
    browser.manage().deleteAllCookies();
    browser.get(share);
    assertThat(memberIds()).contains("iso-iec-42005-2025").doesNotContain(removed);
    assertThat(browser.findElements(By.cssSelector("button[value=remove]"))).isEmpty();
    assertThat(browser.findElements(By.id("edit-key"))).isEmpty();

    // The CSV it links to, and the print view.
    String csvUrl = browser.findElement(By.id("export-csv")).getAttribute("href");
    HttpResponse<String> csv = new Http(server.port()).get(csvUrl.substring(base.length()));
    assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains(".csv");
    assertThat(csv.body())
        .contains("ISO/IEC 42005:2025", "ISO/IEC 42001:2023")
        .doesNotContain("ISO/IEC 23894:2023");
    browser.findElement(By.id("print-view")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".print-members")));
    WebElement main = browser.findElement(By.id("main"));
    assertThat(main.getText())
        .contains("customer-service chatbot for a retail bank", "ISO/IEC 42005:2025", "ISO/IEC");
    assertThat(browser.findElements(By.cssSelector("link[href='/static/print.css']"))).hasSize(1);
  }
}
