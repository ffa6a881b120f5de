package org.openedx.suite.lms.course;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface GradingPolicyRepository extends JpaRepository<GradingPolicy, String> {

    /**
     * Gives the course its default policy unless it has one. Two first policies of a course written at once then
     * meet here, the second waiting for the first, instead of both inserting and one failing on the key.
     */
    @Modifying
    @Query(value = """
            INSERT INTO grading_policy (course_key, passing_grade, credit_course, modified)
            VALUES (:courseKey, :passingGrade, false, :now)
            ON CONFLICT (course_key) DO NOTHING
            """, nativeQuery = true)
    void createIfAbsent(String courseKey, BigDecimal passingGrade, Instant now);

    /** The policy, locked until the transaction ends, so that changes to it take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT p FROM GradingPolicy p WHERE p.courseKey = :courseKey")
    Optional<GradingPolicy> findForUpdate(String courseKey);
}
