package org.openedx.suite.lms.enrollment;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface EnrollmentRepository extends JpaRepository<Enrollment, Long> {

    Optional<Enrollment> findByUserIdAndCourseKey(long userId, String courseKey);

    /** Serialises mode changes of one enrollment, so each change is announced once. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from Enrollment e where e.userId = :userId and e.courseKey = :courseKey")
    Optional<Enrollment> lock(long userId, String courseKey);
}
