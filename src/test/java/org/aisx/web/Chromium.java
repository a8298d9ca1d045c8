package org.aisx.web;

import java.io.File;
import java.nio.file.Path;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium through its ChromeDriver, as the page tests drive it (override the
 * binaries with {@code -Daisx.chromium=} and {@code -Daisx.chromedriver=}).
 */
final class Chromium {
  private Chromium() {}

  /** A fresh browser with its profile in {@code dir}, window 1280×900. */
  static WebDriver start(Path dir) {
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
    WebDriver browser = new ChromeDriver(service, options);
    browser.manage().window().setSize(new Dimension(1280, 900));
    return browser;
  }
}
