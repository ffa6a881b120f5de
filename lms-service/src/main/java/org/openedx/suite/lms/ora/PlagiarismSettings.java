package org.openedx.suite.lms.ora;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The plagiarism service ({@code ORA_PLAGIARISM_URL}, where submissions are posted), the secret both sides sign with
 * ({@code ORA_PLAGIARISM_SECRET}) and where it answers ({@code ORA_CALLBACK_URL}). Without a URL, no check is
 * requested; with one, the secret is required, since an unsigned verdict could be anyone's.
 */
@Component
class PlagiarismSettings {

    private final URI url;
    private final String secret;
    private final URI callbackUrl;

    PlagiarismSettings(@Value("${suite.ora.plagiarism-url:}") String url,
                       @Value("${suite.ora.plagiarism-secret:}") String secret,
                       @Value("${suite.ora.callback-url:}") String callbackUrl,
                       @Value("${server.port:18000}") int port) {
        this.url = url.isBlank() ? null : URI.create(url);
        this.secret = secret;
        if (this.url != null && secret.isBlank()) {
            throw new IllegalStateException("ORA_PLAGIARISM_URL is set but ORA_PLAGIARISM_SECRET is not: the "
                    + "plagiarism service's callbacks could not be verified");
        }
        this.callbackUrl = URI.create(callbackUrl.isBlank()
                ? "http://localhost:" + port + "/api/ora/plagiarism-callbacks" : callbackUrl);
    }

    boolean enabled() {
        return url != null;
    }

    URI url() {
        return url;
    }

    String secret() {
        return secret;
    }

    URI callbackUrl() {
        return callbackUrl;
    }
}
