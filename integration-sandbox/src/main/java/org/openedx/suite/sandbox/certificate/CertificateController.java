package org.openedx.suite.sandbox.certificate;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.openedx.suite.sandbox.received.Arrival;
import org.openedx.suite.sandbox.received.Intake;
import org.openedx.suite.sandbox.received.Kind;
import org.openedx.suite.sandbox.web.JsonBody;
import org.openedx.suite.sandbox.web.SandboxException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * An external certificate provider: {@code POST} generates the certificate of a reference (201 the first time, 200
 * with the same id and url after), {@code POST .../revocations {reference}} revokes it, {@code GET} shows them.
 */
@RestController
@RequestMapping(path = CertificateController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
class CertificateController {

    static final String PATH = "/certificate-provider/certificates";

    private final Certificates certificates;
    private final Intake intake;

    CertificateController(Certificates certificates, Intake intake) {
        this.certificates = certificates;
        this.intake = intake;
    }

    @PostMapping
    ResponseEntity<Object> generate(@RequestBody(required = false) byte[] body, HttpServletRequest request) {
        String baseUrl = ServletUriComponentsBuilder.fromContextPath(request).toUriString();
        return intake.receive(Arrival.of(Kind.CERTIFICATE, request), body, json -> {
            Certificates.Generated generated = certificates.generate(CertificateRequest.of(JsonBody.of(json)), baseUrl);
            return ResponseEntity.status(generated.created() ? HttpStatus.CREATED : HttpStatus.OK)
                    .body(generated.certificate().receipt());
        });
    }

    @PostMapping("/revocations")
    ResponseEntity<Object> revoke(@RequestBody(required = false) byte[] body, HttpServletRequest request) {
        return intake.receive(Arrival.of(Kind.REVOCATION, request), body, json ->
                ResponseEntity.ok(certificates.revoke(JsonBody.of(json).text("reference")).receipt()));
    }

    @GetMapping("/{id}")
    Certificate get(@PathVariable String id) {
        return certificates.get(id).orElseThrow(() -> SandboxException.notFound("no certificate has the id " + id));
    }

    @GetMapping
    List<Certificate> list() {
        return certificates.list();
    }
}
