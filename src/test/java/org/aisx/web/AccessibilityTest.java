package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * axe-core (the npm package, installed by {@code npm install} as {@code .ci/run} does; another
 * copy: {@code -Daisx.axe=PATH/axe.min.js}) over every page type in Debian's Chromium: in all six
 * languages, at 1280 px and at a 390 px phone width, signed out and signed in as each role. Any
 * WCAG 2.0/2.1 A or AA violation fails the build.
 */
class AccessibilityTest {
  static final List<String> LANGUAGES = List.of("ar", "zh", "en", "fr", "ru", "es");
  static final List<Dimension> WIDTHS = List.of(Chromium.WINDOW, new Dimension(390, 844));
  static final String WCAG_A_AA = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']";

  /** Stands for the page of a resource correction made when the server starts. */
  static final String CORRECTION = "/submissions/{correction}";

  static String correctionId;

  /** The pages of each kind of visitor: {@code null} is signed out. */
  static final Map<Role, List<String>> PAGES = new LinkedHashMap<>();

  static {
    PAGES.put(
        null,
        List.of(
            "/",
            "/search?q=management+system&sdo=ISO%2FIEC",
            "/search?q=syst%C3%A8me+de+management",
            "/standards/iso-iec-42001-2023",
            // A W3C latest version and its dated edition of the same text (editions/Twins).
            "/standards/w3c-speech-grammar",
            "/standards/w3c-rec-speech-grammar-20040316",
            "/committees/iso-iec-jtc-1-sc-42",
            "/committees/iso-iec-jtc-1-sc-4",
            "/taxonomy",
            "/taxonomy/vertical/health",
            "/taxonomy/history",
            "/learn",
            "/overlap?record=iso-iec-42001-2023",
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
            "/data-licences"));
    PAGES.put(
        Role.CONTRIBUTOR,
        List.of(
            "/submissions/new",
            // A change: the record's relations as rows, its concepts ticked.
            "/submissions/new?record=iso-iec-42001-2023",
            "/submissions/new?proposal=resource",
            // With a correction link on each resource, and the correction's form.
            "/learn",
            "/submissions/new?proposal=resource&resource=ai-for-good-2025-ai-security",
            "/submissions/mine",
            "/account",
            "/signout"));
    PAGES.put(
        Role.COORDINATOR,
        List.of(
            "/search?q=risk",
            "/review/submissions",
            // A correction of a learning resource against the resource as it is.
            CORRECTION,
            "/review/field-policy",
            "/review/relations",
            "/taxonomy",
            "/taxonomy/concern/risk-management",
            "/suites/eu-ai-act-high-risk"));
    PAGES.put(
        Role.ADMIN,
        List.of(
            "/review/mappings",
            "/review/suggestions",
            "/admin/import",
            "/admin/import/{import}",
            "/admin/audit",
            "/admin/users",
            "/admin/users/contributor@example.org"));
  }

  /** A finished import, whose page shows its summary and a rejected row. */
  static String importJob;

  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static ChromeDriver browser;
  static String base;
  static String axe;

