package org.aisx.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through its ChromeDriver, as the page tests drive it (override the
 * binaries with {@code -Daisx.chromium=} and {@code -Daisx.chromedriver=}). Starting a browser
 * costs seconds, so the page tests share one per test JVM ({@link #shared}), each test class taking
 * it with no cookies, the default window size and JavaScript on.
 */
final class Chromium {
  private Chromium() {}

  static final Dimension WINDOW = new Dimension(1280, 900);

  /**
   * The JUnit resource lock of the shared browser: a class that uses it says
   * {@code @ResourceLock(Chromium.SHARED)}, so that JUnit never runs two such classes at once.
   */
  static final String SHARED = "aisx.chromium";

  private static ChromeDriver shared;

  /**
   * The browser of this test JVM, started on first use and quit when the JVM exits, reset for a new
   * test class. Classes using it must not run at the same time as each other.
   */
  static synchronized ChromeDriver shared() {
    if (shared == null) {
      try {
        Path dir = Files.createTempDirectory("aisx-chromium-");
        ChromeDriver browser = start(dir);
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      browser.quit();
                      deleteTree(dir);
                    }));
        shared = browser;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    shared.manage().deleteAllCookies();
    shared.manage().window().setSize(WINDOW);
    javaScript(shared, true);
    return shared;
  }

  /**
   * A wait on {@code browser} that looks every 50 ms (Selenium's default is 500 ms, mostly spent
   * idle after the page has long changed), up to {@code timeout}.
   */
  /**
   * A wait polling every 50 ms. A form post reloads the page while a condition reads it, so an
   * element the condition found can go stale before it is read: the condition is read again.
   */
  static WebDriverWait waiting(WebDriver browser, Duration timeout) {
    WebDriverWait wait = new WebDriverWait(browser, timeout);
    wait.pollingEvery(Duration.ofMillis(50));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return wait;
  }

  /**
   * Turns the page's JavaScript off or on in the browser's tab (DevTools {@code
   * Emulation.setScriptExecutionDisabled}; it holds across navigations until turned back).
   */
  static void javaScript(ChromeDriver browser, boolean on) {
    browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !on));
  }

  /** A fresh browser with its profile in {@code dir}, window 1280×900. */
  static ChromeDriver start(Path dir) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("aisx.chromium", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + dir.resolve("chromium-profile"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                new File(System.getProperty("aisx.chromedriver", "/usr/bin/chromedriver")))
            .usingAnyFreePort()
            .build();
    ChromeDriver browser = new ChromeDriver(service, options);
    browser.manage().window().setSize(WINDOW);
    return browser;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException ignored) {
      // a temporary directory: left to the system
    }
  }
}
