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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.ceasefire.avro.Casualty;
import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.Place;
import org.ceasefire.conflict.GazetteerFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in headless Chromium against the real topology, one test per promise: it fills
 * in by itself when opened before the stores are ready, shows both sides, one common window, the
 * casualty claims as the API gives them, pages to the oldest pair, restores a shared URL, draws
 * the places on a map that filters the rest, shows operators what was rejected and the closest names of unresolved ones, fits a 420 px
 * screen, renders hostile statements as text, reconnects its event stream and shows a dense night as one episode. It saves the
 * screenshots docs/dashboard.png and docs/dashboard-narrow.png.
 */
@DisplayName("Dashboard in headless Chromium against the running topology")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** Would set window.__pwned and the title if any of it ran. */
    private static final String PAYLOAD = "<script>window.__pwned=1</script>"
            + "<img src=x onerror=\"window.__pwned=2;document.title='pwned'\"> Fire was opened.";
    /** Pairs in Gegharkunik–Kalbajar, one every five days through 2022, so that the list has more than one page. */
    private static final int OLD_PAIRS = 55;
    private static final String OLDEST_PAIR = "am-old-0|az-old-0";
    private static final String SIDE_ONE = "Armenia and the Nagorno-Karabakh authorities";
    private static final String SIDE_TWO = "Azerbaijan";

    private static RunningApp app;
    private static RunningApp.Instance instance;
    private static ChromeDriver browser;
    private static Path profile;
    private static int port;
    private static TestHttp http;

    @BeforeAll
    static void start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        app = new RunningApp(2);
        // The query server answers, but its Streams is not started yet: the first test opens the page now.
        instance = app.createInstance();
        port = instance.server().port();
        http = new TestHttp(port);
        app.send(statements().toArray(MinistryStatement[]::new));
        // Only two places keep coordinates, so that the map draws two markers and lists the other places.
        app.publishPlaces(GazetteerFile.builtIn().places().stream()
                .map(p -> Place.newBuilder(p).setLatitude(null).setLongitude(null).setPrecision(null).build()).toArray(Place[]::new));
        app.publishPlaces(located("tegh", 39.563, 46.487), located("kut", 40.094, 45.711));

        profile = Files.createTempDirectory("dashboard-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    /** What every test sees; the live tests add more. */
    private static List<MinistryStatement> statements() {
        List<MinistryStatement> all = new ArrayList<>(List.of(
                // Syunik, week of 2023-04-10: two accusations by each side (equal bars), one pair with hostile content.
                accusation("am-1", "AM", "AZ", "2023-04-11T12:00:00Z", "Tegh"),
                statement("az-1", "AZ", ClaimType.ACCUSATION, "2023-04-11T13:00:00Z", "Tegh")
                        .setAccused("AM").setWeapons(new ArrayList<>(List.of("<img src=x onerror=\"window.__pwned=3\">")))
                        .setText(PAYLOAD).setSourceUrl("javascript:window.__pwned=4").build(),
                casualties(accusation("am-4", "AM", "AZ", "2023-04-13T06:00:00Z", "Goris"),
                        new Casualty("AM", 0, 2, false, 0, 0), new Casualty("AZ", 3, 0, false, 0, 0)),
                casualties(accusation("az-4", "AZ", "AM", "2023-04-13T07:00:00Z", "Goris"),
                        new Casualty("AZ", 1, 1, false, 0, 0), new Casualty("AM", 4, 0, false, 0, 0)),
                // The conflict's latest incident day, 2023-04-18, is Gegharkunik–Kalbajar's.
                accusation("am-2", "AM", "AZ", "2023-04-18T06:00:00Z", "Sotk"),
                accusation("az-2", "AZ", "AM", "2023-04-18T07:00:00Z", "Sotk"),
                // Tavush's latest incident is in 2022: its own rolling window would end then.
                accusation("am-t", "AM", "AZ", "2022-06-01T06:00:00Z", "Berd"),
                accusation("az-t", "AZ", "AM", "2022-06-01T07:00:00Z", "Berd"),
                accusation("am-u", "AM", "AZ", "2023-04-12T06:00:00Z", "Nowhere-on-any-map")));
        Instant first = Instant.parse("2022-01-01T10:00:00Z");
        for (int i = 0; i < OLD_PAIRS; i++) {
            Instant at = first.plus(Duration.ofDays(5L * i));
            all.add(accusation("am-old-" + i, "AM", "AZ", at.toString(), "Kut"));
            all.add(accusation("az-old-" + i, "AZ", "AM", at.plus(Duration.ofHours(1)).toString(), "Kut"));
        }
        return all;
    }

    private static Place located(String placeId, double latitude, double longitude) {
        Place place = GazetteerFile.builtIn().places().stream().filter(p -> p.getPlaceId().equals(placeId)).findFirst().orElseThrow();
        return Place.newBuilder(place).setLatitude(latitude).setLongitude(longitude).setPrecision("village").build();
    }

    private static MinistryStatement casualties(MinistryStatement statement, Casualty... casualties) {
        return MinistryStatement.newBuilder(statement).setCasualties(new ArrayList<>(List.of(casualties))).build();
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

    @BeforeEach
    void wideWindow() {
        if (browser != null) {
            browser.manage().window().setSize(new Dimension(1400, 1100));
        }
    }

    private static Object script(String code, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(code, args);
    }

    private static List<WebElement> pairs() {
        return browser.findElements(By.cssSelector("#contradictions > li.contradiction"));
    }

    /** The rows of the default view: one per incident cluster. */
    private static List<WebElement> episodes() {
        return browser.findElements(By.cssSelector("#contradictions > li.episode"));
    }

    private static String status() {
        return browser.findElement(By.id("live-status")).getText();
    }

    /** Opens a dashboard URL and waits until its first load is complete and the event stream is open. */
    private static void open(String pathAndQuery) {
        browser.get("http://127.0.0.1:" + port + pathAndQuery);
        try {
            await().atMost(WAIT).until(() -> "true".equals(script("return document.body.dataset.loaded || ''")) && "live".equals(status()));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("The dashboard did not load; status: " + status() + "; browser log: "
                    + browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll(), e);
        }
    }

    private static void screenshot(String name) throws IOException {
        Path file = Path.of("docs", name);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(file)).isGreaterThan(10_000);
    }

    @Test
    @Order(1)
    @DisplayName("opened before the stores are ready, it says starting…, retries, and fills in by itself")
    void fillsInWhenTheStoresBecomeReady() {
        browser.get("http://127.0.0.1:" + port + "/");
        await().atMost(WAIT).until(() -> "starting…".equals(status()));
        assertThat(http.get("/api/contradictions").status()).as("the API cannot answer yet").isGreaterThanOrEqualTo(500);
        assertThat(script("return document.body.dataset.loaded || ''")).isEqualTo("");

        instance.streams().start();
        app.awaitAllRunning();
        await().atMost(WAIT).until(() -> http.get("/api/contradictions?limit=500").json().path("items").size() == OLD_PAIRS + 4);
        await().atMost(WAIT).until(() -> "true".equals(script("return document.body.dataset.loaded || ''")));
        // By default one row per episode: here every pair is an episode of its own.
        await().atMost(WAIT).until(() -> episodes().size() == 50);
        await().atMost(WAIT).until(() -> "live".equals(status()));
        assertThat(browser.findElements(By.cssSelector("#sectors tbody tr"))).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    @Order(2)
    @DisplayName("shows a pair side by side with names, not codes, and renders script payloads as text")
    void pairsSideBySide() {
        open("/?sector=SYUNIK&group=pairs");
        await().atMost(WAIT).until(() -> pairs().size() == 2);
        assertThat(pairs()).extracting(li -> li.getAttribute("data-pair-id")).containsExactly("am-4|az-4", "am-1|az-1");
        WebElement tegh = pairs().get(1);
        assertThat(tegh.findElement(By.cssSelector(".meta .sector")).getText()).startsWith("Syunik border");
        List<WebElement> sides = tegh.findElements(By.cssSelector(".statement"));
        assertThat(sides).extracting(s -> s.getAttribute("data-statement-id")).containsExactly("am-1", "az-1");
        assertThat(sides.get(0).getText()).contains("Armenia — " + SIDE_ONE, "accusation against Azerbaijan", "Tegh", "example.org")
                .doesNotContain("(ARMENIAN)");
        assertThat(sides.get(0).findElement(By.cssSelector("dd a")).getAttribute("rel")).isEqualTo("noopener noreferrer");

        assertThat(sides.get(1).findElement(By.cssSelector(".statement-text")).getText()).isEqualTo(PAYLOAD);
        assertThat(sides.get(1).getText()).contains("<img src=x onerror=\"window.__pwned=3\">");
        assertThat(tegh.findElements(By.tagName("img"))).isEmpty();
        assertThat(tegh.findElements(By.tagName("script"))).isEmpty();
        assertThat(sides.get(1).findElements(By.cssSelector("dd a"))).as("javascript: URLs are never links").isEmpty();
        assertThat(script("return typeof window.__pwned")).isEqualTo("undefined");
        assertThat(browser.getTitle()).isEqualTo("ceasefire-monitor");
        assertThat(browser.findElement(By.cssSelector("#sectors tr[data-sector=UNRESOLVED] td")).getText()).isEqualTo("Unresolved place names");
    }

    @Test
    @Order(3)
    @DisplayName("draws both sides' bars when their counts are equal, with the exact counts by keyboard")
    void bothSidesVisible() {
        open("/?sector=SYUNIK&from=2023-04-01&to=2023-04-30");
        int week = ((Number) script("return window.Chart.getChart('trend').data.labels.indexOf('2023-04-10')")).intValue();
        assertThat(week).isGreaterThanOrEqualTo(0);
        @SuppressWarnings("unchecked")
        List<Map<String, Number>> bars = (List<Map<String, Number>>) script("const chart = window.Chart.getChart('trend');"
                + "return [0, 1].map((d) => { const bar = chart.getDatasetMeta(d).data[arguments[0]];"
                + "return { value: chart.data.datasets[d].data[arguments[0]], x: bar.x, width: bar.width, height: bar.height }; });", week);
        assertThat(bars).extracting(bar -> bar.get("value").intValue()).containsExactly(2, 2);
        assertThat(bars.get(0).get("height").doubleValue()).isGreaterThan(10).isEqualTo(bars.get(1).get("height").doubleValue());
        assertThat(Math.abs(bars.get(0).get("x").doubleValue() - bars.get(1).get("x").doubleValue()))
                .as("bars side by side, not drawn over each other").isGreaterThanOrEqualTo(bars.get(0).get("width").doubleValue());

        WebElement chart = browser.findElement(By.id("trend"));
        chart.click();
        chart.sendKeys(Keys.HOME);
        for (int i = 0; i < week; i++) {
            chart.sendKeys(Keys.ARROW_RIGHT);
        }
        assertThat(browser.findElement(By.id("trend-readout")).getText())
                .contains("Week of 2023-04-10", SIDE_ONE + ": 2", "by " + SIDE_TWO + ": 2");
        new Select(browser.findElement(By.id("period"))).selectByValue("month");
        await().atMost(WAIT).until(() -> "2023-04".equals(script("return window.Chart.getChart('trend').data.labels[0]")));
        assertThat(browser.getCurrentUrl()).contains("period=month");
    }

    @Test
    @Order(4)
    @DisplayName("shows one common 7- and 30-day window for every sector, with its dates, ending on a chosen day")
    void commonWindow() {
        open("/");
        WebElement week = browser.findElement(By.cssSelector("#sectors-windows th[data-window=rolling_7d]"));
        assertThat(week.getText()).contains("7 days", "2023-04-12 – 2023-04-18");
        assertThat(browser.findElement(By.cssSelector("#sectors-windows th[data-window=rolling_30d]")).getText()).contains("2023-03-20 – 2023-04-18");
        assertThat(browser.findElement(By.id("window-end")).getAttribute("value")).isEqualTo("2023-04-18");
        assertThat(cell("TAVUSH-GAZAKH", "rolling_7d", "ARMENIAN")).isEqualTo("0");
        assertThat(cell("TAVUSH-GAZAKH", "all_time", "ARMENIAN")).isEqualTo("1");
        // 2023-04-12 to 2023-04-18 holds the Goris pair of 2023-04-13, not the Tegh pair of 2023-04-11.
        assertThat(cell("SYUNIK", "rolling_7d", "AZERBAIJANI")).isEqualTo("1");
        assertThat(cell("SYUNIK", "rolling_30d", "AZERBAIJANI")).isEqualTo("2");
        JsonNode sectors = http.get("/api/sectors").json();
        assertThat(QueryServerTest.find(sectors, "sector", "TAVUSH-GAZAKH").path("rolling_7d").path("period_end").asText()).isEqualTo("2023-04-18");

        open("/?end=2022-06-05");
        assertThat(browser.findElement(By.cssSelector("#sectors-windows th[data-window=rolling_7d]")).getText()).contains("2022-05-30 – 2022-06-05");
        assertThat(cell("TAVUSH-GAZAKH", "rolling_7d", "ARMENIAN")).isEqualTo("1");
        assertThat(cell("SYUNIK", "rolling_7d", "AZERBAIJANI")).isEqualTo("0");
    }

    private static String cell(String sector, String window, String side) {
        return browser.findElement(By.cssSelector("#sectors tr[data-sector='" + sector + "'] td[data-window=" + window + "][data-side=" + side + "]"))
                .getText();
    }

    @Test
    @Order(5)
    @DisplayName("shows each side's casualty claims next to the other side's, with the API's numbers")
    void casualtiesSideBySide() {
        open("/");
        JsonNode rows = http.get("/api/casualties").json();
        assertThat(rows).isNotEmpty();
        for (JsonNode row : rows) {
            for (JsonNode loss : row.path("losses")) {
                for (String field : List.of("by_itself", "by_other_side", "difference")) {
                    WebElement td = browser.findElement(By.cssSelector("#casualties tr[data-sector='" + row.path("sector").asText() + "'] td[data-side="
                            + loss.path("side").asText() + "][data-field=" + field + "]"));
                    assertThat(td.getAttribute("data-killed")).isEqualTo(loss.path("killed").path(field).asText());
                    assertThat(td.getAttribute("data-wounded")).isEqualTo(loss.path("wounded").path(field).asText());
                }
            }
        }
        // Syunik: Armenia says it lost 0 killed and 2 wounded; Azerbaijan says it killed 4 Armenians.
        assertThat(browser.findElement(By.cssSelector("#casualties tr[data-sector=SYUNIK] td[data-side=ARMENIAN][data-field=by_itself]")).getText())
                .isEqualTo("0 / 2");
        assertThat(browser.findElement(By.cssSelector("#casualties tr[data-sector=SYUNIK] td[data-side=ARMENIAN][data-field=by_other_side]")).getText())
                .isEqualTo("4 / 0");
        assertThat(browser.findElement(By.cssSelector("#casualties tr[data-sector=SYUNIK] td[data-side=AZERBAIJANI][data-field=difference]")).getText())
                .isEqualTo("+2 / -1");
    }

    @Test
    @Order(6)
    @DisplayName("pages through every pair down to the oldest one")
    void pagingReachesTheOldestPair() {
        open("/?group=pairs");
        await().atMost(WAIT).until(() -> pairs().size() == 50);
        WebElement older = browser.findElement(By.id("older"));
        while (older.isDisplayed()) {
            int before = pairs().size();
            older.click();
            await().atMost(WAIT).until(() -> pairs().size() > before);
        }
        assertThat(pairs()).hasSize(OLD_PAIRS + 4);
        assertThat(pairs().get(pairs().size() - 1).getAttribute("data-pair-id")).isEqualTo(OLDEST_PAIR);
        assertThat(browser.findElement(By.id("contradictions-end")).isDisplayed()).isTrue();
    }

    @Test
    @Order(7)
    @DisplayName("restores the filters from a shared URL, keeps them in it, and opens a statement's page")
    void sharedUrl() {
        open("/?sector=GEGHARKUNIK-KALBAJAR&kind=MUTUAL_ACCUSATION&party=AZ&statement=am-2&period=month&group=pairs");
        await().atMost(WAIT).until(() -> pairs().size() == 1);
        assertThat(pairs().get(0).getAttribute("data-pair-id")).isEqualTo("am-2|az-2");
        assertThat(new Select(browser.findElement(By.id("filter-sector"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("GEGHARKUNIK-KALBAJAR");
        assertThat(new Select(browser.findElement(By.id("period"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("month");
        assertThat(browser.findElement(By.id("filter-statement")).getAttribute("value")).isEqualTo("am-2");
        assertThat(browser.findElement(By.id("export-csv")).getAttribute("href"))
                .contains("/api/export/contradictions.csv", "sector=GEGHARKUNIK-KALBAJAR", "statement=am-2");

        new Select(browser.findElement(By.id("filter-kind"))).selectByValue("ACCUSATION_DENIED");
        await().atMost(WAIT).until(() -> browser.getCurrentUrl().contains("kind=ACCUSATION_DENIED"));
        await().atMost(WAIT).until(() -> pairs().isEmpty());

        open("/?view=statement&id=am-2");
        await().atMost(WAIT).until(() -> !browser.findElements(By.cssSelector("#statement-pairs li.contradiction")).isEmpty());
        assertThat(browser.findElement(By.id("overview")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("#statement-revisions .statement"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("#statement-pairs li.contradiction")).getAttribute("data-pair-id")).isEqualTo("am-2|az-2");
    }

    @Test
    @Order(8)
    @DisplayName("draws the places that have coordinates, lists the others, and a click on a place filters everything by its sector")
    void map() {
        open("/");
        await().atMost(WAIT).until(() -> "2".equals(script("return document.getElementById('map').dataset.drawn || ''")));
        assertThat(browser.findElements(By.cssSelector("#map path.place-marker"))).hasSize(2);
        JsonNode places = http.get("/api/map").json().path("places");
        JsonNode tegh = QueryServerTest.find(places, "place_id", "tegh");
        assertThat(tegh.path("accusations_by_side").path("ARMENIAN").asLong()).isEqualTo(1);
        assertThat(tegh.path("accusations_by_side").path("AZERBAIJANI").asLong()).isEqualTo(1);
        assertThat(tegh.path("contradictions").asLong()).isEqualTo(1);
        assertThat(QueryServerTest.find(places, "place_id", "kut").path("accusations_by_side").path("AZERBAIJANI").asLong()).isEqualTo(OLD_PAIRS);
        WebElement goris = browser.findElement(By.cssSelector("#map-unplaced button[data-place-id=goris]"));
        assertThat(goris.getText()).isEqualTo("Goris 2/1");
        assertThat(browser.findElements(By.cssSelector("#map-unplaced button[data-place-id=tegh]"))).as("drawn, not listed").isEmpty();

        browser.findElement(By.cssSelector("#map path.place-tegh")).click();
        await().atMost(WAIT).until(() -> browser.getCurrentUrl().contains("sector=SYUNIK"));
        await().atMost(WAIT).until(() -> episodes().size() == 2);
        assertThat(new Select(browser.findElement(By.id("filter-sector"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("SYUNIK");
        assertThat(browser.findElement(By.id("trend-sector")).getText()).contains("Syunik border");
        assertThat(browser.findElement(By.cssSelector("#sectors tr.selected")).getAttribute("data-sector")).isEqualTo("SYUNIK");
        browser.findElement(By.cssSelector("#map-unplaced button[data-place-id=goris]")).click();
        await().atMost(WAIT).until(() -> !browser.getCurrentUrl().contains("sector="));
        await().atMost(WAIT).until(() -> episodes().size() == 50);
    }

    @Test
    @Order(9)
    @DisplayName("shows operators the rejected statements of the day, the lag, the last output and the unresolved names")
    void operators() {
        app.sendGarbage("not-avro");
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        await().atMost(WAIT).until(() -> http.get("/api/operations").json().path("dead_letters_per_day").size() == 1);
        open("/");
        WebElement row = browser.findElement(By.cssSelector("#ops-days tr[data-day='" + today + "']"));
        assertThat(row.findElements(By.tagName("td"))).extracting(WebElement::getText).containsExactly(today, "1", "0");
        assertThat(browser.findElement(By.id("ops-summary")).getText()).contains("Last output: 20", "consumer lag of this instance: ");
        assertThat(browser.findElement(By.cssSelector("#unresolved tbody")).getText()).contains("Nowhere-on-any-map 1");
    }

    @Test
    @Order(10)
    @DisplayName("shows operators the closest gazetteer names of an unresolved name, with their places and sectors, as text")
    void closestNames() {
        String typo = "Nerkin Khamd village";
        String hostile = "<b onmouseover=\"window.__pwned=5\">Atlantis</b>";
        app.send(accusation("am-typo", "AM", "AZ", "2021-03-01T06:00:00Z", typo),
                accusation("am-hostile", "AM", "AZ", "2021-03-08T06:00:00Z", hostile));
        await().atMost(WAIT).until(() -> http.get("/api/unresolved-places").body().contains("Nerkin Khamd")
                && http.get("/api/unresolved-places").body().contains("onmouseover"));
        open("/");
        WebElement row = browser.findElement(By.cssSelector("#unresolved tbody tr[data-name='" + typo + "']"));
        List<WebElement> cells = row.findElements(By.tagName("td"));
        assertThat(cells.get(0).getText()).isEqualTo(typo);
        assertThat(cells.get(1).getText()).isEqualTo("1");
        String syunik = SectorNames.of(RunningApp.CONFLICT, "SYUNIK");
        // The three nearest names are all of one place: one line, nearest name first.
        assertThat(cells.get(2).findElements(By.tagName("li"))).extracting(WebElement::getText)
                .containsExactly("Nerkin Khand, Nerkin Hand, Nerqin Hand — nerkin-hand, " + syunik);
        assertThat(browser.findElement(By.cssSelector("#unresolved tbody")).getText()).contains(hostile);
        assertThat(browser.findElements(By.cssSelector("#unresolved b"))).as("a name is text, never markup").isEmpty();
        assertThat(script("return typeof window.__pwned")).isEqualTo("undefined");
    }

    @Test
    @Order(11)
    @DisplayName("fits a 420 px wide screen: nothing runs off it")
    void narrowScreen() throws IOException {
        browser.manage().window().setSize(new Dimension(420, 1400));
        open("/");
        long viewport = ((Number) script("return document.documentElement.clientWidth")).longValue();
        assertThat(viewport).isLessThanOrEqualTo(420);
        assertThat(((Number) script("return document.documentElement.scrollWidth")).longValue()).isLessThanOrEqualTo(viewport);
        // Wide tables scroll inside their own box (.scroll) and the map clips its panes (.leaflet-container): those boxes
        // must fit, what they hold may be wider. Nothing else may reach past the screen's edge.
        Object overflowing = script("return [...document.querySelectorAll('body *')]"
                + ".filter((e) => !e.parentElement.closest('.scroll, .leaflet-container'))"
                + ".filter((e) => e.getClientRects().length && e.getBoundingClientRect().right > arguments[0] + 0.5)"
                + ".map((e) => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))", viewport);
        assertThat((List<?>) overflowing).as("elements past the right edge").isEmpty();
        assertThat(browser.findElements(By.cssSelector("#sectors tbody tr"))).hasSizeGreaterThanOrEqualTo(8);
        screenshot("dashboard-narrow.png");
    }

    @Test
    @Order(12)
    @DisplayName("receives a new pair live, and reconnects its event stream after the server restarts")
    void liveAndReconnect() throws IOException {
        open("/?group=pairs");
        script("window.__sameDocument = 42");
        app.send(accusation("am-3", "AM", "AZ", "2023-05-02T10:00:00Z", "Shushi"),
                accusation("az-3", "AZ", "AM", "2023-05-02T11:00:00Z", "Shusha"));
        await().atMost(WAIT).until(() -> "am-3|az-3".equals(script("return document.querySelector('#contradictions > li')?.dataset.pairId")));
        assertThat(script("return document.querySelector('#contradictions > li').className")).asString().contains("fresh");

        instance.server().close();
        await().atMost(WAIT).until(() -> status().equals("reconnecting…"));
        // Sent while the server is down: the page must catch up once it is back, although it missed the event.
        app.send(accusation("am-5", "AM", "AZ", "2023-05-09T10:00:00Z", "Kapan"),
                accusation("az-5", "AZ", "AM", "2023-05-09T11:00:00Z", "Qafan"));
        instance = app.replaceServer(instance, app.startServer(instance.streams(), instance.host()));
        await().atMost(WAIT).until(() -> "live".equals(status()));
        await().atMost(WAIT).until(() -> "am-5|az-5".equals(script("return document.querySelector('#contradictions > li')?.dataset.pairId")));
        assertThat(script("return window.__sameDocument")).as("no reload").isEqualTo(42L);
        assertThat(script("return typeof window.__pwned")).isEqualTo("undefined");
        await().atMost(WAIT).until(() -> browser.findElement(By.cssSelector("#sectors-windows th[data-window=rolling_7d]")).getText()
                .contains("2023-05-03 – 2023-05-09"));
    }

    @Test
    @Order(13)
    @DisplayName("shows a dense night (three accusations per side, nine pairs) as one episode with its statements per side, expandable to its pairs")
    void episode() throws IOException {
        for (int i = 1; i <= 3; i++) {
            app.send(accusation("am-e" + i, "AM", "AZ", "2023-06-01T0" + i + ":00:00Z", "Berd"),
                    accusation("az-e" + i, "AZ", "AM", "2023-06-01T0" + i + ":30:00Z", "Berd"));
        }
        await().atMost(WAIT).until(() -> http.get("/api/clusters?sector=TAVUSH-GAZAKH").json().path("items").path(0).path("pair_count").asInt() == 9);
        open("/?sector=TAVUSH-GAZAKH");
        await().atMost(WAIT).until(() -> episodes().size() == 2);
        WebElement night = episodes().get(0);
        assertThat(night.getAttribute("data-cluster-id")).isEqualTo("TAVUSH-GAZAKH:am-e1");
        assertThat(night.findElement(By.cssSelector(".pair-count")).getText()).isEqualTo("9 pairs: 9 mutual accusation");
        assertThat(night.findElement(By.cssSelector(".period")).getText()).isEqualTo("2023-06-01 01:00 UTC – 2023-06-01 03:30 UTC");
        List<WebElement> sides = night.findElements(By.cssSelector(".episode-side"));
        assertThat(sides).extracting(side -> side.getAttribute("data-statements")).containsExactly("3", "3");
        assertThat(sides.get(0).getText()).startsWith(SIDE_ONE + ": 3 statements");
        assertThat(sides.get(0).findElements(By.cssSelector("li"))).extracting(li -> li.getAttribute("data-statement-id"))
                .containsExactly("am-e1", "am-e2", "am-e3");
        assertThat(sides.get(1).findElements(By.cssSelector("li"))).extracting(li -> li.getAttribute("data-statement-id"))
                .containsExactly("az-e1", "az-e2", "az-e3");
        assertThat(sides.get(1).getText()).contains("az-e1 — Azerbaijan, accusation, Berd, 2023-06-01 01:30 UTC");
        assertThat(night.findElements(By.cssSelector(".episode-pairs li.contradiction"))).isEmpty();
        assertThat(episodes().get(1).findElement(By.cssSelector(".pair-count")).getText()).isEqualTo("1 pair: 1 mutual accusation");
        assertThat(browser.findElement(By.id("export-csv")).getAttribute("href")).contains("/api/export/clusters.csv", "sector=TAVUSH-GAZAKH");

        WebElement expand = night.findElement(By.cssSelector("button.expand"));
        assertThat(expand.getText()).isEqualTo("Show the 9 pairs");
        expand.click();
        await().atMost(WAIT).until(() -> night.findElements(By.cssSelector(".episode-pairs li.contradiction")).size() == 9);
        assertThat(expand.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(night.findElements(By.cssSelector(".episode-pairs li.contradiction"))).extracting(li -> li.getAttribute("data-pair-id"))
                .contains("am-e1|az-e1", "am-e3|az-e1", "am-e1|az-e3");
        expand.click();
        assertThat(night.findElement(By.cssSelector(".episode-pairs")).isDisplayed()).isFalse();

        new Select(browser.findElement(By.id("filter-group"))).selectByValue("pairs");
        await().atMost(WAIT).until(() -> browser.getCurrentUrl().contains("group=pairs"));
        await().atMost(WAIT).until(() -> pairs().size() == 10);
        assertThat(browser.findElement(By.id("export-csv")).getAttribute("href")).contains("/api/export/contradictions.csv");

        // The default view of everything, the night opened: the README's picture.
        open("/");
        await().atMost(WAIT).until(() -> "TAVUSH-GAZAKH:am-e1".equals(script("return document.querySelector('#contradictions > li')?.dataset.clusterId")));
        episodes().get(0).findElement(By.cssSelector("button.expand")).click();
        await().atMost(WAIT).until(() -> episodes().get(0).findElements(By.cssSelector(".episode-pairs li.contradiction")).size() == 9);
        script("window.scrollTo(0, 0)");
        screenshot("dashboard.png");
    }
}
