package org.openedx.suite.insights.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.openedx.suite.insights.InsightsSettings;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The dashboard page, at {@code /} and at {@code /callback} (where the LMS sends the browser back after sign-in): plain
 * HTML with the LMS's public URL written in, and its script and styles under {@code /dashboard/} (static). Everything
 * it shows it reads from the API with the signed-in user's token.
 */
@RestController
class DashboardController {

    private final String page;

    DashboardController(InsightsSettings settings) {
        try (InputStream html = new ClassPathResource("dashboard/index.html").getInputStream()) {
            this.page = new String(html.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("__LMS_PUBLIC_URL__", HtmlUtils.htmlEscape(trimmed(settings.lmsPublicUrl())));
        } catch (IOException e) {
            throw new UncheckedIOException("the dashboard page is missing from the jar", e);
        }
    }

    @GetMapping(path = {"/", "/callback"}, produces = MediaType.TEXT_HTML_VALUE)
    String page() {
        return page;
    }

    private static String trimmed(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
