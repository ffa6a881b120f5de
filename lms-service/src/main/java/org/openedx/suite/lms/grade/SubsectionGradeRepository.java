package org.openedx.suite.lms.grade;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SubsectionGradeRepository extends JpaRepository<SubsectionGrade, Long> {

    List<SubsectionGrade> findByUserIdAndCourseKeyOrderByUsageKey(long userId, String courseKey);

    Optional<SubsectionGrade> findByUserIdAndUsageKey(long userId, String usageKey);

    boolean existsByUserIdAndCourseKey(long userId, String courseKey);
}
