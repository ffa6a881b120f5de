package org.openedx.suite.credentials.program;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ProgramCertificateRepository extends JpaRepository<ProgramCertificate, UUID> {

    List<ProgramCertificate> findByUsernameOrderByModifiedAsc(String username);

    @Query("select c from ProgramCertificate c where c.username in :usernames and c.programUuid in :programs")
    List<ProgramCertificate> findOf(@Param("usernames") java.util.Collection<String> usernames,
                                    @Param("programs") java.util.Collection<UUID> programs);
}