  @BeforeAll
  static void start() throws Exception {
    Path axePath = Path.of(System.getProperty("aisx.axe", "node_modules/axe-core/axe.min.js"));
    assertThat(axePath)
        .as("axe-core is installed by `npm ci` in the project directory (see .ci/run)")
        .isRegularFile();
    axe = Files.readString(axePath);
    app = Fixtures.starter(dir);
    var contributor = Fixtures.user(app, "contributor@example.org", Role.CONTRIBUTOR, "IEEE");
    Fixtures.user(app, "coordinator@example.org", Role.COORDINATOR);
    Fixtures.user(app, "admin@example.org", Role.ADMIN);
    // Tokens, one of them revoked, so that the account pages show their table and its forms.
    app.accounts().createToken("contributor@example.org", "laptop");
    app.accounts()
        .revokeToken(app.accounts().createToken("contributor@example.org", null).info().id());
    // A relation of another body held for review, so that the queue shows a row with its form.
    Fixtures.holdCrossBodyRelation(app);
    // A correction of a learning resource, so that its comparison is audited.
    var mapper = org.aisx.catalog.Json.mapper();
    var resource =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            mapper.valueToTree(app.resources().get("ai-for-good-2025-ai-security"));
    resource.put("provider", "ITU Academy");
    var body = mapper.createObjectNode().put("kind", "resource").put("action", "update");
    body.set("resource", resource);
    correctionId = app.submissions().submit(app.submissions().draft(body), contributor).id();
    importJob = AdminImportTest.refusedRowImport(app);
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

  /**
   * Every page type in Arabic (right to left) at both widths, and in one more language at one
   * width, the language and the width turning from page type to page type, so that each language
   * and each width is audited on several page types (47 page types, 141 audits). {@code
   * -Daisx.axe.matrix=full} audits every page type in every language at both widths (564 audits,
   * four times the time).
   */
  @Test
  void everyPageInEveryLanguageAtBothWidthsHasNoWcagAOrAAViolation() {
    boolean full = "full".equals(System.getProperty("aisx.axe.matrix"));
    List<String> others = LANGUAGES.stream().filter(l -> !l.equals("ar")).toList();
    List<String> violations = new ArrayList<>();
    int audited = 0;
    int pageType = 0;
    for (Map.Entry<Role, List<String>> visitor : PAGES.entrySet()) {
      signInAs(visitor.getKey());
      for (String page : visitor.getValue()) {
        List<Map.Entry<Dimension, String>> runs = new ArrayList<>();
        for (Dimension width : WIDTHS) {
          for (String lang : LANGUAGES) {
            if (full || lang.equals("ar")) {
              runs.add(Map.entry(width, lang));
            }
          }
        }
        if (!full) {
          runs.add(Map.entry(WIDTHS.get(pageType % 2), others.get(pageType % others.size())));
        }
        for (Map.Entry<Dimension, String> run : runs) {
          browser.manage().window().setSize(run.getKey());
          String path = page.replace("{correction}", correctionId).replace("{import}", importJob);
          String url = path + (path.contains("?") ? "&" : "?") + "lang=" + run.getValue();
          browser.get(base + url);
          violations.addAll(audit(url + " at " + run.getKey().getWidth() + " px"));
          audited++;
        }
        pageType++;
      }
    }
    assertThat(audited).isEqualTo(pageType * (full ? 2 * LANGUAGES.size() : 3));
    assertThat(violations).isEmpty();
  }

  @Test
  void theAuditFindsAViolationWhenThereIsOne() {
    signInAs(null);
    browser.manage().window().setSize(Chromium.WINDOW);
    browser.get(base + "/taxonomy?lang=fr");
    // A link as pale as the ones the header once had on a phone (white on light grey).
    browser.executeScript(
        "var a = document.createElement('a'); a.href = '/search'; a.textContent = 'Soumettre';"
            + "a.style.color = '#ffffff'; a.style.background = '#f3f6f9';"
            + "document.querySelector('main').appendChild(a);"
            + "var i = document.createElement('input'); document.querySelector('main').appendChild(i);");
    assertThat(audit("taxonomy"))
        .anySatisfy(v -> assertThat(v).contains("color-contrast"))
        .anySatisfy(v -> assertThat(v).contains("label"));
  }

  /**
   * The change form shown again with problems of its relation rows and classification checkboxes (a
   * relation type and a concept the catalogue does not know, sent as a hand-made request would) has
   * no violation and no sideways scrolling, right to left and left to right, on a phone and on a
   * desktop.
   */
  @Test
  void theSubmissionFormShownAgainWithProblemsHasNoViolationAtEitherWidth() {
    signInAs(Role.CONTRIBUTOR);
    List<String> violations = new ArrayList<>();
    for (Dimension width : WIDTHS) {
      for (String lang : List.of("ar", "fr")) {
        browser.manage().window().setSize(width);
        browser.get(base + "/submissions/new?record=iso-iec-42001-2023&lang=" + lang);
        browser.executeScript(
            "var s = document.getElementById('relation_type_1');"
                + "var o = document.createElement('option'); o.value = 'supersedes';"
                + "o.textContent = 'supersedes'; s.appendChild(o); s.value = 'supersedes';"
                + "document.getElementById('relation_target_1').value = 'ISO/IEC 22989:2022';"
                + "var b = document.querySelector('input[name=verticals]:not(:checked)');"
                + "b.value = 'no-such-sector'; b.checked = true;"
                + "document.getElementById('submit-button').click();");
        new WebDriverWait(browser, java.time.Duration.ofSeconds(15))
            .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
        String where = "form with problems, " + lang + " at " + width.getWidth() + " px";
        assertThat(browser.findElements(By.cssSelector("[aria-invalid=true]")))
            .as(where)
            .hasSize(2);
        assertThat(
                (Boolean)
                    browser.executeScript(
                        "return document.documentElement.scrollWidth"
                            + " > document.documentElement.clientWidth;"))
            .as(where + ": scrolls sideways")
            .isFalse();
        violations.addAll(audit(where));
      }
    }
    assertThat(violations).isEmpty();
  }

  /** The WCAG A/AA violations axe finds on the page shown, one line per rule and element. */
  @SuppressWarnings("unchecked")
  static List<String> audit(String where) {
    browser.executeScript(axe);
    Object result =
        browser.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: "
                + WCAG_A_AA
                + "}}).then(function (r) { done(r.violations.map(function (v) {"
                + "  return v.impact + ' ' + v.id + ': ' + v.nodes.map(function (n) {"
                + "    return n.target.join(' '); }).join(' | '); })); },"
                + " function (e) { done(['axe failed: ' + e]); });");
    List<String> found = new ArrayList<>();
    for (Object line : (List<Object>) result) {
      found.add(where + ": " + line);
    }
    return found;
  }

  static void signInAs(Role role) {
    browser.manage().deleteAllCookies();
    if (role == null) {
      return;
    }
    browser.manage().window().setSize(Chromium.WINDOW);
    browser.get(base + "/signin?lang=en");
    browser
        .findElement(By.id("email"))
        .sendKeys(role.name().toLowerCase(java.util.Locale.ROOT) + "@example.org");
    browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD, Keys.ENTER);
    new WebDriverWait(browser, java.time.Duration.ofSeconds(15))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".account-nav .who")));
  }
}
