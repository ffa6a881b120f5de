package org.openedx.suite.sandbox.plagiarism;

import java.net.URI;
import java.net.URISyntaxException;

import org.openedx.suite.sandbox.web.JsonBody;
import org.openedx.suite.sandbox.web.SandboxException;

/** {@code {submission_uuid, course_key?, usage_key?, text, callback_url}}. */
record SubmissionRequest(String submissionUuid, String courseKey, String usageKey, String text, URI callbackUrl) {

    /** Reads the body, refusing it with the name of the first field that is missing or wrong. */
    static SubmissionRequest of(JsonBody body) {
        return new SubmissionRequest(body.text("submission_uuid"), body.optionalText("course_key").orElse(null),
                body.optionalText("usage_key").orElse(null), body.text("text"), callbackUrl(body.text("callback_url")));
    }

    private static URI callbackUrl(String url) {
        try {
            URI uri = new URI(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw SandboxException.badRequest("callback_url", "must be an absolute http or https URL");
    }
}
