package org.openedx.suite.it.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openedx.suite.it.flows.CertificatesDriveCredentialsTest.shortId;
import static org.openedx.suite.it.flows.CertificatesDriveCredentialsTest.usageKey;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openedx.suite.it.clients.Cms;
import org.openedx.suite.it.clients.Insights;
import org.openedx.suite.it.clients.Lms;
import org.openedx.suite.it.support.Http;
import org.openedx.suite.it.support.RunningSuite;
import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Insights' dashboard in a real browser (issue 15): headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}) opens it, is sent to the LMS to sign in as the course's staff (the dashboard is the LMS's
 * public client {@code suite-web}, authorization code with PKCE), sees the course's charts drawn with the figures of
 * what was done, and then sees a change made through the LMS's REST API arrive in the live feed and in the figures
 * without a reload. How long the feed took is printed, not asserted: tests never assert on timings.
 */
class InsightsDashboardTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final String PASSWORD = "correct horse battery";

    private static Suite suite;
    private static Lms lms;
    private static Insights insights;
    private static Path profile;

    private final String courseKey = "course-v1:edX+Dash" + shortId() + "+2026";

    @BeforeAll
    static void suite() throws IOException {
        suite = RunningSuite.with(SuiteService.CMS, SuiteService.LMS, SuiteService.INSIGHTS);
        lms = new Lms(suite.service(SuiteService.LMS).baseUrl());
        insights = new Insights(suite.service(SuiteService.INSIGHTS).baseUrl());
        profile = Files.createTempDirectory("suite-chromium");
    }

    @AfterAll
    static void removeProfile() throws IOException {
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void staff_sign_in_see_the_course_drawn_and_a_change_in_the_lms_arrives_live() throws Exception {
        new Cms(suite.service(SuiteService.CMS).baseUrl()).createAndPublish(courseKey, "Dashboard Biology");
        await().atMost(EVENTUALLY).until(() -> lms.course(courseKey), Optional::isPresent);
        lms.gradingPolicy(courseKey, 0.5, false);
        String staff = staffOf(courseKey);
        String homework = usageKey(courseKey, "homework");
        for (String mode : List.of("verified", "verified", "audit")) {
            String learner = "learner_" + shortId();
            lms.createUser(learner);
            lms.enroll(learner, courseKey, mode);
            lms.grade(courseKey, learner, homework, mode.equals("audit") ? 2 : 8, 10);
        }
        await().atMost(EVENTUALLY).until(() -> insights.figures(courseKey).map(figures ->
                figures.path("certificates").path("awarded").asLong() == 2).orElse(false));

        WebDriver browser = browser();
        try {
            browser.manage().window().setSize(new Dimension(1280, 800));
            browser.get(insights.baseUrl() + "/?course=" + courseKey);
            await().atMost(EVENTUALLY).until(() -> browser.getCurrentUrl().startsWith(lms.baseUrl() + "/login"));
            browser.findElement(By.name("username")).sendKeys(staff);
            browser.findElement(By.name("password")).sendKeys(PASSWORD);
            browser.findElement(By.cssSelector("button[type=submit]")).click();

            await().atMost(EVENTUALLY).until(() -> browser.getCurrentUrl().startsWith(insights.baseUrl())
                    && text(browser, "enrolled-verified").equals("2"));
            assertThat(text(browser, "enrolled-audit")).isEqualTo("1");
            assertThat(text(browser, "passed")).isEqualTo("2");
            assertThat(text(browser, "failed")).isEqualTo("0");
            assertThat(text(browser, "certificates-awarded")).isEqualTo("2");
            assertThat(chartsDrawn(browser)).as("charts Chart.js has drawn on the page").isGreaterThanOrEqualTo(4);
            assertThat(fitsTheWidth(browser)).as("no sideways scrolling at 1280x800").isTrue();
            screenshot(browser, "insights-dashboard.png");

            String newestBefore = newestFeedItem(browser);
            String newcomer = "newcomer_" + shortId();
            lms.createUser(newcomer);
            long sent = System.nanoTime();
            lms.enroll(newcomer, courseKey, "verified");
            await().atMost(EVENTUALLY).until(() -> !newestFeedItem(browser).equals(newestBefore));
            long feedMillis = (System.nanoTime() - sent) / 1_000_000;
            await().atMost(EVENTUALLY).until(() -> text(browser, "enrolled-verified").equals("3"));
            System.out.printf("insights dashboard: the enrollment reached the live feed %d ms after the LMS "
                    + "answered%n", feedMillis);
            assertThat(newestFeedItem(browser)).contains("registered");

            browser.manage().window().setSize(new Dimension(390, 844));
            assertThat(fitsTheWidth(browser)).as("no sideways scrolling on a phone (390x844)").isTrue();
            assertThat(text(browser, "enrolled-verified")).isEqualTo("3");
        } finally {
            browser.quit();
        }
    }

    @Test
    void the_figures_refuse_a_caller_without_a_token_and_a_learner() {
        var learner = "learner_" + shortId();
        lms.createUser(learner);
        String token = suite.identity().userToken(learner);
        new Cms(suite.service(SuiteService.CMS).baseUrl()).createAndPublish(courseKey, "Closed Course");

        assertThat(Http.getWithToken(insights.baseUrl() + "/api/courses/" + courseKey + "/insights", null).status())
                .isEqualTo(401);
        assertThat(Http.getWithToken(insights.baseUrl() + "/api/courses/" + courseKey + "/insights", token).status())
                .isEqualTo(403);
    }

    /** A user with a password who is staff of the course, to sign in with. */
    private static String staffOf(String courseKey) {
        String staff = "staff_" + shortId();
        var created = Http.post(lms.baseUrl() + "/api/users", Map.of("username", staff,
                "email", staff + "@example.org", "name", "Staff " + staff, "password", PASSWORD));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        var added = Http.post(lms.baseUrl() + "/api/courses/" + courseKey + "/staff/" + staff, Map.of());
        assertThat(added.status()).as("%s", added).isBetween(200, 204);
        return staff;
    }

    /** The element's text as it is now: read in the page, as the page redraws its figures while the test reads. */
    private static String text(WebDriver browser, String testId) {
        Object text = ((JavascriptExecutor) browser).executeScript(
                "const e = document.querySelector(\"[data-testid='\" + arguments[0] + \"']\");"
                        + " return e ? e.textContent.trim() : '';", testId);
        return String.valueOf(text);
    }

    /** The newest item of the live feed, its statement id and text; empty while there is none. */
    private static String newestFeedItem(WebDriver browser) {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(
                "const e = document.querySelector(\"[data-testid='feed'] [data-statement-id]\");"
                        + " return e ? e.getAttribute('data-statement-id') + ' ' + e.textContent : '';"));
    }

    private static long chartsDrawn(WebDriver browser) {
        Object drawn = ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('canvas'))"
                        + ".filter(c => window.Chart && Chart.getChart(c)).length;");
        return ((Number) drawn).longValue();
    }

    private static boolean fitsTheWidth(WebDriver browser) {
        return (Boolean) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth;");
    }

    /** Kept under target/, for the README's picture and for a person looking into a failure. */
    private static void screenshot(WebDriver browser, String name) throws IOException {
        Path target = Path.of("target", name);
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static WebDriver browser() {
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--user-data-dir=" + profile.resolve(UUID.randomUUID().toString()));
        return new ChromeDriver(driver, options);
    }
}
