package org.openedx.suite.lms.certificate;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.openedx.suite.contracts.CertificateData;
import org.openedx.suite.contracts.CertificateEvent;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.eventbus.PublishedEvent;
import org.openedx.suite.eventbus.PublishedEventsListener;
import org.openedx.suite.lms.learner.CourseMode;
import org.openedx.suite.outbound.OutboundDeliveries;
import org.openedx.suite.outbound.OutboundRequest;
import org.openedx.suite.outbound.OutboundUrlPolicy;
import org.openedx.suite.web.ApiException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * External certificate generation: a course run may name a provider that makes its certificates (Open edX's
 * "External Certificate Generation" use case). When the LMS creates a {@code downloadable} certificate in a mode the
 * provider takes, it asks the provider to generate it, in the transaction that creates it; a revocation asks the
 * provider to revoke what it made. Both are durable outbound calls ordered per certificate, so a revocation never
 * overtakes its generation; the provider's id and URL are kept on the learner's certificate.
 */
@Service
class ExternalCertificates implements PublishedEventsListener {

    static final String GENERATE = "certificate-generation";
    static final String REVOKE = "certificate-revocation";

    private final JdbcTemplate jdbc;
    private final OutboundDeliveries deliveries;
    private final OutboundUrlPolicy urls;
    private final JsonMapper json;

    ExternalCertificates(JdbcTemplate jdbc, OutboundDeliveries deliveries, OutboundUrlPolicy urls, JsonMapper json) {
        this.jdbc = jdbc;
        this.deliveries = deliveries;
        this.urls = urls;
        this.json = json;
    }

    /** One query for the providers of the transaction's certificate events; nothing more when no run has one. */
    @Override
    public void published(List<PublishedEvent> events) {
        List<PublishedEvent> certificateEvents = events.stream()
                .filter(event -> event.type().equals(OpenEdxEvents.CERTIFICATE_CREATED)
                        || event.type().equals(OpenEdxEvents.CERTIFICATE_REVOKED)).toList();
        if (certificateEvents.isEmpty()) {
            return;
        }
        Map<String, Provider> providers = providers(certificateEvents.stream()
                .map(event -> ((CertificateEvent) event.payload()).certificate().course().courseKey())
                .collect(Collectors.toSet()));
        if (providers.isEmpty()) {
            return;
        }
        for (PublishedEvent event : certificateEvents) {
            CertificateData certificate = ((CertificateEvent) event.payload()).certificate();
            Provider provider = providers.get(certificate.course().courseKey());
            if (provider == null) {
                continue;
            }
            if (event.type().equals(OpenEdxEvents.CERTIFICATE_CREATED)) {
                generate(certificate, provider);
            } else {
                revoke(certificate, provider);
            }
        }
    }

    private void generate(CertificateData certificate, Provider provider) {
        if (!provider.modes().contains(certificate.mode())) {
            return;
        }
        String courseKey = certificate.course().courseKey();
        String username = certificate.user().pii().username();
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("reference", reference(courseKey, username));
        body.put("template_id", provider.templateId());
        body.put("username", username);
        body.put("name", certificate.user().pii().name());
        body.put("email", certificate.user().pii().email());
        body.put("course_key", courseKey);
        body.put("course_name", certificate.course().displayName());
        body.put("mode", certificate.mode());
        body.put("grade", certificate.grade());
        deliveries.enqueue(OutboundRequest.post(GENERATE, reference(courseKey, username),
                reference(courseKey, username), URI.create(provider.url() + "/certificates"),
                json.writeValueAsString(body)));
        state(courseKey, username, "requested", null, null, null);
    }

    /** Only a certificate the provider was asked for is revoked there. */
    private void revoke(CertificateData certificate, Provider provider) {
        String courseKey = certificate.course().courseKey();
        String username = certificate.user().pii().username();
        Optional<ExternalCertificate> external = external(courseKey, username);
        if (external.isEmpty() || external.get().status().equals("revoked")) {
            return;
        }
        deliveries.enqueue(OutboundRequest.post(REVOKE, reference(courseKey, username),
                reference(courseKey, username), URI.create(provider.url() + "/certificates/revocations"),
                json.writeValueAsString(Map.of("reference", reference(courseKey, username)))));
        jdbc.update("UPDATE external_certificate SET status = 'revoking', updated_at = now()"
                + " WHERE course_key = ? AND username = ?", courseKey, username);
    }

