package io.gpureport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * A real headless Chromium (the distribution's {@code chromium} and {@code chromium-driver}
 * packages, which {@code .ci/run} installs) driven through Selenium, for tests of the HTML pages.
 * Without the packages a test using it is skipped with a message saying so, unless the environment
 * sets {@code GPUREPORT_REQUIRE_BROWSER=1} (as {@code .ci/run} does once it has installed them),
 * where it fails instead.
 */
public final class Browser implements AutoCloseable {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  /** Selenium warns on stderr that it has no DevTools binding for this Chromium; none is used. */
  private static final Logger SELENIUM = Logger.getLogger("org.openqa.selenium");

  private final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  /** Starts a headless browser with an empty profile in {@code profile}, or skips the test. */
  public static Browser start(Path profile) {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!installed && "1".equals(System.getenv("GPUREPORT_REQUIRE_BROWSER"))) {
      throw new IllegalStateException("GPUREPORT_REQUIRE_BROWSER=1 but no " + CHROMIUM);
    }
    assumeTrue(
        installed,
        "skipped: no headless browser; install Debian's chromium and chromium-driver packages"
            + " (.ci/run does) to open the HTML pages in Chromium");
    SELENIUM.setLevel(Level.SEVERE);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // Flags of a closed network: without them Chromium keeps trying to reach Google's hosts.
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--allow-file-access-from-files",
        "--window-size=1280,1600",
        "--user-data-dir=" + profile.toAbsolutePath());
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return new Browser(driver);
  }

  /** Loads a page from a file and waits until it is complete. */
  public Browser open(Path page) {
    driver.get(page.toAbsolutePath().toUri().toString());
    return this;
  }

  /** The document's title. */
  public String title() {
    return driver.getTitle();
  }

  /** The console messages of level warning or worse since the last call (errors, failed loads). */
  public List<String> problems() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
        .map(LogEntry::toString)
        .toList();
  }

  /** The {@code src} of every image that did not decode (natural width 0). */
  public List<String> brokenImages() {
    return driver.findElements(By.tagName("img")).stream()
        .filter(img -> ((Number) script("return arguments[0].naturalWidth;", img)).intValue() == 0)
        .map(img -> abbreviated(img.getAttribute("src")))
        .toList();
  }

  /** The {@code href} attribute of every link, as written in the page. */
  public List<String> links() {
    return driver.findElements(By.tagName("a")).stream()
        .map(a -> (String) script("return arguments[0].getAttribute('href');", a))
        .toList();
  }

  /** The visible text of the page. */
  public String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** The page's elements matching a CSS selector. */
  public List<WebElement> select(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** Saves a PNG screenshot of the window. */
  public void screenshot(Path png) throws IOException {
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), png, StandardCopyOption.REPLACE_EXISTING);
  }

  private Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  private static String abbreviated(String src) {
    return src == null || src.length() < 80 ? src : src.substring(0, 80) + "…";
  }

  @Override
  public void close() {
    driver.quit();
  }
}
