package org.openedx.suite.sandbox.credly;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.openedx.suite.sandbox.received.Arrival;
import org.openedx.suite.sandbox.received.Intake;
import org.openedx.suite.sandbox.received.Kind;
import org.openedx.suite.sandbox.web.JsonBody;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * Credly, the part of its API Open edX credentials uses, under {@code /credly}: {@code POST .../badges} issues a
 * badge (201), {@code PUT .../badges/{badge_id}/revoke} revokes it, {@code GET .../badges} lists them, each answered
 * in {@code {"data": ...}}, with the organization's API key as HTTP Basic. A request is checked in this order: the
 * organization (404), the key (401), the body (400 when it is not a JSON object, 422 naming the field), the badge (404
 * or, for an issue, 422 when the recipient holds it). {@code PUT /api/credly/organizations/{organization_id}
 * {api_key}} makes an organization known. The paths may end in {@code /}, as credentials' client sends them.
 */
@RestController
class CredlyController {

    static final String BADGES = "/credly/v1/organizations/{organization_id}/badges";
    static final String REVOKE = BADGES + "/{badge_id}/revoke";

    private final Organizations organizations;
    private final Badges badges;
    private final Intake intake;
    private final ObjectMapper json;

    CredlyController(Organizations organizations, Badges badges, Intake intake, ObjectMapper json) {
        this.organizations = organizations;
        this.badges = badges;
        this.intake = intake;
        this.json = json;
    }

    @PostMapping(path = {BADGES, BADGES + "/"}, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> issue(@PathVariable("organization_id") String organizationId,
                                 @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        String idempotencyKey = request.getHeader(Arrival.IDEMPOTENCY_KEY);
        return intake.receive(Arrival.of(Kind.CREDLY_BADGE, request), admit(organizationId, request), body, parsed -> {
            IssueRequest issue = IssueRequest.of(JsonBody.of(parsed).refusingWith(HttpStatus.UNPROCESSABLE_ENTITY));
            Badges.Issued issued = badges.issue(organizationId, issue, idempotencyKey);
            return ResponseEntity.status(issued.created() ? HttpStatus.CREATED : HttpStatus.OK)
                    .body(new Data<>(issued.badge()));
        });
    }

    @PutMapping(path = {REVOKE, REVOKE + "/"}, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> revoke(@PathVariable("organization_id") String organizationId,
                                  @PathVariable("badge_id") String badgeId,
                                  @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        return intake.receive(Arrival.of(Kind.CREDLY_REVOCATION, request), admit(organizationId, request), body,
                parsed -> {
                    JsonBody revocation = JsonBody.of(parsed).refusingWith(HttpStatus.UNPROCESSABLE_ENTITY);
                    String reason = revocation.text("reason");
                    revocation.optionalBoolean("suppress_revoke_notification_email");
                    return ResponseEntity.ok(new Data<>(badges.revoke(organizationId, badgeId, reason)));
                });
    }

    @GetMapping(path = {BADGES, BADGES + "/"}, produces = MediaType.APPLICATION_JSON_VALUE)
    Data<List<Badge>> list(@PathVariable("organization_id") String organizationId,
                           @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        organizations.authenticate(organizationId, authorization);
        return new Data<>(badges.list(organizationId));
    }

    @PutMapping("/api/credly/organizations/{organization_id}")
    ResponseEntity<Void> putOrganization(@PathVariable("organization_id") String organizationId,
                                         @RequestBody(required = false) byte[] body) {
        organizations.put(organizationId, JsonBody.of(json, body).text("api_key"));
        return ResponseEntity.noContent().build();
    }

    private Runnable admit(String organizationId, HttpServletRequest request) {
        return () -> organizations.authenticate(organizationId, request.getHeader(HttpHeaders.AUTHORIZATION));
    }

    /** Credly's envelope: {@code {"data": ...}}. */
    record Data<T>(T data) {
    }
}
