package org.ceasefire.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ceasefire.query.ItStatements.accusation;
import static org.ceasefire.query.ItStatements.statement;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.ceasefire.avro.ClaimType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

@DisplayName("Dashboard in headless Chromium against the running topology")
class DashboardBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Would set window.__pwned and the title if any of it ran. */
    private static final String PAYLOAD = "<script>window.__pwned=1</script>"
            + "<img src=x onerror=\"window.__pwned=2;document.title='pwned'\"> Fire was opened.";

    private static RunningApp app;
    private static ChromeDriver browser;
    private static Path profile;
    private static int port;

    @BeforeAll
    static void start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        app = new RunningApp(2);
        port = app.startInstance().server().port();
        app.send(accusation("am-1", "AM", "AZ", "2023-04-11T12:00:00Z", "Tegh"),
                statement("az-1", "AZ", ClaimType.ACCUSATION, "2023-04-11T13:00:00Z", "Tegh")
                        .setAccused("AM").setWeapons(new java.util.ArrayList<>(List.of("<img src=x onerror=\"window.__pwned=3\">"))).setText(PAYLOAD).setSourceUrl("javascript:window.__pwned=4").build(),
                accusation("am-2", "AM", "AZ", "2023-04-18T06:00:00Z", "Sotk"),
                accusation("az-2", "AZ", "AM", "2023-04-18T07:00:00Z", "Sotk"));
        await().atMost(WAIT).until(() -> new TestHttp(port).get("/api/contradictions").json().path("items").size() == 2);

        profile = Files.createTempDirectory("dashboard-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1400, 1100));
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }

    private List<WebElement> pairs() {
        return browser.findElements(By.cssSelector("#contradictions > li.contradiction"));
    }

    @Test
    @DisplayName("shows the contradictions side by side, renders script payloads as text, and receives a new pair live")
    void dashboard() throws IOException {
        browser.get("http://127.0.0.1:" + port + "/");
        try {
            await().atMost(WAIT).until(() -> "true".equals(script("return document.body.dataset.loaded || ''")));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("The dashboard did not load; status: " + browser.findElement(By.id("live-status")).getText()
                    + "; browser log: " + browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll(), e);
        }
        await().atMost(WAIT).until(() -> pairs().size() == 2);
        assertThat(pairs()).extracting(li -> li.getAttribute("data-pair-id")).containsExactly("am-2|az-2", "am-1|az-1");

        WebElement tegh = pairs().get(1);
        List<WebElement> sides = tegh.findElements(By.cssSelector(".statement"));
        assertThat(sides).extracting(s -> s.getAttribute("data-statement-id")).containsExactly("am-1", "az-1");
        assertThat(sides.get(0).getText()).contains("AM", "Tegh", "https://example.org/am-1".replace("https://", "").split("/")[0]);
        assertThat(sides.get(0).findElement(By.tagName("a")).getAttribute("rel")).isEqualTo("noopener noreferrer");

        // The payloads are on screen as text, and none of them ran.
        assertThat(sides.get(1).findElement(By.cssSelector(".statement-text")).getText()).isEqualTo(PAYLOAD);
        assertThat(sides.get(1).getText()).contains("<img src=x onerror=\"window.__pwned=3\">");
        assertThat(tegh.findElements(By.tagName("img"))).isEmpty();
        assertThat(tegh.findElements(By.tagName("script"))).isEmpty();
        assertThat(sides.get(1).findElements(By.tagName("a"))).as("javascript: URLs are never links").isEmpty();
        assertThat(script("return typeof window.__pwned")).isEqualTo("undefined");
        assertThat(browser.getTitle()).isEqualTo("ceasefire-monitor");
        assertThat(browser.findElements(By.cssSelector("#sectors tbody tr"))).hasSizeGreaterThanOrEqualTo(8);

        // Live: a new pair appears without a reload (the marker would be gone after one).
        await().atMost(WAIT).until(() -> "live".equals(browser.findElement(By.id("live-status")).getText()));
        script("window.__sameDocument = 42");
        app.send(accusation("am-3", "AM", "AZ", "2023-05-02T10:00:00Z", "Shushi"),
                accusation("az-3", "AZ", "AM", "2023-05-02T11:00:00Z", "Shusha"));
        await().atMost(WAIT).until(() -> pairs().size() == 3);
        WebElement fresh = pairs().get(0);
        assertThat(fresh.getAttribute("data-pair-id")).isEqualTo("am-3|az-3");
        assertThat(fresh.getAttribute("class")).contains("fresh");
        assertThat(script("return window.__sameDocument")).isEqualTo(42L);
        assertThat(script("return typeof window.__pwned")).isEqualTo("undefined");

        // Written under target/: a test must not change tracked files (docs/dashboard.png is taken from the demo).
        Path screenshot = Path.of("target", "dashboard.png");
        Files.createDirectories(screenshot.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    }
}
