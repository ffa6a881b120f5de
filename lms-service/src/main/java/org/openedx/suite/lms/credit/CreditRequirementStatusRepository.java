package org.openedx.suite.lms.credit;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CreditRequirementStatusRepository extends JpaRepository<CreditRequirementStatus, Long> {

    List<CreditRequirementStatus> findByUserIdAndCourseKeyOrderByNamespaceAscNameAsc(long userId, String courseKey);

    /** The statuses on requirements of a namespace, requirement i being (userIds[i], courseKeys[i], names[i]). */
    @Query(value = """
            SELECT s.* FROM credit_requirement_status s
             WHERE s.namespace = :namespace
               AND (s.user_id, s.course_key, s.name) IN
                   (SELECT * FROM unnest(CAST(:userIds AS bigint[]), CAST(:courseKeys AS text[]),
                                         CAST(:names AS text[])))
            """, nativeQuery = true)
    List<CreditRequirementStatus> findOfExams(String namespace, Long[] userIds, String[] courseKeys, String[] names);
}
