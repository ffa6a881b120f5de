package org.openedx.suite.lms.learner;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CertificateRepository extends JpaRepository<Certificate, Long> {

    List<Certificate> findByUserIdOrderByCourseKey(long userId);

    /** The certificates of learners in courses, learner i being (userIds[i], courseKeys[i]). */
    @Query(value = """
            SELECT c.* FROM certificate c
             WHERE (c.user_id, c.course_key) IN
                   (SELECT * FROM unnest(CAST(:userIds AS bigint[]), CAST(:courseKeys AS text[])))
            """, nativeQuery = true)
    List<Certificate> findOfLearners(Long[] userIds, String[] courseKeys);
}
