package org.openedx.suite.lms.learner;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EnrollmentRepository extends JpaRepository<Enrollment, Long> {

    Optional<Enrollment> findByUserIdAndCourseKey(long userId, String courseKey);

    /** The enrollments of learners in courses, learner i being (userIds[i], courseKeys[i]). */
    @Query(value = """
            SELECT e.* FROM enrollment e
             WHERE (e.user_id, e.course_key) IN
                   (SELECT * FROM unnest(CAST(:userIds AS bigint[]), CAST(:courseKeys AS text[])))
            """, nativeQuery = true)
    List<Enrollment> findOfLearners(Long[] userIds, String[] courseKeys);
}
