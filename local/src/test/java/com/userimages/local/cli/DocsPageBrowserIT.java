package com.userimages.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.userimages.contract.ApiRoute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The docs page in a real browser: Debian's chromium, headless, through its packaged chromedriver
 * (never one Selenium Manager would download). The page loads this server's openapi.yaml, lists every
 * operation, carries a development token, and "try it out" on GET /collections answers 200 in the page.
 * A screenshot is kept at local/target/docs-page.png.
 */
class DocsPageBrowserIT {
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Debian's real binary; /usr/bin/chromium is a wrapper script around it. */
    static final List<Path> CHROMIUM = List.of(Path.of("/usr/lib/chromium/chromium"), Path.of("/usr/bin/chromium"));
    static final Path SCREENSHOT = Path.of("target", "docs-page.png");
    static final Duration WAIT = Duration.ofSeconds(15);

    static InProcessServer local;
    static ChromeDriver browser;

    @BeforeAll
    static void start(@TempDir Path profile) throws Exception {
        Path chromium = CHROMIUM.stream().filter(Files::isExecutable).findFirst().orElse(null);
        if (chromium == null || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = "the docs page test needs Debian's chromium and chromium-driver (" + CHROMEDRIVER
                    + "): apt-get install -y chromium chromium-driver";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(missing);
            Assumptions.abort(missing);
        }
        local = InProcessServer.startWithRealHandlers();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1600");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (local != null) local.close();
    }

    @Test
    void thePageListsEveryOperationAndTriesOneWithItsDevelopmentToken() throws Exception {
        // Alice's collection, made outside the page: the page's listing must show it (its token is alice's).
        Http.Reply created = Http.post(local.base(), "/collections", local.token("alice", null),
                "{\"images\":[{\"url\":\"https://example.com/docs-page.jpg\"}]}");
        assertEquals(201, created.status(), created.body());
        String collectionId = created.json().path("imagesCollectionId").asText();

        browser.get(local.base() + "/docs");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-docs-ready", "authorized"));

        // Every operation of the document, and so every route of ApiRoute, is on the page.
        Set<String> documented = operationsOf(Http.get(local.base(), "/openapi.yaml", null).body());
        Set<String> shown = new TreeSet<>(script("return Array.from(document.querySelectorAll('.opblock')).map(o =>"
                + " o.querySelector('.opblock-summary-method').textContent + ' '"
                + " + o.querySelector('.opblock-summary-path').getAttribute('data-path'))"));
        assertEquals(documented, shown);
        Arrays.stream(ApiRoute.values()).forEach(route ->
                assertTrue(shown.contains(route.routeKey()), () -> route.routeKey() + " is not on the page: " + shown));

        // Pre-authorized: Swagger UI holds the development token for the document's oauth2 scheme.
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript(
                "return window.ui.authSelectors.authorized().hasIn(['jwt', 'token', 'access_token'])"));

