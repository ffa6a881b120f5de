package org.openedx.suite.credentials.program;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.openedx.suite.contracts.EventTimes;
import org.openedx.suite.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Programs, and learners' certificates of them. */
@Service
class Programs {

    private final ProgramRepository programs;
    private final ProgramCertificateRepository certificates;
    private final ProgramCertificates following;

    Programs(ProgramRepository programs, ProgramCertificateRepository certificates, ProgramCertificates following) {
        this.programs = programs;
        this.certificates = certificates;
        this.following = following;
    }

    @Transactional
    ProgramController.ProgramResponse create(ProgramController.ProgramRequest request) {
        List<String> courseKeys = request.courseKeys().stream().distinct().toList();
        Instant now = EventTimes.truncate(Instant.now());
        Program program = programs.save(new Program(request.title(), request.organization(), request.type(),
                courseKeys, now));
        following.reconcile(program, now);
        return ProgramController.ProgramResponse.of(program);
    }

    @Transactional(readOnly = true)
    List<ProgramController.ProgramResponse> all() {
        return programs.findAllByOrderByCreatedAscUuidAsc().stream().map(ProgramController.ProgramResponse::of)
                .toList();
    }

    @Transactional(readOnly = true)
    ProgramController.ProgramResponse find(UUID uuid) {
        return programs.findById(uuid).map(ProgramController.ProgramResponse::of)
                .orElseThrow(() -> ApiException.notFound("no program " + uuid));
    }

    @Transactional(readOnly = true)
    List<ProgramCertificateController.ProgramCertificateResponse> certificatesOf(String username) {
        List<ProgramCertificate> held = certificates.findByUsernameOrderByModifiedAsc(username);
        Map<UUID, Program> ofThem = programs.findAllById(held.stream().map(ProgramCertificate::programUuid).toList())
                .stream().collect(Collectors.toMap(Program::uuid, Function.identity()));
        return held.stream().map(certificate -> ProgramCertificateController.ProgramCertificateResponse.of(
                certificate, ofThem.get(certificate.programUuid()))).toList();
    }
}
