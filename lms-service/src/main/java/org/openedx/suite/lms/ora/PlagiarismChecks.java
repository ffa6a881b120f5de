package org.openedx.suite.lms.ora;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.openedx.suite.outbound.OutboundDeliveries;
import org.openedx.suite.outbound.OutboundDelivery;
import org.openedx.suite.outbound.OutboundPurpose;
import org.openedx.suite.outbound.OutboundRequest;
import org.openedx.suite.outbound.WebhookSignature;
import org.openedx.suite.web.ApiException;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends each new submission's text to the plagiarism service (Open edX's "Send ORA Submissions to Third-Party
 * Plagiarism Services"), as a durable outbound call written in the submission's transaction and signed with the shared
 * secret; takes the service's verdict from its signed callback.
 */
@Component
class PlagiarismChecks implements OutboundPurpose {

    static final String PURPOSE = "plagiarism-check";

    private final PlagiarismSettings settings;
    private final OutboundDeliveries deliveries;
    private final OraSubmissions submissions;
    private final JsonMapper json;

    PlagiarismChecks(PlagiarismSettings settings, OutboundDeliveries deliveries, OraSubmissions submissions,
                     JsonMapper json) {
        this.settings = settings;
        this.deliveries = deliveries;
        this.submissions = submissions;
        this.json = json;
    }

    @EventListener
    void requestCheck(OraSubmissionCreated created) {
        if (!settings.enabled()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("submission_uuid", created.submissionUuid());
        body.put("course_key", created.courseKey());
        body.put("usage_key", created.usageKey());
        body.put("text", created.text());
        body.put("callback_url", settings.callbackUrl().toString());
        deliveries.enqueue(OutboundRequest.post(PURPOSE, created.submissionUuid(), created.submissionUuid(),
                settings.url(), json.writeValueAsString(body)));
    }

    /**
     * The service's verdict, {@code {submission_uuid, similarity (0..1), report_url}}, signed with the shared secret.
     *
     * @throws ApiException 401 when the signature is missing, wrong or stale; 400 naming a bad field
     */
    void receive(String id, String timestamp, String signature, String body) {
        if (!settings.enabled()) {
            throw new ApiException(HttpStatus.NOT_FOUND, null, "no plagiarism service is configured");
        }
        if (!new WebhookSignature(settings.secret()).verifies(id, timestamp, signature, body, Instant.now())) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "webhook-signature",
                    "the callback is not signed with the plagiarism service's secret (Standard Webhooks)");
        }
        JsonNode verdict;
        try {
            verdict = json.readTree(body);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("body", "is not JSON");
        }
        UUID submission;
        try {
            submission = UUID.fromString(verdict.path("submission_uuid").asString(""));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("submission_uuid", "must be the UUID of a submission");
        }
        JsonNode similarity = verdict.path("similarity");
        if (!similarity.isNumber() || similarity.asDouble() < 0 || similarity.asDouble() > 1) {
            throw ApiException.badRequest("similarity", "must be a number from 0 to 1");
        }
        JsonNode report = verdict.path("report_url");
        if (!report.isMissingNode() && !report.isNull() && !report.isString()) {
            throw ApiException.badRequest("report_url", "must be a URL");
        }
        submissions.checked(submission, similarity.decimalValue(),
                report.isString() ? report.asString() : null);
    }

    // ---- the call to the service

    @Override
    public String name() {
        return PURPOSE;
    }

    @Override
    public Map<String, String> headers(OutboundDelivery delivery, Instant sentAt) {
        return new WebhookSignature(settings.secret()).headers(delivery.id().toString(), sentAt, delivery.body());
    }

    @Override
    public void failed(OutboundDelivery delivery, String reason) {
        submissions.checkFailed(UUID.fromString(delivery.reference()));
    }
}