    /** What the provider made of the certificate: set in the transaction that records its answer. */
    void state(String courseKey, String username, String status, String externalId, String externalUrl,
               String detail) {
        jdbc.update("""
                INSERT INTO external_certificate (course_key, username, status, external_id, external_url, detail,
                                                  updated_at)
                VALUES (?, ?, ?, ?, ?, ?, now())
                ON CONFLICT (course_key, username) DO UPDATE SET status = EXCLUDED.status,
                    external_id = coalesce(EXCLUDED.external_id, external_certificate.external_id),
                    external_url = coalesce(EXCLUDED.external_url, external_certificate.external_url),
                    detail = EXCLUDED.detail, updated_at = now()
                """, courseKey, username, status, externalId, externalUrl, detail);
    }

    static String reference(String courseKey, String username) {
        return courseKey + "/" + username;
    }

    static String[] split(String reference) {
        int slash = reference.lastIndexOf('/');
        return new String[] {reference.substring(0, slash), reference.substring(slash + 1)};
    }

    // ---- the run's provider, configured by its staff

    @Transactional
    ProviderResponse configure(String courseKey, ProviderRequest request) {
        URI url;
        try {
            url = new URI(request.url().replaceAll("/+$", ""));
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("url", "is not a URL: " + e.getReason());
        }
        urls.refusal(url).ifPresent(reason -> {
            throw ApiException.badRequest("url", reason);
        });
        List<String> modes = request.modes().stream().distinct().toList();
        for (int i = 0; i < modes.size(); i++) {
            try {
                CourseMode.fromWire(modes.get(i));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("modes[" + i + "]", "must be one of audit, honor, verified, "
                        + "professional, no-id-professional, masters");
            }
        }
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO certificate_provider (course_key, url, template_id, modes, updated_at)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (course_key) DO UPDATE SET url = EXCLUDED.url, template_id = EXCLUDED.template_id,
                        modes = EXCLUDED.modes, updated_at = EXCLUDED.updated_at""");
            Array array = connection.createArrayOf("text", modes.toArray());
            statement.setString(1, courseKey);
            statement.setString(2, url.toString());
            statement.setString(3, request.templateId());
            statement.setArray(4, array);
            statement.setTimestamp(5, Timestamp.from(Instant.now()));
            return statement;
        });
        return provider(courseKey).map(Provider::response).orElseThrow();
    }

    @Transactional(readOnly = true)
    ProviderResponse providerOf(String courseKey) {
        return provider(courseKey).map(Provider::response)
                .orElseThrow(() -> ApiException.notFound(courseKey + " has no certificate provider"));
    }

    @Transactional
    void remove(String courseKey) {
        if (jdbc.update("DELETE FROM certificate_provider WHERE course_key = ?", courseKey) == 0) {
            throw ApiException.notFound(courseKey + " has no certificate provider");
        }
    }

    /** The provider's side of a learner's certificates, by course key. */
    @Transactional(readOnly = true)
    Map<String, ExternalCertificate> of(String username) {
        return jdbc.query("SELECT course_key, status, external_id, external_url, detail, updated_at"
                        + " FROM external_certificate WHERE username = ?", (rs, n) -> new ExternalCertificate(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant()), username)
                .stream().collect(Collectors.toMap(ExternalCertificate::courseKey, e -> e));
    }

    private Optional<ExternalCertificate> external(String courseKey, String username) {
        return Optional.ofNullable(of(username).get(courseKey));
    }

    private Map<String, Provider> providers(java.util.Set<String> courseKeys) {
        return jdbc.query(connection -> {
            var statement = connection.prepareStatement("SELECT course_key, url, template_id, modes, updated_at"
                    + " FROM certificate_provider WHERE course_key = ANY (?)");
            statement.setArray(1, connection.createArrayOf("text", courseKeys.toArray()));
            return statement;
        }, (rs, n) -> new Provider(rs.getString(1), rs.getString(2), rs.getString(3),
                List.of((String[]) rs.getArray(4).getArray()), rs.getTimestamp(5).toInstant()))
                .stream().collect(Collectors.toMap(Provider::courseKey, p -> p));
    }

    private Optional<Provider> provider(String courseKey) {
        return Optional.ofNullable(providers(java.util.Set.of(courseKey)).get(courseKey));
    }

    record Provider(String courseKey, String url, String templateId, List<String> modes, Instant updatedAt) {
        ProviderResponse response() {
            return new ProviderResponse(courseKey, url, templateId, modes, updatedAt);
        }
    }

    /**
     * @param status {@code requested}, {@code generated}, {@code revoking}, {@code revoked} or {@code failed}
     * @param detail why it failed, when it did
     */
    record ExternalCertificate(String courseKey, String status, String id, String url, String detail,
                               Instant modified) {
    }

    record ProviderRequest(String url, String templateId, List<String> modes) {
    }

    record ProviderResponse(String courseKey, String url, String templateId, List<String> modes, Instant modified) {
    }
}
