package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.account.Role;
import org.aisx.catalog.Standard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole contribution path in Debian's headless Chromium: an IEEE contributor submits a record
 * through the form (and is refused for ISO records), a coordinator compares and approves it, and
 * the public finds it and its history.
 */
class SubmissionBrowserTest {
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static WebDriver browser;
  static String base;
  static Standard iso;

  @BeforeAll
  static void start() {
    app = Fixtures.empty(dir);
    Fixtures.load(app, "/fixtures/catalogue/rfc-http.json");
    iso =
        app.catalog()
            .save(
                app.reader()
                    .read(
                        app.json()
                            .createObjectNode()
                            .put("identifier", "ISO/IEC 99001:2024")
                            .put("sdo", "ISO/IEC")
                            .put("type", "international-standard")
                            .put("status", "in-force")
                            .set(
                                "title", app.json().createObjectNode().put("en", "An ISO record"))),
                "test",
                "fixture",
                null)
            .record();
    Fixtures.user(app, "ieee@example.org", Role.CONTRIBUTOR, "IEEE");
    Fixtures.user(app, "coord@example.org", Role.COORDINATOR);
    server = app.web().start(0);
    base = "http://localhost:" + server.port();
    browser = Chromium.shared();
  }

  @AfterAll
  static void stop() {
    server.close();
    app.close();
  }

  static WebDriverWait waiting() {
    return Chromium.waiting(browser, Duration.ofSeconds(15));
  }

