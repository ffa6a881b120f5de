package org.openedx.suite.lms.ora;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OraSubmissionRepository extends JpaRepository<OraSubmission, UUID> {

    List<OraSubmission> findByUsageKeyOrderBySubmittedAtAscUuidAsc(String usageKey);

    @Query("select coalesce(max(s.attemptNumber), 0) from OraSubmission s where s.usageKey = :usageKey"
            + " and s.userId = :userId")
    int lastAttempt(String usageKey, long userId);
}
