package org.openedx.suite.lms.certificate;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.openedx.suite.contracts.CourseKey;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/courses/{course_key}/certificate-provider}: the external system that generates the run's certificates,
 * set by its staff. {@code url} is the provider's base: the LMS posts to {@code <url>/certificates} and
 * {@code <url>/certificates/revocations}.
 */
@RestController
@RequestMapping("/api/courses/{course_key}/certificate-provider")
@Validated
class CertificateProviderController {

    private final ExternalCertificates certificates;

    CertificateProviderController(ExternalCertificates certificates) {
        this.certificates = certificates;
    }

    @PutMapping
    ExternalCertificates.ProviderResponse configure(@PathVariable("course_key") @CourseKey String courseKey,
                                                    @Valid @RequestBody ProviderRequest request) {
        return certificates.configure(courseKey,
                new ExternalCertificates.ProviderRequest(request.url(), request.templateId(), request.modes()));
    }

    @GetMapping
    ExternalCertificates.ProviderResponse show(@PathVariable("course_key") @CourseKey String courseKey) {
        return certificates.providerOf(courseKey);
    }

    @DeleteMapping
    ResponseEntity<Void> remove(@PathVariable("course_key") @CourseKey String courseKey) {
        certificates.remove(courseKey);
        return ResponseEntity.noContent().build();
    }

    /** @param modes the enrollment modes whose certificates the provider generates, e.g. {@code ["verified"]} */
    record ProviderRequest(@NotBlank @Size(max = 2048) String url, @NotBlank @Size(max = 200) String templateId,
                           @NotEmpty @Size(max = 6) List<@NotBlank String> modes) {
    }
}