  static void signIn(String email) {
    browser.manage().deleteAllCookies();
    browser.get(base + "/signin");
    browser.findElement(By.id("email")).sendKeys(email);
    browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD, Keys.ENTER);
    waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".account-nav .who")));
  }

  static void fill(String id, String value) {
    WebElement e = browser.findElement(By.id(id));
    e.clear();
    e.sendKeys(value);
  }

  /**
   * Follows the header menu's link named {@code text}. The menu is a {@code <details>} shown open
   * on a wide screen by CSS while it stays closed, so WebDriver calls its links hidden and will not
   * click them: the link is found by its text and its address opened, as a click would.
   */
  private void followMenuLink(String text) {
    WebElement link =
        browser.findElement(
            By.xpath("//details[@class='site-menu']//a[normalize-space(.)='" + text + "']"));
    browser.get(link.getAttribute("href"));
  }

  @Test
  void contributorSubmitsCoordinatorApprovesPublicFindsIt() throws Exception {
    // An IEEE contributor submits a new IEEE record through the form.
    signIn("ieee@example.org");
    followMenuLink("Submit");
    waiting().until(ExpectedConditions.urlContains("/submissions/new"));
    assertThat(browser.findElement(By.id("sdo")).getAttribute("value")).isEqualTo("IEEE");
    fill("identifier", "IEEE P3999");
    fill("title_en", "Zebrafish procurement of AI systems");
    fill("committee", "IEEE SA AI Committee");
    new Select(browser.findElement(By.id("type"))).selectByValue("international-standard");
    new Select(browser.findElement(By.id("status"))).selectByValue("draft");
    fill("abstract_en", "How buyers assess AI systems <b>before</b> they buy them.");
    screenshot("submit-form");
    browser.findElement(By.id("submit-button")).click();
    waiting().until(ExpectedConditions.urlMatches(".*/submissions/sub-[0-9a-f]+$"));
    assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("Pending");
    String submission = browser.getCurrentUrl().replaceAll(".*/submissions/", "");

    // ... but not an ISO record: 403, nothing stored.
    browser.get(base + "/submissions/new");
    fill("identifier", "ISO/IEC 99999");
    fill("title_en", "Not mine to submit");
    fill("sdo", "ISO/IEC");
    new Select(browser.findElement(By.id("type"))).selectByValue("international-standard");
    new Select(browser.findElement(By.id("status"))).selectByValue("draft");
    browser.findElement(By.id("submit-button")).click();
    // The form comes back with what was typed and the refusal on the body.
    waiting().until(ExpectedConditions.attributeToBe(By.id("sdo"), "aria-invalid", "true"));
    assertThat(browser.findElement(By.id("identifier")).getAttribute("value"))
        .isEqualTo("ISO/IEC 99999");
    // ... nor a change to an ISO record: its page offers none, and the form refuses it.
    browser.get(base + "/standards/" + iso.id());
    assertThat(browser.findElements(By.id("propose-change"))).isEmpty();
    browser.get(base + "/submissions/new?record=" + iso.id());
    fill("title_en", "Taken over by IEEE");
    browser.findElement(By.id("submit-button")).click();
    waiting().until(ExpectedConditions.attributeToBe(By.id("sdo"), "aria-invalid", "true"));
    // (The stale submission of the phone test, on IEEE 7777, may be there too.)
    assertThat(app.submissions().inState(null))
        .filteredOn(s -> !s.recordId().equals("ieee-7777"))
        .extracting(s -> s.id())
        .containsExactly(submission);
    browser.get(base + "/submissions/mine");
    assertThat(browser.findElement(By.cssSelector("table.submissions")).getText())
        .contains("IEEE P3999")
        .contains("Pending");

    // A coordinator opens the queue, sees the comparison and approves.
    signIn("coord@example.org");
    followMenuLink("Review submissions");
    waiting().until(ExpectedConditions.urlContains("/review/submissions"));
    browser.findElement(By.linkText("IEEE P3999")).click();
    waiting().until(ExpectedConditions.urlContains("/submissions/" + submission));
    WebElement diff = browser.findElement(By.id("diff"));
    assertThat(diff.findElements(By.cssSelector("tr.changed th[data-field]")))
        .extracting(th -> th.getAttribute("data-field"))
        .contains("identifier", "title", "abstract", "sdo");
    // Abstracts are plain text: the markup is stripped, the words stay.
    assertThat(diff.getText()).contains("How buyers assess AI systems before they buy them.");
    screenshot("review-diff");
    fill("comment", "Welcome to the catalogue.");
    browser.findElement(By.id("approve")).click();
    waiting().until(ExpectedConditions.textToBe(By.id("state"), "Approved"));

    // The public finds the record and its history names the approval.
    browser.manage().deleteAllCookies();
    browser.get(base + "/");
    browser.findElement(By.id("q")).sendKeys("zebrafish procurement", Keys.ENTER);
    waiting().until(ExpectedConditions.urlContains("q=zebrafish"));
    browser.findElement(By.linkText("Zebrafish procurement of AI systems")).click();
    waiting().until(ExpectedConditions.urlContains("/standards/ieee-p3999"));
    String history = browser.findElement(By.cssSelector("table.history")).getText();
    // Signed out, the approver is named by role, never by e-mail (issue 18 item 12).
    assertThat(history)
        .contains("Approved")
        .contains("coordinator")
        .doesNotContain("coord@example.org")
        .contains("Submission " + submission);
    assertThat(browser.findElements(By.cssSelector(".account-nav .who"))).isEmpty();
    screenshot("record-approved");
  }

  /**
   * The author of a stale submission brings it up to date on a 390 px phone with the keyboard only:
   * the page is no wider than the screen, the choice between the two values of the field in
   * conflict is reached and made with Tab and Space, and sending the form leaves it no longer
   * stale.
   */
  @Test
  void theAuthorUpdatesAStaleSubmissionOnAPhoneWithTheKeyboard() throws Exception {
    Standard record =
        app.catalog()
            .save(
                app.reader()
                    .read(
                        app.json()
                            .createObjectNode()
                            .put("identifier", "IEEE 7777")
                            .put("sdo", "IEEE")
                            .put("type", "international-standard")
                            .put("status", "draft")
                            .set("title", app.json().createObjectNode().put("en", "Seeded"))),
                "test",
                "fixture",
                null)
            .record();
    var author = app.accounts().user("ieee@example.org").orElseThrow();
    com.fasterxml.jackson.databind.node.ObjectNode proposed =
        app.json()
            .valueToTree(
                record.toBuilder()
                    .title(
                        java.util.Map.of("en", "A proposed title long enough to wrap on a phone"))
                    .build());
    proposed.remove("id");
    var draft =
        app.submissions()
            .draft(
                app.json()
                    .createObjectNode()
                    .put("action", "update")
                    .put("recordId", record.id())
                    .put("baseRevision", 1)
                    .set("record", proposed));
    String id = app.submissions().submit(draft, author).id();
    app.catalog()
        .save(
            record.toBuilder().title(java.util.Map.of("en", "Retitled meanwhile")).build(),
            "test",
            "fixture",
            1);

    signIn("ieee@example.org");
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    try {
      browser.get(base + "/submissions/" + id);
      waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("rebase")));
      assertThat(
              ((Number)
                      ((org.openqa.selenium.JavascriptExecutor) browser)
                          .executeScript("return document.documentElement.scrollWidth;"))
                  .longValue())
          .isLessThanOrEqualTo(390);
      WebElement mine = browser.findElement(By.id("choice-title-mine"));
      // From the legend's first radio button, Tab reaches the group; Space chooses it.
      browser.findElement(By.id("rebase-h")).click();
      for (int i = 0; i < 20 && !mine.equals(browser.switchTo().activeElement()); i++) {
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
      }
      assertThat(browser.switchTo().activeElement()).isEqualTo(mine);
      mine.sendKeys(Keys.SPACE);
      assertThat(mine.isSelected()).isTrue();
      screenshot("rebase-phone");
      mine.sendKeys(Keys.TAB);
      assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("rebase-submit");
      browser.switchTo().activeElement().sendKeys(Keys.ENTER);
      waiting().until(ExpectedConditions.numberOfElementsToBe(By.id("rebase"), 0));
      assertThat(browser.findElements(By.id("since-base"))).isEmpty();
      assertThat(app.submissions().get(id).baseRevision()).isEqualTo(2);
    } finally {
      browser.manage().window().setSize(Chromium.WINDOW);
    }
  }

  private static void screenshot(String name) throws Exception {
    Path target = Path.of("target", "screenshots");
    Files.createDirectories(target);
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(target.resolve(name + ".png"), png);
  }
}
