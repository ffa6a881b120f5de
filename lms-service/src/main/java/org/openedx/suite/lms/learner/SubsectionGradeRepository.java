package org.openedx.suite.lms.learner;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SubsectionGradeRepository extends JpaRepository<SubsectionGrade, Long> {

    List<SubsectionGrade> findByUserIdAndCourseKeyOrderByUsageKey(long userId, String courseKey);

    /** Every subsection grade of the learners, learner i being (userIds[i], courseKeys[i]). */
    @Query(value = """
            SELECT s.* FROM subsection_grade s
             WHERE (s.user_id, s.course_key) IN
                   (SELECT * FROM unnest(CAST(:userIds AS bigint[]), CAST(:courseKeys AS text[])))
            """, nativeQuery = true)
    List<SubsectionGrade> findOfLearners(Long[] userIds, String[] courseKeys);

    /** Of the subsections, i being (userIds[i], usageKeys[i]), those overridden by the feature: (user_id, usage_key). */
    @Query(value = """
            SELECT s.user_id, s.usage_key FROM subsection_grade s
             WHERE s.override_feature = :feature AND (s.user_id, s.usage_key) IN
                   (SELECT * FROM unnest(CAST(:userIds AS bigint[]), CAST(:usageKeys AS text[])))
            """, nativeQuery = true)
    List<Object[]> findOverridden(String feature, Long[] userIds, String[] usageKeys);

    boolean existsByUserIdAndCourseKey(long userId, String courseKey);
}