        // Try it out: GET /collections, executed by the page, answered 200 with alice's collection.
        WebElement list = browser.findElement(By.id("operations-list-page-listCollections"));
        list.findElement(By.cssSelector(".opblock-summary")).click();
        wait.until(ExpectedConditions.elementToBeClickable(list.findElement(By.cssSelector(".try-out__btn")))).click();
        // The page fills parameters with the document's examples: a fixed from/to would hide every
        // collection outside its dates, so the document has none and the page leaves them empty.
        for (String bound : List.of("from", "to")) {
            WebElement input = list.findElement(By.cssSelector("input[placeholder='" + bound + "']"));
            assertEquals("", input.getDomProperty("value"), () -> bound + " is pre-filled");
        }
        wait.until(ExpectedConditions.elementToBeClickable(list.findElement(By.cssSelector(".execute")))).click();
        WebElement status = wait.until(d -> {
            List<WebElement> cells = list.findElements(By.cssSelector(".live-responses-table .response .response-col_status"));
            return cells.isEmpty() ? null : cells.getFirst();
        });
        String body = list.findElement(By.cssSelector(".live-responses-table .response .response-col_description")).getText();
        assertEquals("200", status.getText().trim(), body);
        assertTrue(body.contains(collectionId), body);
        String curl = list.findElement(By.cssSelector(".curl-command")).getText();
        assertTrue(curl.contains(local.base() + "/collections"), "the page calls this server: " + curl);
        assertTrue(!curl.contains("from=") && !curl.contains("to="), "no date bounds: " + curl);
        assertTrue(curl.contains("Authorization: Bearer ey"), "the page sends its token: " + curl);

        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'})", list);
        File screenshot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SCREENSHOT.toAbsolutePath().getParent());
        Files.copy(screenshot.toPath(), SCREENSHOT, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        // Nor does a write start with a fixed If-Match: the page would send it, and every try would be a 412.
        WebElement delete = browser.findElement(By.id("operations-delete-item-deleteCollection"));
        delete.findElement(By.cssSelector(".opblock-summary")).click();
        wait.until(ExpectedConditions.elementToBeClickable(delete.findElement(By.cssSelector(".try-out__btn")))).click();
        for (String header : List.of("If-Match", "If-None-Match")) {
            WebElement input = wait.until(d -> delete.findElements(By.cssSelector("input[placeholder='" + header + "']")).stream().findFirst().orElse(null));
            assertEquals("", input.getDomProperty("value"), () -> header + " is pre-filled");
        }

        // Nothing the page needed was refused (CSP, a missing asset) and no script failed.
        List<String> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
        assertEquals(List.of(), severe);
    }

    @Test
    void thePagesUploadFormSendsAFileThroughASlotIntoACollection(@TempDir Path dir) throws Exception {
        String token = local.token("alice", null);
        Http.Reply created = Http.post(local.base(), "/collections", token, "{\"images\":[{\"url\":\"https://example.com/before.jpg\"}]}");
        assertEquals(201, created.status(), created.body());
        String collectionId = created.json().path("imagesCollectionId").asText();
        // A real PNG, so that the page's preview can only show it if the presigned GET served its bytes.
        Path png = dir.resolve("upload.png");
        ImageIO.write(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB), "png", png.toFile());

        browser.get(local.base() + "/docs");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-docs-ready", "authorized"));
        browser.findElement(By.id("upload-collection")).sendKeys(collectionId);
        browser.findElement(By.id("upload-file")).sendKeys(png.toAbsolutePath().toString());
        browser.findElement(By.id("upload-submit")).click();
        WebElement form = browser.findElement(By.id("upload-form"));
        String outcome = wait.until(d -> {
            String state = form.getDomAttribute("data-upload");
            return state == null || state.equals("running") ? null : state;
        });
        assertEquals("done", outcome, browser.findElement(By.id("upload-status")).getText());
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "var i = document.getElementById('upload-preview'); return i.complete && i.naturalWidth === 3;")));

        JsonNode images = Http.get(local.base(), "/collections/" + collectionId, token).json().path("images");
        assertEquals(2, images.size(), images.toString());
        assertEquals("upload", images.get(1).path("source").asText(), images.toString());
        assertEquals("image/png", images.get(1).path("contentType").asText());
        assertEquals(Files.size(png), images.get(1).path("bytes").asLong());

        // The CSP let the page reach the local S3 (the PUT, the preview) and nothing was refused.
        List<String> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
        assertEquals(List.of(), severe);
    }

    /** "METHOD /path" of every operation in the served document. */
    static Set<String> operationsOf(String yaml) throws Exception {
        Set<String> operations = new TreeSet<>();
        JsonNode paths = new YAMLMapper().readTree(yaml).path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(method)) {
                    operations.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        return operations;
    }

    @SuppressWarnings("unchecked")
    private static List<String> script(String js) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(js);
    }
}
