package org.openedx.suite.sandbox.certificate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openedx.suite.sandbox.received.Resettable;
import org.openedx.suite.sandbox.web.SandboxException;
import org.springframework.stereotype.Service;

/** The provider's certificates, one per reference: generating a reference again regenerates the same certificate. */
@Service
class Certificates implements Resettable {

    private final Map<String, Certificate> byReference = new LinkedHashMap<>();
    private final Map<String, Certificate> byId = new LinkedHashMap<>();

    /** The certificate for the request's reference, made or made again; {@code created} tells which. */
    synchronized Generated generate(CertificateRequest request, String baseUrl) {
        Certificate known = byReference.get(request.reference());
        Certificate certificate;
        if (known == null) {
            String id = UUID.randomUUID().toString();
            certificate = request.toCertificate(id, baseUrl + CertificateController.PATH + "/" + id, Instant.now());
        } else {
            certificate = known.regenerated(request, Instant.now());
        }
        keep(certificate);
        return new Generated(certificate, known == null);
    }

    synchronized Certificate revoke(String reference) {
        Certificate known = byReference.get(reference);
        if (known == null) {
            throw SandboxException.notFound("no certificate has the reference " + reference);
        }
        Certificate revoked = known.revoked(Instant.now());
        keep(revoked);
        return revoked;
    }

    synchronized Optional<Certificate> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    synchronized List<Certificate> list() {
        return new ArrayList<>(byId.values());
    }

    @Override
    public synchronized void reset() {
        byReference.clear();
        byId.clear();
    }

    private void keep(Certificate certificate) {
        byReference.put(certificate.reference(), certificate);
        byId.put(certificate.id(), certificate);
    }

    record Generated(Certificate certificate, boolean created) {
    }
}
