package org.openedx.suite.insights.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openedx.suite.insights.InsightsApi;
import org.openedx.suite.insights.InsightsServiceTest;
import org.openedx.suite.testsupport.DefaultToken;
import org.openedx.suite.testsupport.OperatorEndpoints;
import org.springframework.http.MediaType;

/** The dashboard page and what it loads are served to anyone, from the jar; the page then signs its user in. */
@InsightsServiceTest
class DashboardPageTest {

    private final InsightsApi api;

    DashboardPageTest(InsightsApi api) {
        this.api = api;
    }

    @Test
    void the_page_and_its_callback_are_public_and_name_the_lms_the_browser_signs_in_at() {
        for (String path : new String[] {"/", "/callback?code=x&state=y"}) {
            String page = api.getWithToken(DefaultToken.ANONYMOUS, path).expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .returnResult(String.class).getResponseBody();
            assertThat(page).contains("<meta name=\"lms-public-url\" content=\"http://lms.example.com:18000\">")
                    .contains("/webjars/chart.js/4.5.1/dist/chart.umd.js")
                    .contains("data-testid=\"feed\"")
                    .doesNotContain("__LMS_PUBLIC_URL__");
        }
    }

    @Test
    void chart_js_the_script_and_the_styles_come_from_the_service_itself() {
        assertThat(api.getWithToken(DefaultToken.ANONYMOUS, "/webjars/chart.js/4.5.1/dist/chart.umd.js")
                .expectStatus().isOk().returnResult(String.class).getResponseBody()).contains("Chart");
        assertThat(api.getWithToken(DefaultToken.ANONYMOUS, "/dashboard/dashboard.js").expectStatus().isOk()
                .returnResult(String.class).getResponseBody())
                .contains("code_challenge_method: 'S256'", "crypto.subtle.digest('SHA-256'");
        api.getWithToken(DefaultToken.ANONYMOUS, "/dashboard/dashboard.css").expectStatus().isOk();
    }

    @Test
    void the_operator_endpoints_are_the_operator_s_alone() {
        OperatorEndpoints.checkGuarded(api.client(), true);
    }
}
