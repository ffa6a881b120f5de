package org.openedx.suite.credentials.program;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openedx.suite.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/program-certificates?username=U}: a learner's program certificates, awarded or revoked. */
@RestController
@RequestMapping("/api/program-certificates")
class ProgramCertificateController {

    private final Programs programs;

    ProgramCertificateController(Programs programs) {
        this.programs = programs;
    }

    @GetMapping
    List<ProgramCertificateResponse> of(@RequestParam(required = false) String username) {
        // checked here rather than left to Spring so the 400 has the same field-naming shape as every other one
        if (username == null || username.isBlank()) {
            throw ApiException.badRequest("username", "is required: the learner whose program certificates to list");
        }
        return programs.certificatesOf(username);
    }

    record ProgramCertificateResponse(UUID uuid, UUID programUuid, String programTitle, String username,
                                      String status, Instant modified) {

        static ProgramCertificateResponse of(ProgramCertificate certificate, Program program) {
            return new ProgramCertificateResponse(certificate.uuid(), certificate.programUuid(), program.title(),
                    certificate.username(), certificate.status(), certificate.modified());
        }
    }
}
